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
    try best(MatchText(text), options: options, largestId: largestId, index: index, batch: batch, tokens: tokens)
  }

  /// ``best(_:options:largestId:index:batch:tokens:)`` for a query already read.
  package static func best(
    _ query: MatchText, options: MemorySearchOptions, largestId: Int, index: some MatchBoundsIndex, batch: Int = 1,
    tokens: (_ units: [(id: Int64, side: UnitSide)]) throws -> [MatchText?]
  ) throws -> [Found] {
    let (language, minimumScore, limit) = (options.language, options.minimumScore, options.limit)
    let keys = self.keys(of: query)
    guard !keys.isEmpty, limit > 0 else { return [] }
    // Both sides' candidates, scored together in the order of their bounds: a batch of texts
    // read may hold units of both.
    var candidates: [(candidate: MatchBounds.Candidate, side: UnitSide)] = []
    for side in UnitSide.allCases {
      candidates += try MatchBounds.ranked(
        query: query.indexKeys, keys: keys, placeables: query.placeableKeys, language: language.language, side: side,
        largestId: largestId, minimumScore: minimumScore, lists: rarestWordCount,
        commonUnits: max(commonWordUnits, largestId / 32),
        refined: refinedCount, count: candidateCount, index: index
      ).map { ($0, side) }
    }
    // Stable: among equal bounds, the source side's first, each side in its own order.
    candidates = candidates.enumerated().sorted {
      ($1.element.candidate.bound, $0.offset) < ($0.element.candidate.bound, $1.offset)
    }.map(\.element)
    var best: [Found] = []
    var next = 0
    var size = batch
    scoring: while next < candidates.count {
      // Between batches, and every so many candidates when they are read one at a time.
      if let deadline = options.deadline, next % deadlineCheck == 0 || batch > 1, ContinuousClock.now >= deadline {
        throw MemorySearchTimeout()
      }
      // Nothing from the first bound below the scores found on can beat them: a batch holds
      // none of those.
      let needed = best.count >= limit ? best[limit - 1].score : minimumScore
      var end = next
      while end < min(candidates.count, next + size), candidates[end].candidate.bound >= needed { end += 1 }
      guard end > next else { break }
      let chunk = candidates[next..<end]
      next = end
      if batch > 1 { size *= 2 }
      let texts = try tokens(chunk.map { ($0.candidate.id, $0.side) })
      for ((candidate, side), stored) in zip(chunk, texts) {
        guard candidate.bound >= (best.count >= limit ? best[limit - 1].score : minimumScore) else { break scoring }
        guard let stored else { continue }
        let score = FuzzyMatch.score(query, stored)
        guard score >= minimumScore else { continue }
        // By score, then id; a unit found on both sides (both in the query's language) as
        // its source side first, whichever side's bound came first.
        let turned = side == .target
        let place =
          best.firstIndex {
            $0.score < score || $0.score == score && ($0.id > candidate.id || $0.id == candidate.id && $0.turned && !turned)
          } ?? best.count
        if place < limit || score == best[limit - 1].score {
          best.insert(Found(score: score, id: candidate.id, turned: turned), at: place)
          while best.count > limit, best[best.count - 1].score < best[limit - 1].score { best.removeLast() }
        }
      }
    }
    return best
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
    var best = found
    if best.count > limit {
      let ids = try reviewed(best.map(\.id))
      best = MemoryMatch.ranked(best, limit: limit, score: \.score, isReviewed: { ids.contains($0.id) })
    }
    let stored = try units(best.map(\.id))
    let matches = best.compactMap { match -> MemoryMatch? in
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
