/// Tells Indonesian from English by their commonest function words: enough for news text,
/// where a paragraph holds a dozen of them, and for the one question Selaras asks — which of
/// its two languages a text is in.
public enum LanguageIdentification {
  /// What the words of a text say about its language.
  public struct Evidence: Hashable, Sendable {
    /// Function words of each language found.
    public var indonesian: Int
    public var english: Int

    /// The language whose function words outnumber the other's at least two to one, with at
    /// least `minimumWords` of them; nil when the text says too little or is mixed.
    public func language(minimumWords: Int = 5) -> LanguageTag? {
      if indonesian >= minimumWords && indonesian >= 2 * english { return .indonesian }
      if english >= minimumWords && english >= 2 * indonesian { return .english }
      return nil
    }

    /// The language with more function words, however few; nil when neither has any.
    public var likelier: LanguageTag? {
      if indonesian == 0 && english == 0 { return nil }
      return indonesian > english ? .indonesian : .english
    }
  }

  /// Counts the function words of both languages in the first `wordLimit` words of `text`.
  public static func evidence(_ text: some StringProtocol, wordLimit: Int = 2000) -> Evidence {
    var evidence = Evidence(indonesian: 0, english: 0)
    var words = 0
    for word in text.split(whereSeparator: { !$0.isLetter }) {
      words += 1
      if words > wordLimit { break }
      guard word.count <= 8 else { continue }
      let folded = word.lowercased()
      if indonesianWords.contains(folded) { evidence.indonesian += 1 }
      if englishWords.contains(folded) { evidence.english += 1 }
    }
    return evidence
  }

  /// The language of `text`, id or en, when its function words tell (see ``Evidence``).
  public static func language(of text: some StringProtocol, minimumWords: Int = 5) -> LanguageTag? {
    evidence(text).language(minimumWords: minimumWords)
  }

  // Words that are frequent in one language's news and absent from the other's: "di" and
  // "a" are left out of both lists, each being a word (or an initial) in the other language.
  private static let indonesianWords: Set<String> = [
    "yang", "dan", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan", "pada", "juga", "ke",
    "karena", "oleh", "sebagai", "telah", "kata", "adalah", "bahwa", "atau", "ada", "tersebut", "lebih", "sudah",
    "para", "mereka", "kami", "tahun", "menurut",
  ]
  private static let englishWords: Set<String> = [
    "the", "and", "of", "to", "is", "that", "for", "it", "with", "was", "on", "as", "said", "by", "from",
    "have", "has", "are", "were", "which", "would", "will", "its", "their", "been", "this", "after", "but",
    "year", "in",
  ]
}
