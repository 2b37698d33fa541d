/// A unit found by fuzzy search, with its match percentage.
public struct MemoryMatch: Hashable, Sendable, Codable {
  /// The match percentage, ``FuzzyMatch/score(_:_:)`` of the query and the unit's side in
  /// the query's language: the same for every backend.
  public var score: Int
  /// The unit, turned so that its source is in the query's language.
  public var unit: TranslationUnit
  /// The unit's identifier in the memory that found it (``TranslationMemory/deleteUnit(id:)``),
  /// when it has one.
  public var id: Int64?
  /// The unit's target with the query's placeables substituted (``SuggestedTarget``), when
  /// any was; nil when the suggestion is the stored target.
  public var suggestion: String?
  /// What the suggestion substituted, when anything.
  public var substituted: [PlaceableSubstitution]?
  /// The query's placeables whose values the suggestion does not carry, when any: it still
  /// holds the stored values there.
  public var unsubstituted: [String]?

  public init(score: Int, unit: TranslationUnit, id: Int64? = nil) {
    self.score = score
    self.unit = unit
    self.id = id
  }

  /// The unit found for `query`, with its target suggested for it (``SuggestedTarget``).
  /// A match whose suggestion is not the stored target is never 100: only a dateline's date
  /// can differ in a match of 100, and the target changed with it is for a person to confirm.
  public init(score: Int, unit: TranslationUnit, id: Int64? = nil, query: String) {
    self.init(score: score, unit: unit, id: id)
    guard score < 100 || query != unit.source else { return }
    let suggested = SuggestedTarget(
      for: query, source: unit.source, target: unit.target, sourceLanguage: unit.sourceLanguage,
      targetLanguage: unit.targetLanguage)
    guard !suggested.isStoredTarget else { return }
    self.score = min(score, 99)
    suggestion = suggested.text
    substituted = suggested.substituted.isEmpty ? nil : suggested.substituted
    unsubstituted = suggested.unsubstituted.isEmpty ? nil : suggested.unsubstituted
  }

  /// The target to offer: the suggestion, else the stored target.
  public var target: String { suggestion ?? unit.target }
}

extension MemoryMatch {
  /// The first `limit` of `matches` in the order a search returns them: the higher score first;
  /// among equal scores a reviewed unit (``TranslationUnit/isReviewed``) before one nobody
  /// reviewed; then as they came (a backend passes them earlier unit first).
  package static func ranked(_ matches: [MemoryMatch], limit: Int) -> [MemoryMatch] {
    ranked(matches, limit: limit, score: \.score, isReviewed: \.unit.isReviewed)
  }

  /// The same order over a backend's candidates, scored but not yet read whole: for a backend
  /// that finds which are reviewed before it reads the units it will show.
  package static func ranked<Candidate>(
    _ candidates: [Candidate], limit: Int, score: (Candidate) -> Int, isReviewed: (Candidate) -> Bool
  ) -> [Candidate] {
    candidates.enumerated().sorted { first, second in
      (score(first.element), isReviewed(first.element) ? 1 : 0, -first.offset)
        > (score(second.element), isReviewed(second.element) ? 1 : 0, -second.offset)
    }.prefix(limit).map(\.element)
  }
}
