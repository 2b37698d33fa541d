/// Whether a sentence opens by pointing back at the one before it — "Angka itu …", "Kabut asap
/// tersebut …", "Namun, …", "It …", "The move …": the second half of a sentence the translator
/// split, far more often than a sentence added or dropped on its own (in the newsroom
/// development set's fit half: 38% of the second sentences of 1-2 beads, 6% of unpaired
/// Indonesian sentences; 2 of 5 second sentences of 2-1 beads, none of 21 unpaired English ones).
enum Continuation {
  static func refersBack(_ text: String, language: String) -> Bool {
    let indonesian: Bool
    switch language {
    case "id": indonesian = true
    case "en": indonesian = false
    default: return false
    }
    var text = text
    return text.withUTF8 { bytes in
      // The first six words, compared in place, without regard to ASCII case.
      var index = 0
      var word = 0
      var first: Range<Int>?
      let end = min(bytes.count, 80)
      while index < end && word < 6 {
        while index < end && !isLetter(bytes[index]) { index += 1 }
        let start = index
        while index < end && isLetter(bytes[index]) { index += 1 }
        guard index > start else { break }
        let range = start..<index
        if indonesian {
          if matches(bytes, range, "itu") || matches(bytes, range, "tersebut") { return true }
          if word == 0 && indonesianOpeners.contains(where: { matches(bytes, range, $0) }) { return true }
        } else if word == 0 {
          // A capitalised pronoun or "The" opening the sentence.
          guard (0x41...0x5A).contains(bytes[start]) else { return false }
          if englishOpeners.contains(where: { matches(bytes, range, $0) }) { return true }
          first = range
        } else if let first, matches(bytes, first, "the") {
          return englishReferents.contains { matches(bytes, range, $0) }
        } else {
          return false
        }
        word += 1
      }
      return false
    }
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80
  }

  /// Whether the bytes in `range` are `word` (lowercase ASCII), ignoring ASCII case.
  private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: StaticString) -> Bool {
    guard range.count == word.utf8CodeUnitCount else { return false }
    let letters = word.utf8Start
    for offset in 0..<range.count where bytes[range.lowerBound + offset] | 0x20 != letters[offset] { return false }
    return true
  }

  private static let indonesianOpeners: [StaticString] = ["namun", "hal", "adapun", "meski", "meskipun", "sementara"]
  private static let englishOpeners: [StaticString] = [
    "it", "this", "that", "these", "those", "he", "she", "they", "its", "his", "her", "their", "but",
  ]
  private static let englishReferents: [StaticString] = [
    "move", "decision", "figure", "agency", "ministry", "company", "bank", "government", "report", "plan",
  ]
}
