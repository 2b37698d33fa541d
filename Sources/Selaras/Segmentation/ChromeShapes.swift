import Foundation

/// Site chrome recognized by its shape rather than by a listed phrase: photo credits, date
/// and time lines, short label lines and calls to log in, subscribe or download.
enum ChromeShapes {
  /// The chrome kind of a sentence: listed patterns first (a listed credit is a credit),
  /// then, for a sentence that is a whole line, the shapes.
  ///
  /// - Parameters:
  ///   - isWholeLine: The sentence is alone on its line (a label or credit never shares one).
  ///   - isFirstLine: The sentence is the text's first line, its headline: never a label.
  static func chrome(of text: String, patterns: ChromePatterns, isWholeLine: Bool, isFirstLine: Bool)
    -> Sentence.Chrome
  {
    chrome(of: text, matchesPattern: patterns.matches(text), isWholeLine: isWholeLine, isFirstLine: isFirstLine)
  }

  /// The chrome kind of a sentence whose match against the listed patterns is known.
  static func chrome(of text: String, matchesPattern: Bool, isWholeLine: Bool, isFirstLine: Bool) -> Sentence.Chrome {
    if matchesPattern {
      return isCredit(text) ? .credit : .pattern
    }
    guard isWholeLine else { return .none }
    // Every shape below is a short line: a sentence of running text is passed over after
    // one look at its length.
    guard text.utf8.count <= 200 else { return .none }
    if isCredit(text) { return .credit }
    // A page's date and time line is the page's own, never a translation of the other
    // page's: the Indonesian edition is stamped when it went up, not when the wire did.
    if isDateLine(text) { return .pattern }
    if !isFirstLine && (isLabel(text) || isCallToAction(text) || isByline(text) || isBreadcrumb(text)) {
      return .label
    }
    return .none
  }

  /// `REUTERS/Willy Kurniawan`, `(AP Photo/Dita Alangkara)`, `ANTARA FOTO/Raisan Al Farisi/foc.`:
  /// an agency of capitalized words before a slash, a capitalized name after it, ten words
  /// at most.
  static func isCredit(_ text: String) -> Bool {
    guard text.utf8.contains(UInt8(ascii: "/")) else { return false }
    var body = Substring(text)
    if body.first == "(" && body.last == ")" { body = body.dropFirst().dropLast() }
    guard let slash = body.firstIndex(of: "/"), body.split(separator: " ").count <= 10 else { return false }
    let agency = body[..<slash].split(separator: " ")
    let rest = body[body.index(after: slash)...]
    guard !agency.isEmpty, agency.count <= 3, let first = rest.first, first.isUppercase else { return false }
    return agency.allSatisfy { word in
      word.first?.isUppercase == true && (word == word.uppercased() || ["Photo", "Foto", "Pictures"].contains(word))
    }
  }

  /// A label: one to four words without a sentence's final punctuation or a digit, each
  /// capitalized or all capitals (or a `#` tag): `Berita Lainnya`, `Foto`, `# Hot Topic`,
  /// `RELATED STORIES`, `Read more`.
  static func isLabel(_ text: String) -> Bool {
    guard text.utf8.count <= 60 else { return false }
    let words = text.split(separator: " ")
    guard (1...4).contains(words.count), let last = text.last, !".!?:;,\"”)".contains(last) else { return false }
    guard !text.contains(where: \.isNumber) else { return false }
    guard let first = words.first?.first, first.isUppercase || first == "#" else { return false }
    // A name of two or three capitalized words (`Joko Widodo`) is no label: labels hold a
    // common word, lowercase after the first or in capitals.
    let capitalizedOnly = words.allSatisfy { $0.first?.isUppercase == true && $0 != $0.uppercased() }
    return !capitalizedOnly || words.count == 1 || labelWords.contains(words[words.count - 1].lowercased())
  }

