/// A pair whose translation does not follow the glossary.
public struct TermIssue: Hashable, Sendable {
  public enum Kind: String, Sendable {
    /// A source term has none of its concept's translations in the target.
    case missing
    /// The target uses a translation the glossary forbids.
    case forbidden
  }

  public var kind: Kind
  public var pair: AlignedPair
  /// The glossary term found in the source, as written there, and its language.
  public var found: String
  public var foundLanguage: LanguageTag
  /// What the target should have: the concept's preferred term in its language.
  public var expected: String
  /// For `forbidden`, the forbidden term the target uses.
  public var used: String?
}

/// The terminology check of QA tools such as Xbench: for every pair, each glossary term in
/// the source must have one of its concept's allowed translations in the target, and the
/// target must not use a forbidden one. A source that says `Health Ministry` over a target
/// that says `Kemenlu` is caught (and so is `Kemenlu` over `Health Ministry` when the
/// Indonesian is the source). Matching is the glossary's own (``GlossaryMatcher``):
/// inflected forms, `-nya` and acronyms count.
public struct TermChecker: Sendable {
  public let glossary: GlossaryMatcher
  /// For each entry, the concept it belongs to (see `concept(of:)`).
  private let concepts: [Int]

  public init(glossary: GlossaryMatcher) {
    self.glossary = glossary
    var byTerm: [String: Int] = [:]
    var concepts = Array(glossary.entries.indices)
    for (index, entry) in glossary.entries.enumerated() {
      for term in entry.terms {
        let key = term.language.language + ":" + term.text.lowercased()
        if let first = byTerm[key] {
          concepts[index] = min(concepts[index], concepts[first])
        } else {
          byTerm[key] = index
        }
      }
    }
    self.concepts = concepts
  }

  public func issues(in pair: AlignedPair) -> [TermIssue] {
    var issues: [TermIssue] = []
    let targetMatches = glossary.matches(in: pair.target, language: pair.targetLanguage)
    // Concepts the target names, by any of their terms in its language.
    let named = Dictionary(grouping: targetMatches, by: { concept(of: $0.entry) })
    var reported = Set<String>()
    var places = Set<Range<Int>>()
    // One match a place: the first entry's, the others naming the same words.
    for match in glossary.matches(in: pair.source, language: pair.sourceLanguage) where places.insert(match.range).inserted {
      let allowed = glossary.entries[match.entry].terms(in: pair.targetLanguage).filter { $0.status != .forbidden }
      guard let expected = allowed.first else { continue }
      let there = named[concept(of: match.entry)] ?? []
      if let forbidden = there.first(where: { $0.term.status == .forbidden }) {
        issues.append(
          TermIssue(
            kind: .forbidden, pair: pair, found: match.matchedText, foundLanguage: pair.sourceLanguage,
            expected: expected.text, used: forbidden.matchedText))
      } else if !there.contains(where: { $0.term.status != .forbidden }),
        reported.insert(match.matchedText.lowercased()).inserted
      {
        issues.append(
          TermIssue(
            kind: .missing, pair: pair, found: match.matchedText, foundLanguage: pair.sourceLanguage,
            expected: expected.text, used: nil))
      }
    }
    return issues
  }

  /// Entries that share a term (the shipped glossary and the user's store may both have a
  /// concept) count as one concept: the smallest index among them.
  private func concept(of entry: Int) -> Int {
    concepts[entry]
  }
}
