/// A pair whose translation does not follow the glossary.
public struct TermIssue: Hashable, Sendable {
  public enum Kind: String, Sendable {
    /// A term of one side has none of its concept's translations on the other.
    case missing
    /// The other side uses a translation the glossary forbids.
    case forbidden
  }

  public var kind: Kind
  public var pair: AlignedPair
  /// The glossary term found, as written in the text, and its language.
  public var found: String
  public var foundLanguage: LanguageTag
  /// What the other side should have: the concept's preferred term there.
  public var expected: String
  /// For `forbidden`, the forbidden term the other side uses.
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
    let sides = [(pair.source, pair.sourceLanguage), (pair.target, pair.targetLanguage)]
    let matches = sides.map { glossary.matches(in: $0.0, language: $0.1) }
    for (side, other) in [(0, 1)] {
      let otherLanguage = sides[other].1
      // Concepts named on the other side, by any of their terms in its language.
      let named = Dictionary(grouping: matches[other], by: { concept(of: $0.entry) })
      var reported = Set<String>()
      for match in matches[side] {
        let entry = glossary.entries[match.entry]
        let allowed = entry.terms(in: otherLanguage).filter { $0.status != .forbidden }
        guard let expected = allowed.first else { continue }
        let there = named[concept(of: match.entry)] ?? []
        if let forbidden = there.first(where: { $0.term.status == .forbidden && $0.term.language == otherLanguage }) {
          issues.append(
            TermIssue(
              kind: .forbidden, pair: pair, found: match.matchedText, foundLanguage: sides[side].1,
              expected: expected.text, used: forbidden.matchedText))
        } else if !there.contains(where: { $0.term.status != .forbidden }),
          reported.insert(match.matchedText.lowercased()).inserted
        {
          issues.append(
            TermIssue(
              kind: .missing, pair: pair, found: match.matchedText, foundLanguage: sides[side].1,
              expected: expected.text, used: nil))
        }
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
