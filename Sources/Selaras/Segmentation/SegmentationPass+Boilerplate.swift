/// Flags site chrome: sentences matching the language's boilerplate patterns, and every
/// sentence of a short line that occurs more than once in the text.
extension SegmentationPass {
  /// Lines longer than this are article text, never repeated chrome.
  static let repeatedLineLimit = 200

  mutating func markBoilerplate() {
    var lineTexts: [Int: String] = [:]
    var longLines: Set<Int> = []
    for (index, sentence) in sentences.enumerated() {
      let line = sentenceLines[index]
      if sentence.range.count > Self.repeatedLineLimit {
        longLines.insert(line)
      } else {
        lineTexts[line, default: ""] += sentence.text + "\n"
      }
      if isChrome(sentence.text) {
        markBoilerplate(at: index)
      }
    }
    var occurrences: [String: Int] = [:]
    for (line, text) in lineTexts where !longLines.contains(line) {
      occurrences[text, default: 0] += 1
    }
    for (index, line) in sentenceLines.enumerated() {
      if let text = lineTexts[line], !longLines.contains(line), occurrences[text, default: 0] > 1 {
        markBoilerplate(at: index)
      }
    }
  }

  private func isChrome(_ text: String) -> Bool {
    guard text.utf8.count <= 240 else { return false }
    let folded = text.lowercased()
    return rules.boilerplateSentences.contains(folded)
      || rules.boilerplatePrefixes.contains { folded.hasPrefix($0) }
  }
}
