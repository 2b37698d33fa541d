import Foundation
import GRDB
import Selaras
import Testing

@testable import SelarasStore

@Suite("Translation memory store")
struct MemoryStoreTests {
  private func memory() async throws -> SelarasDatabase {
    let store = try SelarasDatabase(writer: DatabaseQueue())
    try await store.addUnits([
      unit("The rupiah fell 1.2% on Tuesday.", "Rupiah melemah 1,2 persen pada Selasa."),
      unit("Bank Indonesia kept its benchmark rate unchanged.", "BI mempertahankan suku bunga acuan."),
      unit("Inflation slowed to 1.71% in October.", "Inflasi melambat menjadi 1,71 persen pada Oktober."),
      unit("Lavrov arrived in Tehran on Monday.", "Lavrov tiba di Teheran pada Senin."),
    ])
    return store
  }

  private func unit(_ english: String, _ indonesian: String, document: String = "test") -> TranslationUnit {
    TranslationUnit(
      sourceLanguage: .english, targetLanguage: .indonesian, source: english, target: indonesian, document: document,
      score: 0.9, creationTool: "Selaras", properties: [.init(type: "x-origin", value: "test")])
  }

  @Test("Fuzzy search ranks by match percentage and leaves out what is below the minimum")
  func search() async throws {
    let store = try await memory()
    let matches = try await store.searchUnits("The rupiah rose 1.2% on Tuesday.", language: .english, minimumScore: 70)
    #expect(matches.map(\.score) == [85])  // 7 tokens (the final stop is none), a word changed
    #expect(matches[0].unit.target == "Rupiah melemah 1,2 persen pada Selasa.")
    #expect(try await store.searchUnits("The rupiah rose sharply against the dollar.", language: .english).isEmpty)
  }

  @Test("Search works from the target language too, returning the pair turned round")
  func reverseSearch() async throws {
    let matches = try await memory().searchUnits("Lavrov tiba di Teheran pada Selasa.", language: .indonesian)
    #expect(matches.count == 1)
    #expect(matches[0].score == 99)  // a weekday changed: a placeable
    #expect(matches[0].unit.source == "Lavrov tiba di Teheran pada Senin.")
    #expect(matches[0].unit.target == "Lavrov arrived in Tehran on Monday.")
    #expect(matches[0].target == "Lavrov arrived in Tehran on Tuesday.")
    #expect(matches[0].substituted == [PlaceableSubstitution(from: "Monday", to: "Tuesday")])
  }

