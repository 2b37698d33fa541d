import Foundation
import GRDB
import Selaras

extension SelarasDatabase {
  /// Calls `body` with every unit, in the order they were added, reading in batches so
  /// that the memory is never all in RAM.
  public func forEachUnit(_ body: (TranslationUnit) throws -> Void) throws {
    var last: Int64 = 0
    while true {
      let batch: [TranslationUnit] = try writer.read { db in
        let rows = try Self.units(
          "SELECT \(Self.unitColumns) FROM unit WHERE id > ? ORDER BY id LIMIT 5000", .integer(last), db: db)
        guard let first = rows.first?.id, let end = rows.last?.id else { return [] }
        let properties = try Self.properties(between: first, and: end, db: db)
        last = end
        return rows.map { id, unit in
          var unit = unit
          unit.properties = properties[id] ?? []
          return unit
        }
      }
      guard !batch.isEmpty else { return }
      for unit in batch { try body(unit) }
    }
  }
}
