import Foundation
import Selaras
import SelarasTestSupport
import Testing

/// A word index held in arrays, as a backend other than SQLite would provide it.
private struct ArrayIndex: MatchBoundsIndex {
  var postings: [UnitSide: [UInt64: [UInt32]]] = [.source: [:], .target: [:]]
  var lengths: [UnitSide: [UInt8]] = [.source: [0], .target: [0]]
  var largestId: Int { lengths[.source]!.count - 1 }

  /// Indexes `units` with ids from 1, in order.
  init(_ units: [(english: String, indonesian: String)]) {
    for (offset, unit) in units.enumerated() {
      let id = UInt32(offset + 1)
      for (side, text, language) in [(UnitSide.source, unit.english, "en"), (.target, unit.indonesian, "id")] {
        let keys = SegmentKeys(text)
        for token in Set(keys.words + keys.punctuation) {
          postings[side]![PostingList.key(token, language: language), default: []].append(id)
        }
        lengths[side]!.append(UInt8(clamping: keys.tokenCount))
      }
    }
  }

  func unitCounts(of keys: [UInt64], side: UnitSide) throws -> [Int] {
    keys.map { postings[side]![$0]?.count ?? 0 }
  }

  func withPostings<Result>(
    side: UnitSide, key: UInt64, _ body: (UnsafeRawBufferPointer, Bool) throws -> Result
  ) throws -> Result {
    let ids = postings[side]![key] ?? []
    let dense = PostingList.isDense(count: ids.count, largestId: largestId)
    return try (dense ? PostingList.bitmap(ids) : PostingList.list(ids)).withUnsafeBytes { try body($0, dense) }
  }

  func withLengths<Result>(side: UnitSide, block: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) throws
    -> Result
  {
    let start = block * MatchBounds.blockSize
    let slice =
      start < lengths[side]!.count
      ? Array(lengths[side]![start..<min(lengths[side]!.count, start + MatchBounds.blockSize)]) : []
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
      let match = MatchText(query)
      var seen = Set<UInt64>()
      let candidates = try MatchBounds.ranked(
        query: match.indexKeys, keys: match.indexKeys.filter { seen.insert($0).inserted },
        placeables: match.placeableKeys,
        language: "en", side: .source,
        largestId: index.largestId, minimumScore: 30, lists: 12, commonUnits: 1000, refined: 12_288, count: 400,
        index: index)
      #expect(!candidates.isEmpty)
      for candidate in candidates {
        let score = FuzzyMatch.score(query, pairs[Int(candidate.id) - 1].english)
        #expect(candidate.bound >= score, "\(query) against unit \(candidate.id)")
      }
      #expect(candidates.map(\.bound) == candidates.map(\.bound).sorted(by: >))
      let best = pairs.indices.max {
        FuzzyMatch.score(query, pairs[$0].english) < FuzzyMatch.score(query, pairs[$1].english)
      }!
      let bestScore = FuzzyMatch.score(query, pairs[best].english)
      #expect(candidates.contains { FuzzyMatch.score(query, pairs[Int($0.id) - 1].english) == bestScore }, "\(query)")
    }
  }
}

/// A memory of made-up English units over several blocks of ``MatchBounds/blockSize`` ids,
/// with words of every frequency: a few in a third of the units (bitmaps), some held only by
/// the units of one stretch of ids (bitmaps that end in an earlier block, or start in a later
/// one), some in a few hundred units (lists), and many rare ones.
private struct RandomMemory {
  var texts: [String] = []
  var tokens: [[UInt64]] = []
  var matchTexts: [MatchText] = []
  /// How many units hold each token.
  var unitCounts: [UInt64: Int] = [:]
  var index: ArrayIndex

