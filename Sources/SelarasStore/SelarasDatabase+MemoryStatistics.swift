import Foundation
import GRDB
import Selaras

extension SelarasDatabase {
  /// The memory's size, from the counts kept beside the units (``MemoryCounts``): a few
  /// rows read, however large the memory.
  public func memoryStatistics() throws -> MemoryStatistics {
    try writer.read { db in try MemoryCounts.statistics(db) }
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
