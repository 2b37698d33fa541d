import Foundation
@testable import Selaras
import Testing

/// A search's scoring a batch at a time: what it asks its backend for, in what order, and
/// when it stops asking.
@Suite("Memory search scoring")
struct MemorySearchScoringTests {
  private let query = "Bank Indonesia kept its benchmark rate unchanged on Wednesday."
  private let near = "Bank Indonesia kept its benchmark rate unchanged on Thursday."
  private let far = "Bank Indonesia raised its benchmark rate on Thursday, surprising markets."

  /// Candidates of both sides with these bounds, ids from 1 in the order given.
  private func candidates(_ bounds: [(Int, UnitSide)]) -> [(candidate: MatchBounds.Candidate, side: UnitSide)] {
    bounds.enumerated().map { (MatchBounds.Candidate(id: Int64($0.offset + 1), bound: $0.element.0), $0.element.1) }
  }

  @Test("Both sides' candidates are asked for in the order of their bounds, the first batch as large as asked")
  func batchesFollowBoundsAcrossSides() throws {
    var scoring = MemorySearch.Scoring(
      query: MatchText(query), options: MemorySearchOptions(language: .english, minimumScore: 50, limit: 3),
      candidates: candidates([(100, .source), (80, .source), (95, .target), (60, .target), (90, .source)]), batch: 2)
    let first = try #require(try scoring.nextBatch())
    #expect(first.map(\.id) == [1, 3])
    #expect(first.map(\.side) == [.source, .target])
    scoring.score([MatchText(query), MatchText(near)])
    // Fewer than three found: every bound down to the minimum is still wanted, twice as many.
    let second = try #require(try scoring.nextBatch())
    #expect(second.map(\.id) == [5, 2, 4])
  }

  @Test("Once the limit's matches score above every bound left, nothing more is read")
  func stopsAtTheFirstBoundBelowTheScoresFound() throws {
    var scoring = MemorySearch.Scoring(
      query: MatchText(query), options: MemorySearchOptions(language: .english, minimumScore: 50, limit: 2),
      candidates: candidates([(100, .source), (100, .source), (90, .source), (80, .target)]), batch: 2)
    let first = try #require(try scoring.nextBatch())
    #expect(first.map(\.id) == [1, 2])
    scoring.score([MatchText(query), MatchText(query)])
    #expect(try scoring.nextBatch() == nil)
    #expect(scoring.found.map(\.id) == [1, 2])
    #expect(scoring.found.map(\.score) == [100, 100])
  }

  @Test("Within a batch, a unit below the minimum is passed over and a missing text is skipped")
  func scoresWhatCameBack() throws {
    var scoring = MemorySearch.Scoring(
      query: MatchText(query), options: MemorySearchOptions(language: .english, minimumScore: 80, limit: 5),
      candidates: candidates([(100, .source), (100, .target), (100, .source)]), batch: 4)
    let batch = try #require(try scoring.nextBatch())
    #expect(batch.count == 3)
    scoring.score([MatchText(far), nil, MatchText(near)])
    #expect(FuzzyMatch.score(query, far) < 80)
    #expect(scoring.found.map(\.id) == [3])
    #expect(scoring.found.first?.turned == false)
    #expect(try scoring.nextBatch() == nil)
  }

  @Test("Past its deadline, the next batch is not asked for")
  func deadline() throws {
    var scoring = MemorySearch.Scoring(
      query: MatchText(query),
      options: MemorySearchOptions(
        language: .english, minimumScore: 50, limit: 3, deadline: ContinuousClock.now - .milliseconds(1)),
      candidates: candidates([(100, .source)]), batch: 2)
    #expect(throws: MemorySearchTimeout.self) { try scoring.nextBatch() }
  }
}