  init(units: Int, random: inout SeededRandom) {
    let stretches = 5
    for id in 1...units {
      let stretch = id * stretches / (units + 1)
      let words = (0..<(3 + random.next(8))).map { _ -> String in
        switch random.next(10) {
        case 0...2: return "common" + Self.letters(random.next(6))
        case 3...4: return "stretch" + Self.letters(stretch) + "x" + Self.letters(random.next(4))
        case 5...7: return "middle" + Self.letters(random.next(800))
        default: return "rare" + Self.letters(random.next(100_000))
        }
      }
      texts.append(words.joined(separator: " "))
    }
    matchTexts = texts.map { MatchText($0) }
    tokens = matchTexts.map(\.indexKeys)
    for unit in tokens {
      for token in Set(unit) { unitCounts[token, default: 0] += 1 }
    }
    index = ArrayIndex(texts.map { ($0, "") })
  }

  /// `number` in letters, so that a word is one token (the tokenizer splits letters from digits).
  static func letters(_ number: Int) -> String {
    var number = number
    var result = ""
    repeat {
      result.append(Character(UnicodeScalar(UInt8(97 + number % 26))))
      number /= 26
    } while number > 0
    return result
  }
}

extension MatchBoundsTests {
  /// The search finds candidates through the query's words that are not common (held by at
  /// most one unit in 32, or 1,000 units), or its rarest word when all are: a unit that holds
  /// only common ones is never read. Each query's minimum score is set just above what the
  /// common words alone can give, so that the documented search must find what a scan of
  /// every unit finds.
  @Test(
    "Over memories of several blocks of ids, the indexed search finds the scores a scan of every unit finds",
    arguments: [(70_000, 1), (140_000, 2)] as [(Int, UInt64)])
  func searchEqualsScan(units: Int, seed: UInt64) throws {
    var random = SeededRandom(seed: seed)
    let memory = RandomMemory(units: units, random: &random)
    let letters = RandomMemory.letters
    var queries = [
      "commonb", "commonc commone", "stretchaxb", "stretchaxc commond", "stretche" + "xd", "stretchcxa stretchcxb",
      "middle" + letters(17), "rare" + letters(99) + " commona",
    ]
    for _ in 0..<16 {
      // A unit with a word dropped and another changed, from anywhere in the memory.
      var words = memory.texts[random.next(units)].split(separator: " ").map(String.init)
      if words.count > 3 { words.remove(at: random.next(words.count)) }
      words[random.next(words.count)] = "middle" + letters(random.next(800))
      queries.append(words.joined(separator: " "))
    }
    let common = max(MemorySearch.commonWordUnits, units / 32)
    var answered = 0
    for query in queries {
      let queryText = MatchText(query)
      let queryTokens = queryText.indexKeys
      let counts = queryTokens.map { memory.unitCounts[$0] ?? 0 }
      let rarest = counts.filter { $0 > 0 }.min() ?? 0
      let alone = counts.filter { $0 > common && $0 != rarest }.count
      let minimumScore = max(30, 100 * alone / queryTokens.count + 1)
      let options = MemorySearchOptions(language: .english, minimumScore: minimumScore, limit: 5)
      let found = try MemorySearch.best(query, options: options, largestId: units, index: memory.index) { units in
        units.map { $0.side == .source ? memory.matchTexts[Int($0.id) - 1] : nil }
      }
      let held = Set(queryTokens)
      let scanned = memory.matchTexts.lazy.filter { $0.indexKeys.contains(where: held.contains) }
        .map { FuzzyMatch.score(queryText, $0) }.filter { $0 >= minimumScore }.sorted(by: >).prefix(5)
      answered += scanned.isEmpty ? 0 : 1
      #expect(
        Array(found.map(\.score).prefix(5)) == Array(scanned), "\(query) in \(units) units, minimum \(minimumScore)")
      for match in found {
        #expect(FuzzyMatch.score(queryText, memory.matchTexts[Int(match.id) - 1]) == match.score)
      }
    }
    #expect(answered >= queries.count * 3 / 4)
  }
}
