import Foundation

/// A term pair proposed for the glossary, with the evidence for it.
public struct TermCandidate: Hashable, Sendable {
  public enum Kind: String, Sendable {
    /// An acronym defined in the text, with its full form.
    case acronym
    /// Words that translate each other across aligned pairs.
    case phrase
  }

  public var kind: Kind
  /// The Indonesian terms, synonyms of one concept: `Kementerian Luar Negeri`, `Kemenlu`.
  public var indonesian: [String]
  /// The English terms: `foreign ministry`.
  public var english: [String]
  /// How many aligned pairs show it.
  public var count: Int
  /// Higher is likelier a term pair; comparable within one kind.
  public var score: Double
  /// One pair that shows it.
  public var example: AlignedPair
  /// Whether the glossary already has the pair (``TermExtractor/glossary``).
  public var isKnown = false
}

extension TermCandidate {
  /// The candidate as a glossary entry, as `glossary extract --accept` adds it: the first
  /// term of each language preferred, the others admitted, the example's origin as each
  /// term's source and the count in the note; nil without an English term.
  public func glossaryEntry() -> TermEntry? {
    guard !english.isEmpty else { return nil }
    let source = "selaras glossary extract: \(example.origin)"
    func terms(_ texts: [String], _ language: LanguageTag) -> [Term] {
      texts.enumerated().map {
        Term($0.element, language: language, status: $0.offset == 0 ? .preferred : .admitted, source: source)
      }
    }
    return TermEntry(
      terms: terms(indonesian, .indonesian) + terms(english, .english),
      note: "seen in \(count) aligned pair\(count == 1 ? "" : "s")")
  }

  /// What `glossary extract` shows of `candidates` (ranked as ``TermExtractor`` ranks them):
  /// every acronym, then the `phraseLimit` best phrases; without those the glossary knows
  /// when `newOnly`.
  public static func shortlist(_ candidates: [TermCandidate], phraseLimit: Int, newOnly: Bool) -> [TermCandidate] {
    let shown = candidates.filter { !newOnly || !$0.isKnown }
    return shown.filter { $0.kind == .acronym } + shown.filter { $0.kind == .phrase }.prefix(phraseLimit)
  }
}
