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
    guard let dash = dashEnd(sentence) else { return text }
    let utf8 = sentence.utf8
    let prefix = Substring(utf8[..<utf8.index(utf8.startIndex, offsetBy: dash.lowerBound)])
    guard isDateline(prefix, strict: false) else { return text }
    return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: dash.upperBound)...])
  }

  /// Where the body starts after a dateline the translation memory sets aside, as a UTF-8
  /// offset into `bytes` (0 when there is none): a stricter test than ``body(of:)``'s, since
  /// a memory compares whole segments — the prefix must hold a credit in parentheses
  /// (`(Reuters)`, `(ANTARA)`), a site (`.com`, `CNN Indonesia`) or a place in capitals, never
  /// a lone capitalized name (`Prabowo - who …` opens a sentence, not a story).
  static func memoryBodyStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let dash = dashEnd(bytes) else { return 0 }
    let prefix = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<dash.lowerBound]), as: UTF8.self)[...]
    return isDateline(prefix, strict: true) ? dash.upperBound : 0
  }

  /// Whether the text before a dash is a dateline: a site (`.com`, `CNN Indonesia`), a wire
  /// credit, or a place. `strict` (the memory's test) takes any credit in parentheses but no
  /// lone capitalized name for a place; otherwise (the aligner's) the three wires' credits and
  /// a single name too.
  private static func isDateline(_ prefix: Substring, strict: Bool) -> Bool {
    if prefix.lowercased().contains(".com") || prefix.contains("CNN Indonesia") || prefix.contains("CNBC Indonesia") {
      return true
    }
    let credit =
      strict ? hasCredit(prefix) : prefix.contains("(Reuters)") || prefix.contains("(AP)") || prefix.contains("(AFP)")
    return credit || isCapitalPlace(prefix, allowingName: !strict)
  }

  /// Whether `prefix` holds a wire credit in parentheses: `(Reuters)`, `(AP)`, `(ANTARA)`.
  private static func hasCredit(_ prefix: Substring) -> Bool {
    guard let open = prefix.firstIndex(of: "("), let close = prefix[open...].firstIndex(of: ")") else { return false }
    let name = prefix[prefix.index(after: open)..<close]
    return name.count >= 2 && name.first?.isUppercase == true && name.allSatisfy { $0.isLetter || $0 == " " }
  }

  /// The UTF-8 offsets of the first ` - `, ` -- `, ` – ` or ` — ` that ends within the
  /// first 64 bytes, found byte by byte: most sentences have none, and are passed over
  /// without a string search.
  private static func dashEnd(_ sentence: String) -> Range<Int>? {
    var sentence = sentence
    return sentence.withUTF8 { dashEnd($0) }
  }

  private static func dashEnd(_ all: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    let bytes = UnsafeBufferPointer(rebasing: all.prefix(64))
    var index = 0
    while index + 2 < bytes.count {
      defer { index += 1 }
      guard bytes[index] == 0x20 else { continue }
      var end = index + 1
      if bytes[end] == UInt8(ascii: "-") {
        end += 1
        if bytes[end] == UInt8(ascii: "-") { end += 1 }
      } else if bytes[end] == 0xE2 && end + 2 < bytes.count && bytes[end + 1] == 0x80
        && (bytes[end + 2] == 0x93 || bytes[end + 2] == 0x94)
      {
        end += 3
      } else {
        continue
      }
      if end < bytes.count && bytes[end] == 0x20 { return index..<(end + 1) }
    }
    return nil
  }

  /// `JAKARTA, Nov 20`, `Jakarta`: a place (its first word in capitals, or a single
  /// capitalized word) and at most a date after a comma.
  private static func isCapitalPlace(_ prefix: Substring, allowingName: Bool = true) -> Bool {
    let parts = prefix.split(separator: ",").map { $0.trimmingPrefix(" ") }
    guard let place = parts.first, parts.count <= 3 else { return false }
    let words = place.split(separator: "/").flatMap { $0.split(separator: " ") }
    guard !words.isEmpty, words.count <= 3 else { return false }
    let allCaps = words.allSatisfy { $0.count >= 3 && $0 == $0.uppercased() && $0.allSatisfy(\.isLetter) }
    let oneName =
      parts.count == 1 && words.count == 1 && words[0].first?.isUppercase == true
      && words[0].dropFirst().allSatisfy(\.isLowercase)
    return allCaps || allowingName && oneName
  }
}
