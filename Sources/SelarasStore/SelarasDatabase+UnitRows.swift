import Foundation
import GRDB
import Selaras

extension SelarasDatabase {
  static func properties(of ids: [Int64], db: Database) throws -> [Int64: [TranslationUnit.Property]] {
    guard !ids.isEmpty else { return [:] }
    return try group(
      Row.fetchAll(
        db,
        sql: """
          SELECT unitId, type, value FROM unitProperty
          WHERE unitId IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY rowid
          """))
  }

  static func properties(between first: Int64, and last: Int64, db: Database) throws
    -> [Int64: [TranslationUnit.Property]]
  {
    try group(
      Row.fetchAll(
        db, sql: "SELECT unitId, type, value FROM unitProperty WHERE unitId BETWEEN ? AND ? ORDER BY rowid",
        arguments: [first, last]))
  }

  private static func group(_ rows: [Row]) -> [Int64: [TranslationUnit.Property]] {
    var result: [Int64: [TranslationUnit.Property]] = [:]
    for row in rows {
      result[row["unitId"], default: []].append(TranslationUnit.Property(type: row["type"], value: row["value"]))
    }
    return result
  }

  /// The columns ``units(_:_:db:)`` reads, by position.
  static let unitColumns =
    "id, sourceLang, targetLang, sourceText, targetText, document, score, creationTool, created, changed, user"

  /// The units a query of ``unitColumns`` returns, with their ids, properties left empty.
  /// Read through SQLite's C API: GRDB's rows decode each value through a generic
  /// conversion that cost a fifth of an export.
  static func units(_ sql: String, _ values: RawStatement.Value..., db: Database) throws
    -> [(id: Int64, unit: TranslationUnit)]
  {
    try units(sql, values: values, db: db)
  }

  /// ``units(_:_:db:)`` with its values as an array.
  static func units(_ sql: String, values: [RawStatement.Value], db: Database) throws
    -> [(id: Int64, unit: TranslationUnit)]
  {
    var units: [(id: Int64, unit: TranslationUnit)] = []
    let statement = RawStatement(statement: try db.makeStatement(sql: sql), database: db)
    try statement.forEachRow(values) { row in
      let unit = TranslationUnit(
        sourceLanguage: LanguageTag(row.text(1) ?? ""), targetLanguage: LanguageTag(row.text(2) ?? ""),
        source: row.text(3) ?? "", target: row.text(4) ?? "", document: row.text(5), score: row.real(6),
        creationTool: row.text(7), creationDate: row.text(8).flatMap(memoryDate),
        changeDate: row.text(9).flatMap(memoryDate), user: row.text(10))
      units.append((row.integer(0), unit))
    }
    return units
  }

  /// Reads a memory date in the basic form, or in the extended form of older memories.
  static func memoryDate(_ text: String) -> Date? {
    TMXWriter.parseDate(text) ?? date(text)
  }
}

/// Where a side of a unit lies in the `unit` table.
extension UnitSide {
  var column: String { self == .source ? "sourceText" : "targetText" }
  /// The position of ``column`` among `unitColumns`.
  var textColumn: Int { self == .source ? 3 : 4 }
  var language: String { self == .source ? "sourceLang" : "targetLang" }
}
