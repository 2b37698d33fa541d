import Foundation
import Selaras
import SelarasTestSupport
import Testing

/// A word index held in arrays, as a backend other than SQLite would provide it.
private struct ArrayIndex: MatchBoundsIndex {
  var postings: [Int: [UInt64: [UInt32]]] = [0: [:], 1: [:]]
  var lengths: [[UInt8]] = [[0], [0]]
  var largestId: Int { lengths[0].count - 1 }

  /// Indexes `units` with ids from 1, in order.
  init(_ units: [(english: String, indonesian: String)]) {
    for (offset, unit) in units.enumerated() {
      let id = UInt32(offset + 1)
      for (side, text, language) in [(0, unit.english, "en"), (1, unit.indonesian, "id")] {
        let keys = SegmentKeys(text)
        for token in Set(keys.words + keys.punctuation) {
          postings[side]![PostingList.key(token, language: language), default: []].append(id)
        }
        lengths[side].append(UInt8(clamping: keys.tokenCount))
      }
    }
  }

  func unitCounts(of keys: [UInt64], side: Int) throws -> [Int] {
    keys.map { postings[side]![$0]?.count ?? 0 }
  }

  func withPostings<Result>(
    side: Int, key: UInt64, _ body: (UnsafeRawBufferPointer, Bool) throws -> Result
  ) throws -> Result {
    let ids = postings[side]![key] ?? []
    let dense = PostingList.isDense(count: ids.count, largestId: largestId)
    return try (dense ? PostingList.bitmap(ids) : PostingList.list(ids)).withUnsafeBytes { try body($0, dense) }
  }

  func withLengths<Result>(side: Int, block: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) throws -> Result {
    let start = block * MatchBounds.blockSize
    let slice = start < lengths[side].count ? Array(lengths[side][start..<min(lengths[side].count, start + MatchBounds.blockSize)]) : []
    return try slice.withUnsafeBytes(body)
  }
}

@Suite("Match bounds")
struct MatchBoundsTests {
  @Test("On any index in posting-list form, every bound is at least the unit's score, and the best unit is a candidate")
  func boundsHold() throws {
    let pairs = Corpora.linePairs
    #expect(pairs.count > 100)
    let index = ArrayIndex(pairs)
    for position in stride(from: 0, to: pairs.count, by: 11) {
      // The sentence with every third word left out.
      let query = pairs[position].english.split(separator: " ").enumerated().filter { $0.offset % 3 != 2 }
        .map { String($0.element) }.joined(separator: " ")
      let keys = SegmentKeys(query)
      let candidates = try MatchBounds.ranked(
        query: SegmentKeys.tokenHashes(query), keys: keys.words + keys.punctuation, language: "en", side: 0,
        largestId: index.largestId, minimumScore: 30, lists: 12, commonUnits: 1000, refined: 12_288, count: 400,
        index: index)
      #expect(!candidates.isEmpty)
      for candidate in candidates {
        let score = FuzzyMatch.score(query, pairs[Int(candidate.id) - 1].english)
        #expect(candidate.bound >= score, "\(query) against unit \(candidate.id)")
      }
      #expect(candidates.map(\.bound) == candidates.map(\.bound).sorted(by: >))
      let best = pairs.indices.max { FuzzyMatch.score(query, pairs[$0].english) < FuzzyMatch.score(query, pairs[$1].english) }!
      let bestScore = FuzzyMatch.score(query, pairs[best].english)
      #expect(candidates.contains { FuzzyMatch.score(query, pairs[Int($0.id) - 1].english) == bestScore }, "\(query)")
    }
  }
}
