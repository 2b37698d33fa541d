import Foundation
import GRDB
import Selaras
import SelarasTestSupport
import Testing

@testable import SelarasStore

@Suite("Selaras database")
struct SelarasDatabaseTests {
  @Test("A file database opens in WAL mode, migrated, in a folder it creates")
  func opensFile() async throws {
    let folder = TemporaryFile.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try SelarasDatabase(url: folder.appendingPathComponent("nested/selaras.sqlite"))
    #expect(try await database.journalMode() == "wal")
    #expect(
      try await database.appliedMigrations() == [
        "v1-metadata", "v10-glossary-match-key", "v11-memory-match-keys", "v2-glossary", "v3-memory",
        "v4-memory-word-index", "v5-memory-search",
        "v6-memory-hash-rows",
        "v7-memory-counts", "v8-glossary-lookup-and-version", "v9-learned-lexicon",
      ])
  }

  @Test("Reopening applies no migration twice")
  func reopens() async throws {
    let queue = try DatabaseQueue()
    _ = try SelarasDatabase(writer: queue)
    let again = try SelarasDatabase(writer: queue)
    #expect(
      try await again.appliedMigrations() == [
        "v1-metadata", "v10-glossary-match-key", "v11-memory-match-keys", "v2-glossary", "v3-memory",
        "v4-memory-word-index", "v5-memory-search",
        "v6-memory-hash-rows",
        "v7-memory-counts", "v8-glossary-lookup-and-version", "v9-learned-lexicon",
      ])
  }

  @Test("A glossary stored before match keys gets them when the store is opened: an old ÉLYSÉE meets a new élysée")
  func matchKeysForOldTerms() async throws {
    let queue = try DatabaseQueue()
    try SelarasDatabase.migrator.migrate(queue, upTo: "v9-learned-lexicon")
    try await queue.write { db in
      try db.execute(sql: "INSERT INTO concept (note, domain) VALUES (NULL, NULL)")
      try db.execute(
        sql: """
          INSERT INTO term (conceptId, text, lang, status, created, modified)
          VALUES (1, 'ÉLYSÉE', 'en', 'preferred', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
          """)
    }
    let database = try SelarasDatabase(writer: queue)
    let summary = try await database.addGlossaryEntries(
      [TermEntry(terms: [Term("élysée", language: .english), Term("Istana Élysée", language: .indonesian)])],
      source: "test")
    #expect(summary == GlossaryImportSummary(added: 0, extended: 1, unchanged: 0))
  }
}