  @Test("Concordance finds a phrase inside segments, in either language")
  func concordance() async throws {
    let store = try await memory()
    #expect(
      try await store.concordance("suku bunga", language: .indonesian).map(\.target) == [
        "Bank Indonesia kept its benchmark rate unchanged."
      ])
    #expect(try await store.concordance("benchmark rate", language: .english).count == 1)
    #expect(try await store.concordance("rate benchmark", language: .english).isEmpty)
  }

  @Test("Duplicates are counted and not stored twice; provenance comes back")
  func duplicates() async throws {
    let store = try await memory()
    let summary = try await store.addUnits([
      unit("The rupiah fell 1.2% on Tuesday.", "Rupiah melemah 1,2 persen pada Selasa."),
      unit("A new sentence.", "Kalimat baru."),
    ])
    #expect(summary == MemoryImportSummary(added: 1, duplicates: 1))
    #expect(try await store.memoryStatistics().units == 5)
    var units: [TranslationUnit] = []
    try await store.forEachUnit { units.append($0) }
    #expect(units.count == 5)
    #expect(units[0].document == "test" && units[0].score == 0.9 && units[0].creationTool == "Selaras")
    #expect(units[0].properties == [.init(type: "x-origin", value: "test")])
  }

  @Test("A different unit whose hash is taken is stored under the next value, not dropped as a duplicate")
  func hashCollision() async throws {
    let queue = try DatabaseQueue()
    let store = try SelarasDatabase(writer: queue)
    let hash = PreparedUnit.textHash("en", "id", "Fine.", "Baik.")
    try await queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO unit (sourceLang, targetLang, sourceText, targetText, sourceTokens, targetTokens, created, textHash)
          VALUES ('en', 'id', 'Other.', 'Lain.', 2, 2, '20241119T031500Z', ?)
          """, arguments: [hash])
      // As an import notes every unit's hash.
      var hashes = UnitHashes()
      try hashes.add(db.lastInsertedRowID, hash: hash, db: db)
      try hashes.flush(db)
    }
    let summary = try await store.addUnits([unit("Fine.", "Baik."), unit("Fine.", "Baik.")])
    #expect(summary == MemoryImportSummary(added: 1, duplicates: 1))
    #expect(try await store.concordance("fine", language: .english).map(\.target) == ["Baik."])
    let stored = try await queue.read { db in
      try Int64.fetchOne(db, sql: "SELECT textHash FROM unit WHERE sourceText = 'Fine.'")
    }
    #expect(stored == hash &+ 1)
    // And a later import finds it there.
    #expect(try await store.addUnits([unit("Fine.", "Baik.")]) == MemoryImportSummary(added: 0, duplicates: 1))
  }

  @Test("A concurrent import stores what its producer hands over and returns the producer's result")
  func concurrentImport() async throws {
    let store = try await memory()
    let units = (0..<2000).map { unit("Sentence \($0) about the rupiah.", "Kalimat \($0) tentang rupiah.") }
    let (summary, output) = try await store.importUnits(concurrently: { add in
      for unit in units { try add(unit) }
      return "read \(units.count)"
    })
    #expect(summary == MemoryImportSummary(added: 2000, duplicates: 0))
    #expect(output == "read 2000")
    #expect(try await store.searchUnits("Sentence 1999 about the rupiah.", language: .english).first?.score == 100)
  }

  @Test("A concurrent import that fails on either side stores nothing")
  func concurrentFailure() async throws {
    struct Halfway: Error {}
    let store = try await memory()
    let units = (0..<3000).map { unit("Sentence \($0).", "Kalimat \($0).") }
    await #expect(throws: Halfway.self) {
      try await store.importUnits(concurrently: { add in
        for unit in units.prefix(2500) { try add(unit) }
        throw Halfway()
      })
    }
    // The store refuses an empty segment after 1500 good units; the producer is stopped.
    var bad = units
    bad[1500].source = ""
    let stopped = bad
    await #expect(throws: (any Error).self) {
      try await store.importUnits(concurrently: { add in
        for unit in stopped { try add(unit) }
      })
    }
    #expect(try await store.memoryStatistics().units == 4)
  }

  @Test("Texts are stored as given: non-ASCII, empty (not NULL) and long")
  func textsAsGiven() async throws {
    let store = try SelarasDatabase(writer: DatabaseQueue())
    let long = String(repeating: "Kementerian Luar Negeri menyatakan ", count: 300)
    try await store.addUnits([
      TranslationUnit(
        sourceLanguage: .english, targetLanguage: .indonesian, source: "Café «Jalan» — 6,00 persen", target: long,
        document: "", creationTool: "Selaras", user: "")
    ])
    var stored: [TranslationUnit] = []
    try await store.forEachUnit { stored.append($0) }
    #expect(stored.map(\.source) == ["Café «Jalan» — 6,00 persen"])
    #expect(stored.first?.target == long)
    #expect(stored.first?.document == "")
    #expect(stored.first?.user == "")
  }

  @Test("A failing import leaves the memory as it was")
  func atomicity() async throws {
    let store = try await memory()
    await #expect(throws: (any Error).self) {
      try await store.addUnits([unit("Fine.", "Baik."), unit("", "Kosong.")])
    }
    #expect(try await store.memoryStatistics().units == 4)
  }
}

@Suite("Translation memory migration")
struct MemoryMigrationTests {
  @Test("A memory from before v6 keeps finding its duplicates, and its ids keep growing past a deleted last unit")
  func fromVersion5() async throws {
    let queue = try DatabaseQueue()
    try SelarasDatabase.migrator.migrate(queue, upTo: "v5-memory-search")
    let texts = [("The rupiah fell.", "Rupiah melemah."), ("Stocks rose.", "Saham naik."), ("Gone.", "Hilang.")]
    try await queue.write { db in
      for (source, target) in texts {
        try db.execute(
          sql: """
            INSERT INTO unit (sourceLang, targetLang, sourceText, targetText, sourceTokens, targetTokens, created, textHash)
            VALUES ('en', 'id', ?, ?, 3, 3, '20241119T031500Z', ?)
            """, arguments: [source, target, PreparedUnit.textHash("en", "id", source, target)])
      }
      try db.execute(sql: "DELETE FROM unit WHERE id = 3")
    }
    let store = try SelarasDatabase(writer: queue)
    #expect(try await store.appliedMigrations().last == "v9-learned-lexicon")
    #expect(try await store.memoryStatistics() == MemoryStatistics(units: 2, languagePairs: ["en→id": 2], documents: 0))
    let again = try await store.addUnits(
      texts.prefix(2).map { unit($0.0, $0.1) } + [unit("Bonds fell.", "Obligasi turun.")])
    #expect(again == MemoryImportSummary(added: 1, duplicates: 2))
    #expect(
      try await queue.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE sourceText = 'Bonds fell.'") }
        == 4)
    // A duplicate hash is the import's to prevent now, not an index's.
    let indexes = try await queue.read { db in
      try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'unit' AND type = 'index'")
    }
    #expect(indexes.isEmpty)
  }

  private func unit(_ source: String, _ target: String) -> TranslationUnit {
    TranslationUnit(sourceLanguage: .english, targetLanguage: .indonesian, source: source, target: target)
  }

  @Test("A memory written before the word index keeps its units, properties and dates, and is searchable")
  func fromVersion3() async throws {
    let queue = try DatabaseQueue()
    try SelarasDatabase.migrator.migrate(queue, upTo: "v3-memory")
    try await queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO unit (sourceLang, targetLang, sourceText, targetText, sourceTokens, targetTokens, document,
            created)
          VALUES ('en', 'id', 'Lavrov arrived in Tehran on Monday.', 'Lavrov tiba di Teheran pada Senin.', 7, 7,
            'lavrov', '2024-11-19T03:15:00Z');
          INSERT INTO unitProperty (unitId, type, value) VALUES (1, 'x-origin', 'session 1');
          """)
    }
    let store = try SelarasDatabase(writer: queue)
    let matches = try await store.searchUnits("Lavrov arrived in Tehran late on Monday.", language: .english)
    #expect(matches.map(\.score) == [85])  // 7 tokens against 6
    #expect(matches.first?.unit.properties == [.init(type: "x-origin", value: "session 1")])
    #expect(matches.first?.unit.creationDate == Date(timeIntervalSince1970: 1_731_986_100))
    let again = try await store.addUnits([
      TranslationUnit(
        sourceLanguage: .english, targetLanguage: .indonesian, source: "Lavrov arrived in Tehran on Monday.",
        target: "Lavrov tiba di Teheran pada Senin.")
    ])
    #expect(again == MemoryImportSummary(added: 0, duplicates: 1))
    #expect(try await store.memoryStatistics() == MemoryStatistics(units: 1, languagePairs: ["en→id": 1], documents: 1))
  }
}
