import Foundation
import PostgresNIO
import Selaras

/// Reading units whole, with their properties.
enum PostgresUnitRows {
  /// The columns ``units(_:query:)`` decodes, by position.
  static let columns =
    #"id, source_lang, target_lang, source_text, target_text, document, score, creation_tool, created, changed, "user""#
  /// How many cells ``columns`` makes: the cells a query adds after them start here.
  static let columnCount = columns.split(separator: ",").count

  /// The units after `id` in id order, up to `limit`.
  static func units(_ session: PostgresSession, after id: Int64, limit: Int) async throws
    -> [(id: Int64, unit: TranslationUnit)]
  {
    try await units(
      session, query: "SELECT \(unescaped: columns) FROM unit WHERE id > \(id) ORDER BY id LIMIT \(limit)")
  }

  /// The units of `ids` (those still stored), in id order; with `language`, only those whose
  /// `side` is in it.
  static func units(_ session: PostgresSession, ids: [Int64], side: UnitSide? = nil, language: String? = nil)
    async throws
    -> [(id: Int64, unit: TranslationUnit)]
  {
    guard !ids.isEmpty else { return [] }
    if let side, let language {
      let column = side == .source ? "source_lang" : "target_lang"
      return try await units(
        session,
        query: """
          SELECT \(unescaped: columns) FROM unit WHERE id = ANY(\(ids)) AND \(unescaped: column) = \(language) ORDER BY id
          """)
    }
    return try await session.rows(PostgresStatements.Units(ids: ids)).map { row in
      var (id, unit) = try self.unit(row)
      let cells = row.makeRandomAccess()
      // The property types and values follow the unit's columns.
      let (types, values) = try (
        cells[columnCount].decode([String]?.self), cells[columnCount + 1].decode([String]?.self)
      )
      unit.properties = zip(types ?? [], values ?? []).map { TranslationUnit.Property(type: $0, value: $1) }
      return (id, unit)
    }
  }

  /// The units a query of ``columns`` returns, with their properties.
  static func units(_ session: PostgresSession, query: PostgresQuery) async throws -> [(
    id: Int64, unit: TranslationUnit
  )] {
    try await units(session, rows: session.rows(query))
  }

  /// The units in `rows` of ``columns``, with their properties.
  private static func units(_ session: PostgresSession, rows: [PostgresRow]) async throws -> [(
    id: Int64, unit: TranslationUnit
  )] {
    var units = try rows.map(unit)
    let properties = try await self.properties(session, of: units.map(\.id))
    for index in units.indices {
      units[index].unit.properties = properties[units[index].id] ?? []
    }
    return units
  }

  /// The unit in the first columns of `row` (``columns``; any after them are not read),
  /// without its properties.
  private static func unit(_ row: PostgresRow) throws -> (id: Int64, unit: TranslationUnit) {
    let (id, sourceLanguage, targetLanguage, source, target, document, score, tool, created, changed, user) =
      try row.decode(
        (Int64, String, String, String, String, String?, Double?, String?, String, String?, String?).self)
    let unit = TranslationUnit(
      sourceLanguage: LanguageTag(sourceLanguage), targetLanguage: LanguageTag(targetLanguage), source: source,
      target: target, document: document, score: score, creationTool: tool,
      creationDate: TMXWriter.parseDate(created), changeDate: changed.flatMap(TMXWriter.parseDate), user: user)
    return (id, unit)
  }

  /// The properties of the units of `ids`, in the order they were stored.
  static func properties(_ session: PostgresSession, of ids: [Int64]) async throws -> [Int64: [TranslationUnit
    .Property]]
  {
    guard !ids.isEmpty else { return [:] }
    var result: [Int64: [TranslationUnit.Property]] = [:]
    for row in try await session.rows(PostgresStatements.Properties(ids: ids)) {
      let (id, type, value) = try row.decode((Int64, String, String).self)
      result[id, default: []].append(TranslationUnit.Property(type: type, value: value))
    }
    return result
  }
}
