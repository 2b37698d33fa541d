import Foundation
import SelarasTestSupport
import GRDB
import SelarasStore
import Testing

@Suite("Selaras database")
struct SelarasDatabaseTests {
  @Test("A file database opens in WAL mode, migrated, in a folder it creates")
  func opensFile() throws {
    let folder = TemporaryFile.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try SelarasDatabase(url: folder.appendingPathComponent("nested/selaras.sqlite"))
    #expect(try database.journalMode() == "wal")
    #expect(
      try database.appliedMigrations() == [
        "v1-metadata", "v2-glossary", "v3-memory", "v4-memory-word-index", "v5-memory-search", "v6-memory-hash-rows",
        "v7-memory-counts", "v8-glossary-lookup-and-version", "v9-learned-lexicon",
      ])
  }

  @Test("Reopening applies no migration twice")
  func reopens() throws {
    let queue = try DatabaseQueue()
    _ = try SelarasDatabase(writer: queue)
    let again = try SelarasDatabase(writer: queue)
    #expect(
      try again.appliedMigrations() == [
        "v1-metadata", "v2-glossary", "v3-memory", "v4-memory-word-index", "v5-memory-search", "v6-memory-hash-rows",
        "v7-memory-counts", "v8-glossary-lookup-and-version", "v9-learned-lexicon",
      ])
  }
}
