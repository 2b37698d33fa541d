import Foundation
import GRDB
import Selaras

/// The Selaras database: one SQLite file holding the glossary and the translation memory.
///
/// It opens in WAL mode with a busy timeout, so that two `selaras` processes can use the
/// same file at once, and migrates the schema on open.
public struct SelarasDatabase: TranslationMemory, GlossaryStore {
  let writer: any DatabaseWriter

  /// Opens (creating when needed) the database at `url`, creating its folder too.
  public init(url: URL) throws {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    var configuration = Configuration()
    configuration.busyMode = .timeout(5)
    configuration.foreignKeysEnabled = true
    configuration.prepareDatabase { db in
      // Read pages through a memory map instead of a system call each: a search reads the
      // memory's posting lists, hundreds of pages a query. Address space only; the pages
      // stay the kernel's file cache.
      try db.execute(sql: "PRAGMA mmap_size = \(1 << 30)")
      // SQLite's largest page, for a database made now (an existing one keeps its own): the
      // memory's index is blobs of up to hundreds of kilobytes, rewritten at each import,
      // and a million-unit import took 23.5 s with it against 28.5 s with 4 KB pages.
      try db.execute(sql: "PRAGMA page_size = 65536")
    }
    let pool = try DatabasePool(path: url.path, configuration: configuration)
    try self.init(writer: pool)
  }

  /// Wraps an open database, for example an in-memory `DatabaseQueue` in tests.
  public init(writer: any DatabaseWriter) throws {
    self.writer = writer
    try Self.migrator.migrate(writer)
  }

  /// The names of the migrations applied to this database, in order.
  public func appliedMigrations() throws -> [String] {
    try writer.read { db in try Self.migrator.appliedIdentifiers(db).sorted() }
  }

  /// The journal mode SQLite reports, "wal" for a file database.
  public func journalMode() throws -> String {
    try writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
  }

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-metadata") { db in
      try db.create(table: "metadata") { table in
        table.primaryKey("key", .text)
        table.column("value", .text).notNull()
      }
    }
    migrator.registerMigration("v2-glossary") { db in
      try db.create(table: "concept") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("note", .text)
        table.column("domain", .text)
      }
      try db.create(table: "term") { table in
        table.autoIncrementedPrimaryKey("id")
        table.belongsTo("concept", onDelete: .cascade).notNull()
        table.column("text", .text).notNull().check { length($0) > 0 }
        table.column("lang", .text).notNull().check { length($0) > 0 }
        table.column("status", .text).notNull().check { ["preferred", "admitted", "forbidden"].contains($0) }
        table.column("partOfSpeech", .text)
        table.column("note", .text)
        table.column("domain", .text)
        table.column("source", .text)
        table.column("created", .text).notNull()
        table.column("modified", .text).notNull()
        table.uniqueKey(["conceptId", "lang", "text"])
      }
      try db.create(index: "term_on_lang_text", on: "term", columns: ["lang", "text"])
    }
    registerMemoryMigrations(&migrator)
    registerLearnedLexiconMigrations(&migrator)
    return migrator
  }
}
