import Foundation
import GRDB
import Selaras
import SelarasTestSupport
import Testing

@testable import SelarasStore

/// The fuzzy search against the exhaustive comparison it replaces, on real sentences.
@Suite("Translation memory search")
struct MemorySearchTests {
  /// The English and Indonesian lines of the Corpora articles.
  private static var sentences: [(english: String, indonesian: String)] { Corpora.linePairs }

  /// `sentence` with `edits` of its words replaced, dropped or doubled, chosen by `random`.
  private static func edited(_ sentence: String, _ edits: Int, _ random: inout SeededRandom) -> String {
    var words = sentence.split(separator: " ").map(String.init)
    for _ in 0..<edits where words.count > 2 {
      let position = random.next(words.count)
      switch random.next(3) {
      case 0: words[position] = words[random.next(words.count)]
      case 1: words.remove(at: position)
      default: words.insert(words[position], at: position)
      }
    }
    return words.joined(separator: " ")
  }

  @Test("Search returns the scores comparing the query with every unit gives, in both languages")
  func matchesExhaustiveComparison() async throws {
    #expect(Self.sentences.count > 100)
    var random = SeededRandom(seed: 11)
    // Each Corpora pair and three edited copies: common tokens end up as bitmaps, rare ones
    // as lists.
    var units: [TranslationUnit] = []
    for (english, indonesian) in Self.sentences {
      for edits in [0, 2, 3, 5] {
        units.append(
          TranslationUnit(
            sourceLanguage: .english, targetLanguage: .indonesian, source: Self.edited(english, edits, &random),
            target: Self.edited(indonesian, edits, &random)))
      }
    }
    let store = try SelarasDatabase(writer: DatabaseQueue())
    try await store.addUnits(units)
    var stored: [TranslationUnit] = []
    try await store.forEachUnit { stored.append($0) }
    for index in stride(from: 0, to: Self.sentences.count, by: 7) {
      let (english, indonesian) = Self.sentences[index]
      for (query, language) in [
        (Self.edited(english, 2, &random), LanguageTag.english), (Self.edited(indonesian, 3, &random), .indonesian),
      ] {
        let matches = try await store.searchUnits(query, language: language, minimumScore: 50, limit: 5)
        let side = { (unit: TranslationUnit) in language == .english ? unit.source : unit.target }
        let expected = stored.map { FuzzyMatch.score(query, side($0)) }.filter { $0 >= 50 }.sorted(by: >).prefix(5)
        #expect(matches.map(\.score) == Array(expected), "\(query)")
        // Each match is what it says, turned to the query's language.
        for match in matches {
          #expect(match.unit.sourceLanguage == language)
          #expect(FuzzyMatch.score(query, match.unit.source) == match.score)
        }
      }
    }
  }

  @Test("A token's postings change form as the memory grows, and search and concordance read both")
  func postingForms() async throws {
    let store = try SelarasDatabase(writer: DatabaseQueue())
    func form(_ token: String) throws -> Bool? {
      try store.writer.read { db in
        try Bool.fetchOne(
          db, sql: "SELECT dense FROM posting WHERE side = 0 AND word = ?",
          arguments: [Int64(bitPattern: WordIndex.key(SegmentKeys.hash(ofToken: token), language: "en"))])
      }
    }
    let filler = (0..<400).map {
      TranslationUnit(
        sourceLanguage: .english, targetLanguage: .indonesian, source: "Filler number \($0).",
        target: "Pengisi nomor \($0).")
    }
    // In 5 units of 5, "rupiah" is a bitmap; in 5 of 405, a list; in 25 of 425, a bitmap again.
    let rupiah = (0..<25).map {
      TranslationUnit(
        sourceLanguage: .english, targetLanguage: .indonesian, source: "The rupiah fell \($0).",
        target: "Rupiah melemah \($0).")
    }
    try await store.addUnits(rupiah[..<5])
    #expect(try form("rupiah") == true)
    try await store.addUnits(filler)
    try await store.addUnits([rupiah[5]])
    #expect(try form("rupiah") == false)
    #expect(try await store.concordance("rupiah fell", language: .english).count == 6)
    try await store.addUnits(rupiah[6...])
    #expect(try form("rupiah") == true)
    #expect(try await store.concordance("rupiah fell", language: .english).count == 25)
    #expect(try await store.concordance("The rupiah", language: .english, limit: 100).count == 25)
    let matches = try await store.searchUnits("The rupiah fell 24.", language: .english)
    #expect(matches.first?.score == 100)
    #expect(matches.first?.unit.target == "Rupiah melemah 24.")
  }

