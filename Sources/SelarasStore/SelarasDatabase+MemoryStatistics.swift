import Foundation
import GRDB
import Selaras

extension SelarasDatabase {
  /// The memory's size, from the counts kept beside the units (``MemoryCounts``): a few
  /// rows read, however large the memory.
  public func memoryStatistics() throws -> MemoryStatistics {
    try writer.read { db in try MemoryCounts.statistics(db) }
  }

  /// The unit count and the largest id ever given (ids are never reused): units are added and
  /// removed, never changed, so the two change whenever the memory does.
  public func contentVersion() throws -> String? {
    try writer.read { db in
      let units = try MemoryCounts.statistics(db).units
      let last = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'unit'") ?? 0
      return "\(units)-\(last)"
    }
  }

  /// Removes unit `id` with its properties; its counts go with it (a trigger), and its ids in
  /// the word index stay, found by no search (see ``WordIndex``).
  @discardableResult
  public func deleteUnit(id: Int64) throws -> Bool {
    try writer.write { db in
      try db.execute(sql: "DELETE FROM unit WHERE id = ?", arguments: [id])
      return db.changesCount > 0
    }
  }
}
