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

  public init(score: Int, unit: TranslationUnit, id: Int64? = nil) {
    self.score = score
    self.unit = unit
    self.id = id
  }
}

extension MemoryMatch {
  /// The first `limit` of `matches` in the order a search returns them: the higher score first;
  /// among equal scores a reviewed unit (``TranslationUnit/isReviewed``) before one nobody
  /// reviewed; then as they came (a backend passes them earlier unit first).
  public static func ranked(_ matches: [MemoryMatch], limit: Int) -> [MemoryMatch] {
    ranked(matches, limit: limit, score: \.score, isReviewed: \.unit.isReviewed)
  }

  /// The same order over a backend's candidates, scored but not yet read whole: for a backend
  /// that finds which are reviewed before it reads the units it will show.
  public static func ranked<Candidate>(
    _ candidates: [Candidate], limit: Int, score: (Candidate) -> Int, isReviewed: (Candidate) -> Bool
  ) -> [Candidate] {
    candidates.enumerated().sorted { first, second in
      (score(first.element), isReviewed(first.element) ? 1 : 0, -first.offset)
        > (score(second.element), isReviewed(second.element) ? 1 : 0, -second.offset)
    }.prefix(limit).map(\.element)
  }
}
