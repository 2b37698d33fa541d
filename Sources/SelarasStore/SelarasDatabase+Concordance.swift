import Foundation
import GRDB
import Selaras

extension SelarasDatabase {
  /// Units whose `language` side holds `phrase` (its words in order, punctuation aside),
  /// in the order they were added (``MemoryConcordance``, over the word index).
  public func concordance(_ phrase: String, language: LanguageTag, limit: Int) async throws -> [StoredUnit] {
    try await MemoryConcordance.find(
      phrase, language: language, limit: limit,
      postings: { keys, side in
        try await writer.read { db in try WordIndex.postings(of: keys.map { (side, $0) }, db: db) }
      },
      units: { ids, side in
        try await writer.read { db in
          let rows = try Self.units(
            """
            SELECT \(Self.unitColumns) FROM unit WHERE id IN (\(ids.map(String.init).joined(separator: ",")))
            AND \(side.language) = ? ORDER BY id
            """, .text(language.language), db: db)
          let properties = try Self.properties(of: rows.map(\.id), db: db)
          return rows.map { id, unit in
            var unit = unit
            unit.properties = properties[id] ?? []
            return (id, unit)
          }
        }
      })
  }
}
