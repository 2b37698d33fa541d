import Foundation
import PostgresNIO
import Selaras

/// The translation memory and glossary in a PostgreSQL database, for a team's server: the
/// same behaviour as the SQLite store (the conformance suites run on both), the same word
/// index and the same scoring code, so both return the same matches with the same scores.
///
/// Every write takes one advisory lock for its transaction (``PostgresMigrations/writerLock``),
/// so writers go one at a time while readers go on. The schema is migrated when the memory
/// is opened (``PostgresMigrations``).
public struct PostgresMemory: TranslationMemory, GlossaryStore {
  let connections: PostgresConnections
  let cache = PostgresReadCache()

  /// Connects to the database at `location`, migrating its schema.
  public init(location: PostgresLocation) throws {
    connections = PostgresConnections(location: location)
    try connections.withSession { try PostgresMigrations.migrate($0) }
  }

  /// Connects to the database at `url` (see ``PostgresLocation``).
  public init(url: String) throws {
    try self.init(location: PostgresLocation(url: url))
  }

  /// The names of the migrations applied to this database, in order.
  public func appliedMigrations() throws -> [String] {
    try connections.withSession { try PostgresMigrations.applied($0) }
  }

  /// Runs `body` in a write transaction, holding the writers' lock.
  func write<Result>(_ body: (PostgresSession) throws -> Result) throws -> Result {
    try connections.withSession { session in
      try session.transaction {
        try session.execute("SELECT pg_advisory_xact_lock(\(PostgresMigrations.writerLock))")
        return try body(session)
      }
    }
  }

  /// The memory's size, from the counts kept beside the units.
  public func memoryStatistics() throws -> MemoryStatistics {
    try connections.withSession { session in
      var statistics = MemoryStatistics()
      for row in try session.rows("SELECT source_lang, target_lang, units FROM unit_pair_count WHERE units > 0") {
        let (source, target, count) = try row.decode((String, String, Int64).self)
        statistics.languagePairs["\(source)→\(target)"] = Int(count)
        statistics.units += Int(count)
      }
      let documents = try session.rows("SELECT count(*) FROM document_count WHERE units > 0")
      statistics.documents = try Int(documents.first?.decode(Int64.self) ?? 0)
      return statistics
    }
  }

  /// The memory's version, which every import that adds units and every delete raises.
  public func contentVersion() throws -> String? {
    try connections.withSession { session in
      let state = try PostgresMemoryState.read(session)
      return "pg-\(state.version)-\(state.lastId)"
    }
  }

  /// Removes unit `id` with its properties and counts; its ids in the word index stay,
  /// found by no search.
  @discardableResult
  public func deleteUnit(id: Int64) throws -> Bool {
    try write { session in
      let rows = try session.rows(
        "DELETE FROM unit WHERE id = \(id) RETURNING source_lang, target_lang, document")
      guard let row = rows.first else { return false }
      let (source, target, document) = try row.decode((String, String, String?).self)
      try session.execute(
        """
        UPDATE unit_pair_count SET units = units - 1 WHERE source_lang = \(source) AND target_lang = \(target)
        """)
      if let document {
        try session.execute("UPDATE document_count SET units = units - 1 WHERE document = \(document)")
      }
      try session.execute("UPDATE memory_state SET version = version + 1")
      return true
    }
  }

  /// Calls `body` with every unit, in the order they were added, reading 5,000 at a time.
  public func forEachUnit(_ body: (TranslationUnit) throws -> Void) throws {
    var last: Int64 = 0
    while true {
      let batch = try connections.withSession { session in
        try PostgresUnitRows.units(session, after: last, limit: 5000)
      }
      guard let end = batch.last?.id else { return }
      last = end
      for (_, unit) in batch { try body(unit) }
    }
  }
}

/// The row of state: the last unit id given (ids are never reused) and the version.
struct PostgresMemoryState {
  var lastId: Int64
  var version: Int64

  static func read(_ session: PostgresSession) throws -> PostgresMemoryState {
    guard let row = try session.rows(PostgresStatements.MemoryState()).first else {
      throw PostgresStoreError("PostgreSQL at \(session.location): the memory's state row is missing")
    }
    let (lastId, version) = try row.decode((Int64, Int64).self)
    return PostgresMemoryState(lastId: lastId, version: version)
  }
}
