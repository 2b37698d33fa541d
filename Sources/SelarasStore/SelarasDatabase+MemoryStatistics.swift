import Foundation
import GRDB
import Selaras

extension SelarasDatabase {
  /// The memory's size, from the counts kept beside the units (``MemoryCounts``): a few
  /// rows read, however large the memory.
  public func memoryStatistics() async throws -> MemoryStatistics {
    try await writer.read { db in try MemoryCounts.statistics(db) }
  }

  /// The unit count and the largest id ever given (ids are never reused): units are added and
  /// removed, never changed, so the two change whenever the memory does.
  public func contentVersion() async throws -> String? {
    try await writer.read { db in
      let units = try MemoryCounts.statistics(db).units
      let last = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'unit'") ?? 0
      return "\(units)-\(last)"
    }
  }

  /// Removes the units of `ids` with their properties; their counts go with them (a
  /// trigger), and their ids in the word index stay, found by no search (see ``WordIndex``).
  @discardableResult
  public func deleteUnits(ids: [Int64]) async throws -> [StoredUnit] {
    let ids = Array(Set(ids)).sorted()
    guard !ids.isEmpty else { return [] }
    return try await writer.write { db in
      try Self.delete(
        "SELECT \(Self.unitColumns) FROM unit WHERE id IN (\(ids.map(String.init).joined(separator: ",")))", db: db)
    }
  }

  @discardableResult
  public func deleteUnits(document: String) async throws -> [StoredUnit] {
    try await writer.write { db in
      try Self.delete("SELECT \(Self.unitColumns) FROM unit WHERE document = ?", .text(document), db: db)
    }
  }

  /// Deletes the units a query of ``unitColumns`` selects; the units, read whole first.
  private static func delete(_ sql: String, _ values: RawStatement.Value..., db: Database) throws -> [StoredUnit] {
    let rows = try units(sql + " ORDER BY id", values: values, db: db)
    guard !rows.isEmpty else { return [] }
    let properties = try Self.properties(of: rows.map(\.id), db: db)
    for chunk in stride(from: 0, to: rows.count, by: 500) {
      let ids = rows[chunk..<min(rows.count, chunk + 500)].map { String($0.id) }
      try db.execute(sql: "DELETE FROM unit WHERE id IN (\(ids.joined(separator: ",")))")
    }
    return rows.map { id, unit in
      var unit = unit
      unit.properties = properties[id] ?? []
      return StoredUnit(id: id, unit: unit)
    }
  }
}
