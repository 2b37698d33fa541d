import Foundation

/// Flags site chrome: sentences matching the language's boilerplate patterns or the shapes
/// of credits and label lines (``ChromeShapes``), and every sentence of a short line that
/// occurs more than once in the text (the first copy as ``Sentence/Chrome/firstOfRepeated``).
extension SegmentationPass {
  /// Lines longer than this are article text, never repeated chrome.
  static let repeatedLineLimit = 200

  mutating func markBoilerplate() {
    // The shape of each distinct short sentence is worked out once: a page saved many times
    // over repeats every line, and the shape checks cost far more than a lookup by the hash
    // of the sentence's bytes. Only sentences that need them are looked up: a whole line, or
    // one that matches a pattern (a credit or not); any other sentence is no chrome after one
    // cheap pattern check.
    var shapes: [UInt64: [(bytes: Range<Int>, isWholeLine: Bool, chrome: Sentence.Chrome)]] = [:]
    for index in sentences.indices {
      let line = sentenceLines[index]
      let isWholeLine =
        (index == 0 || sentenceLines[index - 1] != line)
        && (index + 1 == sentences.count || sentenceLines[index + 1] != line)
      let isFirstLine = line == sentenceLines[0]
      let matchesPattern = rules.chrome.matches(sentences[index].text)
      guard isWholeLine || matchesPattern else { continue }
      let bytes = sentences[index].range
      func shape() -> Sentence.Chrome {
        ChromeShapes.chrome(
          of: sentences[index].text, matchesPattern: matchesPattern, isWholeLine: isWholeLine, isFirstLine: isFirstLine)
      }
      guard !isFirstLine && bytes.count <= Self.repeatedLineLimit else {
        setChrome(shape(), at: index)
        continue
      }
      let hash = ByteHash.ofLine(UnsafeBufferPointer(rebasing: scanner.bytes[bytes]))
      if let known = shapes[hash]?.first(where: { $0.isWholeLine == isWholeLine && sameBytes($0.bytes, bytes) }) {
        setChrome(known.chrome, at: index)
      } else {
        let chrome = shape()
        shapes[hash, default: []].append((bytes, isWholeLine, chrome))
        setChrome(chrome, at: index)
      }
    }
    // Lines as runs of sentences that start on the same line.
    var lines: [Range<Int>] = []
    var start = 0
    for index in sentences.indices where index + 1 == sentences.count || sentenceLines[index + 1] != sentenceLines[index] {
      lines.append(start..<(index + 1))
      start = index + 1
    }
    // Each distinct short line once per hash, so that a text repeating one line many
    // times compares each copy with one earlier line, not with all of them.
    var distinctByHash: [UInt64: [Int]] = [:]
    var firstCopies: Set<Int> = []
    for (number, line) in lines.enumerated() {
      let bytes = sentences[line.first!].range.lowerBound..<sentences[line.last!].range.upperBound
      guard bytes.count <= Self.repeatedLineLimit else { continue }
      let hash = ByteHash.ofLine(UnsafeBufferPointer(rebasing: scanner.bytes[bytes]))
      guard let first = distinctByHash[hash, default: []].first(where: { sameText(lines[$0], line) }) else {
        distinctByHash[hash, default: []].append(number)
        continue
      }
      firstCopies.insert(first)
      for index in line {
        setChrome(.repeated, at: index)
      }
    }
    for number in firstCopies {
      for index in lines[number] where sentences[index].chrome.isPairable {
        setChrome(.firstOfRepeated, at: index)
      }
    }
  }

  /// Whether two ranges of the input hold the same bytes.
  private func sameBytes(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
    first.count == second.count
      && (first.isEmpty || memcmp(scanner.bytes.baseAddress! + first.lowerBound, scanner.bytes.baseAddress! + second.lowerBound, first.count) == 0)
  }

  private func sameText(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
    first.count == second.count && zip(first, second).allSatisfy { sentences[$0].text == sentences[$1].text }
  }
}
