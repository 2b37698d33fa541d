/// The fuzzy search every backend runs over its word index, so that all return the same
/// matches with the same scores.
///
/// Never a scan of every unit: the word index bounds the match percentage of every unit
/// that holds one of the query's ``rarestWordCount`` rarest tokens (see ``MatchBounds``),
/// and units are scored by the exact token Levenshtein (``FuzzyMatch``) in the order of their
/// bounds, until no bound left can beat the `limit` best scores found, or ``candidateCount``
/// units a side are scored.
package enum MemorySearch {
  /// A unit found: its score, its id, and whether the query matched its target side.
  package struct Found: Sendable {
    package var score: Int
    package var id: Int64
    package var turned: Bool
  }

  /// The best units for `text` in `options.language`, best first (the earlier unit first
  /// among equal scores), with every unit tied with the `limit`-th (which a caller ranks by
  /// ``MemoryMatch/ranked(_:limit:score:isReviewed:)``).
  ///
  /// - Parameters:
  ///   - largestId: the largest unit id stored.
  ///   - batch: how many candidates `tokens` is asked for first: 1 where reading a unit
  ///     costs little (SQLite), more where each read is a round trip (a server), each later
  ///     batch twice the last; a batch stops at the first bound below the scores found.
  ///   - tokens: the text of the side given of each unit asked for, as the memory compares it
  ///     (``MatchText``), nil where the unit is gone or that side is in another language.
  package static func best(
    _ text: String, options: MemorySearchOptions, largestId: Int, index: some MatchBoundsIndex, batch: Int = 1,
    tokens: (_ units: [(id: Int64, side: UnitSide)]) throws -> [MatchText?]
  ) throws -> [Found] {
    let query = MatchText(text)
    var scoring = Scoring(
      query: query, options: options,
      candidates: try candidates(query, options: options, largestId: largestId, index: index), batch: batch)
    while let units = try scoring.nextBatch() {
      scoring.score(try tokens(units))
    }
    return scoring.found
  }

  /// Both sides' candidates for `query` (``MatchBounds/ranked(query:keys:placeables:language:side:largestId:minimumScore:lists:commonUnits:refined:count:index:)``),
  /// each side's in its own order, the source side's first.
  package static func candidates(
    _ query: MatchText, options: MemorySearchOptions, largestId: Int, index: some MatchBoundsIndex
  ) throws -> [(candidate: MatchBounds.Candidate, side: UnitSide)] {
    let keys = self.keys(of: query)
    guard !keys.isEmpty, options.limit > 0 else { return [] }
    var candidates: [(candidate: MatchBounds.Candidate, side: UnitSide)] = []
    for side in UnitSide.allCases {
      candidates += try MatchBounds.ranked(
        query: query.indexKeys, keys: keys, placeables: query.placeableKeys, language: options.language.language,
        side: side, largestId: largestId, minimumScore: options.minimumScore, lists: rarestWordCount,
        commonUnits: max(commonWordUnits, largestId / 32),
        refined: refinedCount, count: candidateCount, index: index
      ).map { ($0, side) }
    }
    return candidates
  }

  /// The distinct index keys of `query`, in the order they first occur: what a search asks
  /// the word index for.
  package static func keys(of query: MatchText) -> [UInt64] {
    var seen = Set<UInt64>()
    return query.indexKeys.filter { seen.insert($0).inserted }
  }

  /// The matches shown for the units found by ``best(_:options:largestId:index:batch:tokens:)``
  /// for `query`, each with its suggested target (``SuggestedTarget``):
  /// among the units tied with the `limit`-th, those a person reviewed first, found by
  /// `reviewed` (the ids among those given whose status is reviewed) before any unit is read
  /// whole; then the units shown read whole by `units`, turned to the query's language.
  package static func matches(
    _ found: [Found], for query: String, limit: Int, reviewed: (_ ids: [Int64]) throws -> Set<Int64>,
    units: (_ ids: [Int64]) throws -> [Int64: TranslationUnit]
  ) throws -> [MemoryMatch] {
    let best = shown(found, limit: limit, reviewed: found.count > limit ? try reviewed(found.map(\.id)) : [])
    return matches(best, for: query, limit: limit, units: try units(best.map(\.id)))
  }

  /// The units found to show: all when no more than `limit`, else the best `limit`, the
  /// `reviewed` ones first among those tied with the `limit`-th (only asked for when more are
  /// found: ``matches(_:for:limit:reviewed:units:)``).
  package static func shown(_ found: [Found], limit: Int, reviewed: Set<Int64>) -> [Found] {
    guard found.count > limit else { return found }
    return MemoryMatch.ranked(found, limit: limit, score: \.score, isReviewed: { reviewed.contains($0.id) })
  }

  /// The matches of the units `shown`, read whole into `stored`, turned to the query's
  /// language (a unit missing from `stored` is gone).
  package static func matches(
    _ shown: [Found], for query: String, limit: Int, units stored: [Int64: TranslationUnit]
  ) -> [MemoryMatch] {
    let matches = shown.compactMap { match -> MemoryMatch? in
      guard let unit = stored[match.id] else { return nil }
      return MemoryMatch(score: match.score, unit: match.turned ? unit.reversed : unit, id: match.id, query: query)
    }
    // Within the limit no tie was cut, and the read properties say which are reviewed.
    return MemoryMatch.ranked(matches, limit: limit)
  }

  /// How many candidates read one at a time are scored between two looks at the deadline.
  static let deadlineCheck = 32

  /// How many of the query's rarest tokens are read through for candidates.
  package static let rarestWordCount = 12
  /// Tokens held by more units than this, or than one unit in 32 if that is more (where the
  /// index keeps bitmaps), are too common to find candidates by (`the`, `yang`, `.`): they
  /// only tighten the candidates' bounds.
  package static let commonWordUnits = 1000
  /// How many units a side, those with the highest bounds, a search scores at most.
  package static let candidateCount = 400
  /// How many units a side, those with the highest bounds from the rarest words, have their
  /// bounds tightened by the common words (see ``MatchBounds``).
  package static let refinedCount = 12_288
}
