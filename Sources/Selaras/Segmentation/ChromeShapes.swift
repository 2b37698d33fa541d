/// Site chrome recognized by its shape rather than by a listed phrase: photo credits, short
/// label lines and calls to log in, subscribe or download.
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
    if patterns.matches(text) {
      return isCredit(text) ? .credit : .pattern
    }
    guard isWholeLine else { return .none }
    if isCredit(text) { return .credit }
    if !isFirstLine && (isLabel(text) || isCallToAction(text)) { return .label }
    return .none
  }

  /// `REUTERS/Willy Kurniawan`, `(AP Photo/Dita Alangkara)`, `ANTARA FOTO/Raisan Al Farisi/foc.`:
  /// an agency of capitalized words before a slash, a capitalized name after it, ten words
  /// at most.
  static func isCredit(_ text: String) -> Bool {
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
    let words = text.split(separator: " ")
    guard (1...4).contains(words.count), let last = text.last, !".!?:;,\"”)".contains(last) else { return false }
    guard !text.contains(where: \.isNumber) else { return false }
    guard let first = words.first?.first, first.isUppercase || first == "#" else { return false }
    // A name of two or three capitalized words (`Joko Widodo`) is no label: labels hold a
    // common word, lowercase after the first or in capitals.
    let capitalizedOnly = words.allSatisfy { $0.first?.isUppercase == true && $0 != $0.uppercased() }
    return !capitalizedOnly || words.count == 1 || labelWords.contains(words[words.count - 1].lowercased())
  }

  /// Common last words of Indonesian and English label lines.
  private static let labelWords: Set<String> = [
    "terkait", "lainnya", "terbaru", "terpopuler", "populer", "topic", "topik", "kami", "untukmu", "juga",
    "stories", "more", "news", "coverage", "video", "foto", "photos", "selengkapnya",
  ]

  /// A call to log in, subscribe, download or follow, at most 25 words: `Silakan login untuk
  /// menikmati artikel Konten Premium.`, `Scan QR Code …`, `Sign up here.`
  static func isCallToAction(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    guard words.count <= 25 else { return false }
    let lowered = text.lowercased()
    return callsToAction.contains { lowered.contains($0) }
  }

  private static let callsToAction = [
    "login", "log in", "berlangganan", "langganan", "subscribe", "sign up", "download aplikasi", "unduh aplikasi",
    "scan qr", "klik di sini", "click here", "newsletter", "e-paper", "google news", "whatsapp channel",
    "ikuti kami", "follow us",
  ]
}
