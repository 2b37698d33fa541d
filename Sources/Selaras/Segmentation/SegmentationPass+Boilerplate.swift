/// Flags site chrome: sentences matching the language's boilerplate patterns, and every
/// sentence of a short line that occurs more than once in the text.
extension SegmentationPass {
  /// Lines longer than this are article text, never repeated chrome.
  static let repeatedLineLimit = 200

  mutating func markBoilerplate() {
    for index in sentences.indices where rules.chrome.matches(sentences[index].text) {
      markBoilerplate(at: index)
    }
    // Lines as runs of sentences that start on the same line.
    var lines: [Range<Int>] = []
    var start = 0
    for index in sentences.indices where index + 1 == sentences.count || sentenceLines[index + 1] != sentenceLines[index] {
      lines.append(start..<(index + 1))
      start = index + 1
    }
    var firstByHash: [UInt64: [Int]] = [:]
    var repeated = Array(repeating: false, count: lines.count)
    for (number, line) in lines.enumerated() {
      let bytes = sentences[line.first!].range.lowerBound..<sentences[line.last!].range.upperBound
      guard bytes.count <= Self.repeatedLineLimit else { continue }
      let hash = ByteHash.of(scanner.bytes[bytes])
      for earlier in firstByHash[hash, default: []] where sameText(lines[earlier], line) {
        repeated[earlier] = true
        repeated[number] = true
      }
      firstByHash[hash, default: []].append(number)
    }
    for (number, line) in lines.enumerated() where repeated[number] {
      for index in line {
        markBoilerplate(at: index)
      }
    }
  }

  private func sameText(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
    first.count == second.count && zip(first, second).allSatisfy { sentences[$0].text == sentences[$1].text }
  }
}
