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

  /// Connections a memory opens at most by default: a third of PostgreSQL's default
  /// `max_connections`, so that a server, a CLI import and a person's psql fit side by side.
  public static let defaultMaximumConnections = 32

  /// Connects to the database at `location`, migrating its schema; calls beyond
  /// `maximumConnections` at once wait for a connection in the order they came.
  public init(location: PostgresLocation, maximumConnections: Int = defaultMaximumConnections) async throws {
    connections = PostgresConnections(location: location, maximumOpen: maximumConnections)
    try await connections.withSession { session in
      try await PostgresMigrations.migrate(session)
      try await PostgresMigrations.backfillMatchKeys(session)
      try await PostgresMigrations.rebuildWordIndex(session)
    }
  }

  /// Connects to the database at `url` (see ``PostgresLocation``).
  public init(url: String, maximumConnections: Int = defaultMaximumConnections) async throws {
    try await self.init(location: PostgresLocation(url: url), maximumConnections: maximumConnections)
  }

  /// The names of the migrations applied to this database, in order.
  public func appliedMigrations() async throws -> [String] {
    try await connections.withSession { try await PostgresMigrations.applied($0) }
  }

  /// Runs `body` in a write transaction, holding the writers' lock.
  func write<Result>(_ body: (PostgresSession) async throws -> Result) async throws -> Result {
    try await connections.withSession { session in
      try await session.transaction {
        try await PostgresMigrations.lockWriters(session)
        return try await body(session)
      }
    }
  }

  /// The memory's size, from the counts kept beside the units.
  public func memoryStatistics() async throws -> MemoryStatistics {
    try await connections.withSession { session in
      var statistics = MemoryStatistics()
      for row in try await session.rows("SELECT source_lang, target_lang, units FROM unit_pair_count WHERE units > 0") {
        let (source, target, count) = try row.decode((String, String, Int64).self)
        statistics.languagePairs["\(source)→\(target)"] = Int(count)
        statistics.units += Int(count)
      }
      let documents = try await session.rows("SELECT count(*) FROM document_count WHERE units > 0")
      statistics.documents = try Int(documents.first?.decode(Int64.self) ?? 0)
      return statistics
    }
  }

  /// The memory's version, which every import that adds units and every delete raises.
  public func contentVersion() async throws -> String? {
    try await connections.withSession { session in
      let state = try await PostgresMemoryState.read(session)
      return "pg-\(state.version)-\(state.lastId)"
    }
  }

  /// Removes the units of `ids` with their properties and counts; their ids in the word
  /// index stay, found by no search.
  @discardableResult
  public func deleteUnits(ids: [Int64]) async throws -> [StoredUnit] {
    let ids = Array(Set(ids)).sorted()
    guard !ids.isEmpty else { return [] }
    return try await write { session in
      try await delete(PostgresUnitRows.units(session, ids: ids), session: session)
    }
  }

  @discardableResult
  public func deleteUnits(document: String) async throws -> [StoredUnit] {
    try await write { session in
      let units = try await PostgresUnitRows.units(
        session,
        query: "SELECT \(unescaped: PostgresUnitRows.columns) FROM unit WHERE document = \(document) ORDER BY id")
      return try await delete(units, session: session)
    }
  }

  /// Deletes `units` (read whole, in a write transaction) and takes them off the counts.
  private func delete(_ units: [(id: Int64, unit: TranslationUnit)], session: PostgresSession) async throws
    -> [StoredUnit]
  {
    guard !units.isEmpty else { return [] }
    try await session.execute("DELETE FROM unit WHERE id = ANY(\(units.map(\.id)))")
    var pairs: [LanguagePair: Int] = [:]
    var documents: [String: Int] = [:]
    for (_, unit) in units {
      pairs[LanguagePair(source: unit.sourceLanguage, target: unit.targetLanguage), default: 0] += 1
      if let document = unit.document { documents[document, default: 0] += 1 }
    }
    for (pair, count) in pairs {
      let (source, target) = (pair.source.language, pair.target.language)
      try await session.execute(
        """
        UPDATE unit_pair_count SET units = units - \(count) WHERE source_lang = \(source) AND target_lang = \(target)
        """)
    }
    for (document, count) in documents {
      try await session.execute("UPDATE document_count SET units = units - \(count) WHERE document = \(document)")
    }
    try await session.execute("UPDATE memory_state SET version = version + 1")
    return units.map { StoredUnit(id: $0.id, unit: $0.unit) }
  }

  /// Calls `body` with every unit, in the order they were added, reading 5,000 at a time.
  public func forEachUnit(_ body: (TranslationUnit) async throws -> Void) async throws {
    var last: Int64 = 0
    while true {
      let batch = try await connections.withSession { session in
        try await PostgresUnitRows.units(session, after: last, limit: 5000)
      }
      guard let end = batch.last?.id else { return }
      last = end
      for (_, unit) in batch { try await body(unit) }
    }
  }
}

/// The row of state: the last unit id given (ids are never reused) and the version.
struct PostgresMemoryState {
  var lastId: Int64
  var version: Int64

  static func read(_ session: PostgresSession) async throws -> PostgresMemoryState {
    guard let row = try await session.rows(PostgresStatements.MemoryState()).first else { throw missing(session) }
    let (lastId, version) = try row.decode((Int64, Int64).self)
    return PostgresMemoryState(lastId: lastId, version: version)
  }

  /// What a read that finds no state row throws.
  static func missing(_ session: PostgresSession) -> PostgresStoreError {
    PostgresStoreError("PostgreSQL at \(session.location): the memory's state row is missing")
  }
}
