import Foundation
import GRDB
import Selaras

extension SelarasDatabase {
  /// Calls `body` with every unit, in the order they were added, reading in batches so
  /// that the memory is never all in RAM (each batch in a read of its own).
  public func forEachUnit(_ body: (TranslationUnit) async throws -> Void) async throws {
    var last: Int64 = 0
    while true {
      let after = last
      let batch: [(id: Int64, unit: TranslationUnit)] = try await writer.read { db in
        let rows = try Self.units(
          "SELECT \(Self.unitColumns) FROM unit WHERE id > ? ORDER BY id LIMIT 5000", .integer(after), db: db)
        guard let first = rows.first?.id, let end = rows.last?.id else { return [] }
        let properties = try Self.properties(between: first, and: end, db: db)
        return rows.map { id, unit in
          var unit = unit
          unit.properties = properties[id] ?? []
          return (id, unit)
        }
      }
      guard let end = batch.last?.id else { return }
      last = end
      for (_, unit) in batch { try await body(unit) }
    }
  }
}
