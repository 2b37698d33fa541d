/// The dateline that opens a news story: `JAKARTA, Nov 20 (Reuters) -`,
/// `PADANG, Indonesia, Dec 4 (Reuters) -`, `Bisnis.com, JAKARTA –`,
/// `Jakarta, CNN Indonesia --`, `KOMPAS.com -`.
///
/// Wire datelines carry a date that the Indonesian version rarely repeats, and the site's
/// name has no counterpart, so the aligner weighs a sentence without its dateline: the
/// date would count as a number mismatch and the prefix as a length difference.
enum Dateline {
  /// The sentence after its dateline, or the whole sentence when it has none: a prefix of
  /// at most 60 bytes, ending in a dash (`-`, `–`, `—`, `--`) between spaces, that holds a
  /// wire credit (`(Reuters)`, `(AP)`), a site (`.com`, `CNN Indonesia`) or a place in
  /// capitals before a comma.
  static func body(of sentence: String) -> Substring {
    let text = Substring(sentence)
    // Most sentences have no dash between spaces near their start: one pass over at most
    // 64 bytes tells, before any string is searched.
    var previous: UInt8 = 0
    var hasDash = false
    for byte in sentence.utf8.prefix(64) {
      if previous == 0x20 && (byte == UInt8(ascii: "-") || byte == 0xE2) {
        hasDash = true
        break
      }
      previous = byte
    }
    guard hasDash, let dash = dashEnd(text) else { return text }
    let prefix = text[..<dash.lowerBound]
    let isDateline =
      prefix.contains("(Reuters)") || prefix.contains("(AP)") || prefix.contains("(AFP)")
      || prefix.lowercased().contains(".com") || prefix.contains("CNN Indonesia") || prefix.contains("CNBC Indonesia")
      || isCapitalPlace(prefix)
    return isDateline ? text[dash.upperBound...] : text
  }

  /// The first ` - `, ` – `, ` — ` or ` -- ` within the first 60 bytes.
  private static func dashEnd(_ text: Substring) -> Range<Substring.Index>? {
    let window = text.prefix(64)
    for dash in [" -- ", " - ", " – ", " — "] {
      if let range = window.range(of: dash), text.utf8.distance(from: text.startIndex, to: range.lowerBound) <= 60 {
        return range
      }
    }
    return nil
  }

  /// `JAKARTA, Nov 20`, `Jakarta`: a place (its first word in capitals, or a single
  /// capitalized word) and at most a date after a comma.
  private static func isCapitalPlace(_ prefix: Substring) -> Bool {
    let parts = prefix.split(separator: ",").map { $0.trimmingPrefix(" ") }
    guard let place = parts.first, parts.count <= 3 else { return false }
    let words = place.split(separator: "/").flatMap { $0.split(separator: " ") }
    guard !words.isEmpty, words.count <= 3 else { return false }
    let allCaps = words.allSatisfy { $0.count >= 3 && $0 == $0.uppercased() && $0.allSatisfy(\.isLetter) }
    let oneName = parts.count == 1 && words.count == 1 && words[0].first?.isUppercase == true
      && words[0].dropFirst().allSatisfy(\.isLowercase)
    return allCaps || oneName
  }
}
