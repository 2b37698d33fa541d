import Foundation
import GRDB
import Selaras

extension SelarasDatabase {
  /// Units whose `language` side is like `text`, best first, with their match percentage
  /// (``MemorySearch``); each candidate is read where SQLite holds it, without a string.
  ///
  /// On a database file (a pool of readers beside the writer, in WAL mode) the search runs on
  /// the caller's thread: it is milliseconds of work on pages in memory that no writer can hold
  /// up, and handing it to GRDB's reader thread and back cost the team server 8% of its lookups
  /// a second (four alternating 12 s runs, 16 clients, 975k units: 402–435 against 427–484/s).
  /// A database whose reads wait for its writes (in memory, or read as immutable) is awaited.
  public func search(_ text: String, options: MemorySearchOptions) async throws -> [MemoryMatch] {
    if let pool = writer as? DatabasePool {
      return try Self.readHere(pool) { db in try Self.search(text, options: options, db: db) }
    }
    return try await writer.read { db in try Self.search(text, options: options, db: db) }
  }

  /// GRDB's synchronous read, on the caller's thread (in an async function its async twin
  /// would be chosen).
  private static func readHere<Value>(_ pool: DatabasePool, _ body: (Database) throws -> Value) throws -> Value {
    try pool.read(body)
  }

  private static func search(_ text: String, options: MemorySearchOptions, db: Database) throws -> [MemoryMatch] {
    let (language, limit) = (options.language, options.limit)
    let largestId = try Int.fetchOne(db, sql: "SELECT max(id) FROM unit") ?? 0
    let fetches = try UnitSide.allCases.map { side in
      RawStatement(
        statement: try db.cachedStatement(
          sql: "SELECT \(side.column) FROM unit WHERE id = ? AND \(side.language) = ?"),
        database: db)
    }
    let found = try MemorySearch.best(
      text, options: options, largestId: largestId, index: SQLiteMatchBoundsIndex(db: db)
    ) { units in
      try units.map { id, side in
        try fetches[side.rawValue].withFirstRow(.integer(id), .text(language.language)) { row in
          row.map { MatchText(utf8: $0.bytes(0).assumingMemoryBound(to: UInt8.self)) }
        }
      }
    }
    return try MemorySearch.matches(
      found, for: text, limit: limit,
      reviewed: { ids in
        // Every status of each unit in the order it holds them: its first one counts.
        TranslationUnit.reviewed(
          firstStatuses: try Row.fetchAll(
            db,
            sql: """
              SELECT unitId, value FROM unitProperty WHERE type = ?
              AND unitId IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY unitId, rowid
              """, arguments: [TranslationUnit.reviewStatusProperty]
          ).map { (id: $0[0], status: $0[1]) })
      },
      units: { ids in
        let rows = try Self.units(
          "SELECT \(Self.unitColumns) FROM unit WHERE id IN (\(ids.map(String.init).joined(separator: ",")))",
          db: db)
        let properties = try Self.properties(of: ids, db: db)
        return Dictionary(
          rows.map { id, unit in
            var unit = unit
            unit.properties = properties[id] ?? []
            return (id, unit)
          }, uniquingKeysWith: { first, _ in first })
      })
  }
}
