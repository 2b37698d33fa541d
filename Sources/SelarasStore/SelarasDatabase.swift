import Foundation
import GRDB
import Selaras

/// The Selaras database: one SQLite file holding the glossary and the translation memory.
///
/// It opens in WAL mode with a busy timeout, so that two `selaras` processes can use the
/// same file at once, and migrates the schema on open — unless opened to read only, which
/// writes nothing to the file, not even a migration.
public struct SelarasDatabase: TranslationMemory, GlossaryStore {
  let writer: any DatabaseWriter

  /// How a process waits for a database another process is writing to.
  public struct BusyWait: Sendable {
    /// How long to wait before giving up with SQLite's "database is locked".
    public var timeout: TimeInterval
    /// Called once each time the database is found busy, before waiting: a command says so.
    public var onWait: (@Sendable () -> Void)?

    public init(timeout: TimeInterval = 5, onWait: (@Sendable () -> Void)? = nil) {
      self.timeout = timeout
      self.onWait = onWait
    }
  }

  /// Opens (creating when needed, with its folder) the database at `url`; with `readOnly`,
  /// opens an existing one without writing to it, failing when its schema is not current.
  public init(url: URL, readOnly: Bool = false, busy: BusyWait = BusyWait()) throws {
    if !readOnly {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    }
    var configuration = Configuration()
    configuration.readonly = readOnly
    configuration.busyMode = .callback(Self.busyCallback(busy))
    configuration.foreignKeysEnabled = true
    // As many readers as the team server runs requests at the store at once (two a
    // processor), so that a search, which reads on its caller's thread, does not wait for one.
    configuration.maximumReaderCount = max(5, 2 * ProcessInfo.processInfo.activeProcessorCount)
    configuration.prepareDatabase { db in
      // Read pages through a memory map instead of a system call each: a search reads the
      // memory's posting lists, hundreds of pages a query. Address space only; the pages
      // stay the kernel's file cache.
      try db.execute(sql: "PRAGMA mmap_size = \(1 << 30)")
      // SQLite's largest page, for a database made now (an existing one keeps its own): the
      // memory's index is blobs of up to hundreds of kilobytes, rewritten at each import,
      // and a million-unit import took 23.5 s with it against 28.5 s with 4 KB pages.
      if !readOnly { try db.execute(sql: "PRAGMA page_size = 65536") }
    }
    guard readOnly else {
      try self.init(writer: try DatabasePool(path: url.path, configuration: configuration), migrating: true)
      return
    }
    let reader: any DatabaseWriter
    do {
      let pool = try DatabasePool(path: url.path, configuration: configuration)
      _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
      reader = pool
    } catch let error as DatabaseError
      where [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode.primaryResultCode)
    {
      // A WAL database needs its shared-memory file, which a reader who may not write the
      // folder cannot make: SQLite reads such a file as immutable, assuming no one writes it.
      reader = try DatabaseQueue(path: Self.immutableURI(url), configuration: configuration)
    }
    guard try reader.read({ db in try Self.migrator.hasCompletedMigrations(db) }) else {
      throw SelarasDatabaseError.needsUpgrade(url.path)
    }
    try self.init(writer: reader, migrating: false)
  }

  /// `file:PATH?immutable=1`, the path percent-encoded (SQLite reads `file:` names as URIs).
  private static func immutableURI(_ url: URL) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#%")
    return "file:" + (url.path.addingPercentEncoding(withAllowedCharacters: allowed) ?? url.path) + "?immutable=1"
  }

  /// SQLite's busy handler for `busy`: it tells once, then retries every 20 ms until the
  /// timeout. (SQLite retries at once when the handler returns true: the wait is ours.)
  private static func busyCallback(_ busy: BusyWait) -> Database.BusyCallback {
    { tries in
      if tries == 0 { busy.onWait?() }
      let waited = Double(tries) * 0.02
      guard waited < busy.timeout else { return false }
      usleep(20_000)
      return true
    }
  }

  /// Wraps an open database, for example an in-memory `DatabaseQueue` in tests, migrating it.
  public init(writer: any DatabaseWriter) throws {
    try self.init(writer: writer, migrating: true)
  }

  private init(writer: any DatabaseWriter, migrating: Bool) throws {
    self.writer = writer
    if migrating { try Self.migrator.migrate(writer) }
  }

  /// The names of the migrations applied to this database, in order.
  public func appliedMigrations() async throws -> [String] {
    try await writer.read { db in try Self.migrator.appliedIdentifiers(db).sorted() }
  }

  /// The journal mode SQLite reports, "wal" for a file database.
  public func journalMode() async throws -> String {
    try await writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
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
    registerGlossaryMatchKeyMigration(&migrator)
    registerMatchKeyMigration(&migrator)
    return migrator
  }
}