  /// A page's date, time or byline line: twelve words at most, a time of day (`10:15`,
  /// `10.15`) with its zone or half of day (`WIB`, `WITA`, `WIT`, `GMT`, `UTC`, `AM`, `PM`),
  /// or a date in figures (`12/11/2024`) with either, and no full stop at the
  /// end: `Selasa, 12 Nov 2024 10:15 WIB`, `Kompas.com - 12/11/2024, 10:15 WIB`,
  /// `November 12, 2024 10:15 AM GMT+7`. A sentence with a date ends in a full stop.
  static func isDateLine(_ text: String) -> Bool {
    guard let last = text.last, last != ".", text.contains(where: \.isNumber) else { return false }
    let words = text.split(separator: " ")
    guard words.count <= 12 else { return false }
    let upper = words.map { $0.uppercased().trimmingCharacters(in: .punctuationCharacters) }
    let zone = upper.contains { ["WIB", "WITA", "WIT", "GMT", "UTC", "AM", "PM"].contains($0) || $0.hasPrefix("GMT+") }
    let time = words.contains { word in
      let parts = word.split(whereSeparator: { $0 == ":" || $0 == "." })
      return parts.count == 2 && parts.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isNumber) }
    }
    let date = words.contains { word in
      word.split(separator: "/").count == 3 && word.allSatisfy { $0.isNumber || $0 == "/" || $0 == "," }
    }
    return (time && zone) || (date && (time || zone))
  }

  /// `By Martin Petty`, `By Kate Lamb and Agus Wibowo`, `Oleh: Ananda Teresia`: a byline
  /// word and one to six capitalized names (joined by `and`, `dan` or commas), no full stop.
  static func isByline(_ text: String) -> Bool {
    guard bylineWords.contains(where: { text.hasPrefix($0) }) else { return false }
    var words = text.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",:")) }
    guard let first = words.first, bylineWords.contains(first),
      (2...8).contains(words.count), text.last != "."
    else { return false }
    words.removeFirst()
    let names = words.filter { !["and", "dan", "&", ""].contains($0) }
    return !names.isEmpty && names.count <= 6 && names.allSatisfy { $0.first?.isUppercase == true }
  }

  private static let bylineWords = ["By", "Oleh", "Penulis", "Reporter", "Wartawan"]

  /// `Berita > Internasional`, `Home / Nasional / Hukum`, `News | Asia`: two to four parts
  /// of at most three words each, between `>`, `/`, `|` or `»` with spaces, no full stop.
  static func isBreadcrumb(_ text: String) -> Bool {
    guard text.last != ".", text.contains(where: { ">/|»".contains($0) }) else { return false }
    let parts = text.components(separatedBy: CharacterSet(charactersIn: ">/|»")).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard (2...4).contains(parts.count), text.contains(" > ") || text.contains(" / ") || text.contains(" | ")
      || text.contains(" » ")
    else { return false }
    return parts.allSatisfy { part in
      let words = part.split(separator: " ")
      return (1...3).contains(words.count) && words.first?.first?.isUppercase == true
    }
  }

  /// Common last words of Indonesian and English label lines.
  private static let labelWords: Set<String> = [
    "terkait", "lainnya", "terbaru", "terpopuler", "populer", "topic", "topik", "kami", "untukmu", "juga",
    "stories", "more", "news", "coverage", "video", "foto", "photos", "selengkapnya",
  ]

  /// A call to log in, subscribe, download or follow, at most 25 words: `Silakan login untuk
  /// menikmati artikel Konten Premium.`, `Scan QR Code …`, `Sign up here.`, or a line of at
  /// most 20 words that opens with an imperative to the reader (`Simak Video "…"`,
  /// `Tonton juga …`, `Watch: …`).
  static func isCallToAction(_ text: String) -> Bool {
    guard text.utf8.count <= 200 else { return false }
    let words = text.split(separator: " ")
    guard words.count <= 25 else { return false }
    // A line that opens by telling the reader to watch, read, join or follow.
    if words.count <= 20, let first = words.first, imperatives.contains(String(first)) { return true }
    // A byte search over the ASCII-lowercased line: Foundation's string search cost a third
    // of segmenting a page.
    let bytes = text.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    return callsToActionBytes.contains { needle in
      guard needle.count <= bytes.count else { return false }
      for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
        if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
      }
      return false
    }
  }

  private static let imperatives: Set<String> = [
    "Simak", "Tonton", "Saksikan", "Baca", "Lihat", "Cek", "Klik", "Gabung", "Ikuti", "Dapatkan", "Unduh", "Kunjungi",
    "Watch", "Subscribe", "Follow", "Download", "Listen",
  ]

  private static let callsToActionBytes = callsToAction.map { Array($0.utf8) }

  private static let callsToAction = [
    "login", "log in", "berlangganan", "langganan", "subscribe", "sign up", "download aplikasi", "unduh aplikasi",
    "scan qr", "klik di sini", "click here", "newsletter", "e-paper", "google news", "whatsapp channel",
    "ikuti kami", "follow us",
  ]
}