  @Test("The index holds the same postings whether it flushes once or every few units of an import")
  func flushesWithinAnImport() throws {
    var restarts = 0
    func postings(flushThreshold: Int) throws -> [String: [UInt32]] {
      let queue = try DatabaseQueue()
      _ = try SelarasDatabase(writer: queue)
      return try queue.write { db in
        var index = WordIndex()
        var slots = IndexSlots(flushThreshold: flushThreshold)
        for (offset, (english, indonesian)) in Self.sentences.enumerated() {
          let keys = WordIndex.keys(source: SegmentKeys(english), in: "en", target: SegmentKeys(indonesian), in: "id")
          let unit = slots.assign(keys: keys.keys, sourceCount: keys.sourceCount)
          if unit.startsOver { restarts += 1 }
          // Every ninth unit is a duplicate: its new slots count, its postings do not.
          try index.add(offset % 9 == 4 ? nil : Int64(offset + 1), unit, db: db)
        }
        try index.flush(db)
        // Each token's ids: its form (list or bitmap) depends on when it was last written.
        var postings: [String: [UInt32]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT side, word, count, dense, ids FROM posting") {
          let ids = (row["ids"] as Data).withUnsafeBytes { WordIndex.ids($0, dense: row["dense"]) }
          #expect(!ids.isEmpty && ids.count == row["count"])
          postings["\(row["side"] as Int) \(row["word"] as Int64)"] = ids
        }
        return postings
      }
    }
    let often = try postings(flushThreshold: 60)
    #expect(restarts > 50)
    #expect(try postings(flushThreshold: PostingBatch.flushThreshold) == often)
    // And one token against the sentences themselves: "rupiah" in English.
    let key = WordIndex.key(SegmentKeys.hash(ofToken: "rupiah"), language: "en")
    let expected = Self.sentences.indices.filter {
      $0 % 9 != 4 && FuzzyMatch.tokens(Self.sentences[$0].english).contains("rupiah")
    }
    #expect(expected.count >= 5)
    #expect(often["0 \(Int64(bitPattern: key))"] == expected.map { UInt32($0 + 1) })
  }

  @Test("Token counts are kept per unit and side across blocks of ids, capped at 255")
  func unitLengths() throws {
    let queue = try DatabaseQueue()
    _ = try SelarasDatabase(writer: queue)
    try queue.write { db in
      var lengths = UnitLengths()
      try lengths.add(3, source: 7, target: 300, db: db)
      try lengths.add(65_535, source: 1, target: 2, db: db)
      try lengths.add(65_536, source: 4, target: 5, db: db)
      try lengths.flush(db)
      try lengths.add(65_540, source: 9, target: 10, db: db)
      try lengths.flush(db)
      let source = try UnitLengths.withBlock(side: .source, block: 0, db: db) { [UInt8]($0) }
      #expect(source.count == 65_536)
      #expect(source[3] == 7 && source[65_535] == 1 && source[4] == 0)
      #expect(try UnitLengths.withBlock(side: .target, block: 0, db: db) { $0[3] } == 255)  // 300, capped
      #expect(try UnitLengths.withBlock(side: .source, block: 1, db: db) { [UInt8]($0) } == [4, 0, 0, 0, 9])
      #expect(try UnitLengths.withBlock(side: .target, block: 2, db: db) { $0.count } == 0)
    }
  }
}
