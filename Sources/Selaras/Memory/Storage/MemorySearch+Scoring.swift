extension MemorySearch {
  /// The scoring of a search's candidates, a batch at a time: which units' texts the search
  /// wants next (``nextBatch()``), and the matches found so far. The caller reads each batch's
  /// texts as its backend reads them (a call, a round trip) and hands them to ``score(_:)``.
  ///
  /// Candidates of both sides are scored together in the order of their bounds, so that a
  /// batch may hold units of both; a batch holds only candidates whose bound can still reach
  /// the `limit`-th score found (bounds are upper bounds: nothing after the first one below
  /// can beat the scores found), and scoring stops at the first such candidate.
  package struct Scoring {
    private let query: MatchText
    private let options: MemorySearchOptions
    private let candidates: [(candidate: MatchBounds.Candidate, side: UnitSide)]
    private let grows: Bool
    private var size: Int
    private var next = 0
    private var asked: Range<Int> = 0..<0
    private var done = false
    /// The units found so far, best first (the earlier unit first among equal scores), with
    /// every unit tied with the `limit`-th.
    package private(set) var found: [Found] = []

    /// Scoring of `candidates` (``MemorySearch/candidates(_:options:largestId:index:)``) for
    /// `query`, `batch` of them at first, each later batch twice the last when `batch` is more
    /// than 1.
    package init(
      query: MatchText, options: MemorySearchOptions,
      candidates: [(candidate: MatchBounds.Candidate, side: UnitSide)], batch: Int
    ) {
      self.query = query
      self.options = options
      // Stable: among equal bounds, the source side's first, each side in its own order.
      self.candidates = candidates.enumerated().sorted {
        ($1.element.candidate.bound, $0.offset) < ($0.element.candidate.bound, $1.offset)
      }.map(\.element)
      grows = batch > 1
      size = max(1, batch)
    }

    /// The lowest score a unit must reach to be among the matches.
    private var needed: Int {
      found.count >= options.limit ? found[options.limit - 1].score : options.minimumScore
    }

    /// The units whose texts are wanted next, nil once the search is done; past the options'
    /// deadline, ``MemorySearchTimeout`` (checked before every batch when batches grow, else
    /// every ``MemorySearch/deadlineCheck`` candidates).
    package mutating func nextBatch() throws -> [(id: Int64, side: UnitSide)]? {
      guard !done, options.limit > 0, next < candidates.count else { return nil }
      if let deadline = options.deadline, grows || next % MemorySearch.deadlineCheck == 0,
        ContinuousClock.now >= deadline
      {
        throw MemorySearchTimeout()
      }
      let needed = self.needed
      var end = next
      while end < min(candidates.count, next + size), candidates[end].candidate.bound >= needed { end += 1 }
      guard end > next else {
        done = true
        return nil
      }
      asked = next..<end
      next = end
      if grows { size *= 2 }
      return candidates[asked].map { ($0.candidate.id, $0.side) }
    }

    /// Scores the texts of the units ``nextBatch()`` gave last, in its order (nil for a unit
    /// gone, or whose side is in another language).
    package mutating func score(_ texts: [MatchText?]) {
      let limit = options.limit
      for ((candidate, side), stored) in zip(candidates[asked], texts) {
        guard candidate.bound >= needed else {
          done = true
          return
        }
        guard let stored else { continue }
        let score = FuzzyMatch.score(query, stored)
        guard score >= options.minimumScore else { continue }
        // By score, then id; a unit found on both sides (both in the query's language) as
        // its source side first, whichever side's bound came first.
        let turned = side == .target
        let place =
          found.firstIndex {
            $0.score < score || $0.score == score && ($0.id > candidate.id || $0.id == candidate.id && $0.turned && !turned)
          } ?? found.count
        if place < limit || score == found[limit - 1].score {
          found.insert(Found(score: score, id: candidate.id, turned: turned), at: place)
          while found.count > limit, found[found.count - 1].score < found[limit - 1].score { found.removeLast() }
        }
      }
      asked = next..<next
    }
  }
}
