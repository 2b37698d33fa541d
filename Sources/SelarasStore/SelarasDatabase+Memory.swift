import Foundation
import GRDB
import Selaras

/// What an import into the translation memory did.
public struct MemoryImportSummary: Hashable, Sendable {
  public var added = 0
  /// Units already in the memory (same languages and texts), left as they were.
  public var duplicates = 0

  public init(added: Int = 0, duplicates: Int = 0) {
    self.added = added
    self.duplicates = duplicates
  }
}

/// The size of the translation memory.
public struct MemoryStatistics: Hashable, Sendable {
  public var units: Int
  /// Units per "source→target" language pair.
  public var languagePairs: [String: Int]
  public var documents: Int

  public init(units: Int = 0, languagePairs: [String: Int] = [:], documents: Int = 0) {
    self.units = units
    self.languagePairs = languagePairs
    self.documents = documents
  }
}

extension SelarasDatabase {
  static func registerMemoryMigrations(_ migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v3-memory") { db in
      try db.create(table: "unit") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("sourceLang", .text).notNull().check { length($0) > 0 }
        table.column("targetLang", .text).notNull().check { length($0) > 0 }
        table.column("sourceText", .text).notNull().check { length($0) > 0 }
        table.column("targetText", .text).notNull().check { length($0) > 0 }
        table.column("sourceTokens", .integer).notNull()
        table.column("targetTokens", .integer).notNull()
        table.column("document", .text)
        table.column("score", .double)
        table.column("creationTool", .text)
        table.column("created", .text).notNull()
        table.column("changed", .text)
        table.column("user", .text)
        table.uniqueKey(["sourceLang", "targetLang", "sourceText", "targetText"])
      }
      try db.create(table: "unitProperty") { table in
        table.belongsTo("unit", onDelete: .cascade).notNull()
        table.column("type", .text).notNull()
        table.column("value", .text).notNull()
      }
      // The full-text index over both sides. Imports fill it in bulk at the end of their
      // transaction (twice as fast as a trigger per row); deletes and updates keep it in
      // step through triggers.
      try db.execute(
        sql: """
          CREATE VIRTUAL TABLE unitText USING fts5(
            sourceText, targetText, content='unit', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
          CREATE TRIGGER unitTextDelete AFTER DELETE ON unit BEGIN
            INSERT INTO unitText(unitText, rowid, sourceText, targetText)
            VALUES ('delete', old.id, old.sourceText, old.targetText);
          END;
          CREATE TRIGGER unitTextUpdate AFTER UPDATE OF sourceText, targetText ON unit BEGIN
            INSERT INTO unitText(unitText, rowid, sourceText, targetText)
            VALUES ('delete', old.id, old.sourceText, old.targetText);
            INSERT INTO unitText(rowid, sourceText, targetText) VALUES (new.id, new.sourceText, new.targetText);
          END;
          """)
      // How many units hold each word, per column: the search asks it for the rarest words.
      try db.execute(sql: "CREATE VIRTUAL TABLE unitTextVocabulary USING fts5vocab(unitText, 'col')")
    }
  }

  /// Adds units in one transaction; a unit already stored (same languages and texts) is
  /// counted as a duplicate and left as it is. If anything fails, nothing is stored.
  @discardableResult
  public func addUnits(_ units: some Sequence<TranslationUnit>, date: Date = Date()) throws -> MemoryImportSummary {
    try importUnits(date: date) { add in
      for unit in units { try add(unit) }
    }
  }

  /// Runs `produce` inside one transaction, storing each unit it hands to `add` as it comes,
  /// so that a large file streams into the memory; if `produce` throws (a TMX file found
  /// malformed halfway), nothing is stored.
  @discardableResult
  public func importUnits(
    date: Date = Date(), _ produce: (_ add: (TranslationUnit) throws -> Void) throws -> Void
  ) throws -> MemoryImportSummary {
    try writer.write { db in
      var summary = MemoryImportSummary()
      let stamp = Self.timestamp(date)
      let insert = try db.makeStatement(
        sql: """
          INSERT INTO unit (sourceLang, targetLang, sourceText, targetText, sourceTokens, targetTokens,
            document, score, creationTool, created, changed, user)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (sourceLang, targetLang, sourceText, targetText) DO NOTHING
          """)
      let property = try db.makeStatement(sql: "INSERT INTO unitProperty (unitId, type, value) VALUES (?, ?, ?)")
      let firstNew = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM unit") ?? 0) + 1
      try produce { unit in
        try insert.execute(arguments: [
          unit.sourceLanguage.language, unit.targetLanguage.language, unit.source, unit.target,
          FuzzyMatch.tokens(unit.source).count, FuzzyMatch.tokens(unit.target).count, unit.document, unit.score,
          unit.creationTool, unit.creationDate.map(Self.timestamp) ?? stamp, unit.changeDate.map(Self.timestamp),
          unit.user,
        ])
        guard db.changesCount > 0 else {
          summary.duplicates += 1
          return
        }
        summary.added += 1
        let id = db.lastInsertedRowID
        for item in unit.properties {
          try property.execute(arguments: [id, item.type, item.value])
        }
      }
      try db.execute(
        sql: "INSERT INTO unitText (rowid, sourceText, targetText) SELECT id, sourceText, targetText FROM unit WHERE id >= ?",
        arguments: [firstNew])
      return summary
    }
  }

  /// Units whose `language` side is like `text`, best first, with their match percentage:
  /// candidates come from the full-text index (the units sharing most of the query's eight
  /// rarest words, within a length window that could still reach `minimumScore`), then the
  /// exact token Levenshtein ranks them. Never a scan of every unit.
  public func searchUnits(_ text: String, language: LanguageTag, minimumScore: Int = 70, limit: Int = 10) throws
    -> [MemoryMatch]
  {
    let queryTokens = FuzzyMatch.tokens(text)
    let words = Array(Set(queryTokens.filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }))
    guard !words.isEmpty else { return [] }
    return try writer.read { db in
      var scored: [(score: Int, row: Row, turned: Bool)] = []
      for side in [Side.source, .target] {
        // Candidates: the units sharing most of the query's rarest words, counted from the
        // index's posting lists (cheaper than ranking every match by bm25).
        let rarest = try Self.rarestWords(words, column: side.column, db: db, count: 8)
        guard !rarest.isEmpty else { continue }
        var shared: [Int64: Int] = [:]
        for word in rarest {
          let phrase = "{\(side.column)} : \"\(word.replacingOccurrences(of: "\"", with: "\"\""))\""
          let ids = try Int64.fetchCursor(db, sql: "SELECT rowid FROM unitText WHERE unitText MATCH ?", arguments: [phrase])
          while let id = try ids.next() {
            shared[id, default: 0] += 1
          }
        }
        let candidates = shared.sorted { $0.value > $1.value || $0.value == $1.value && $0.key < $1.key }
          .prefix(Self.candidateCount).map(\.key)
        guard !candidates.isEmpty else { continue }
        let low = queryTokens.count * minimumScore / 100
        let high = minimumScore > 0 ? queryTokens.count * 100 / minimumScore + 1 : Int.max
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT * FROM unit WHERE id IN (\(candidates.map(String.init).joined(separator: ",")))
            AND \(side.language) = ? AND \(side.tokens) BETWEEN ? AND ?
            """,
          arguments: [language.language, low, high])
        for row in rows {
          let score = FuzzyMatch.score(queryTokens, FuzzyMatch.tokens(row[side.column]))
          if score >= minimumScore { scored.append((score, row, side == .target)) }
        }
      }
      // Properties are read only for the units shown.
      return try scored.sorted { $0.score > $1.score }.prefix(limit).map { match in
        let unit = try Self.unit(match.row, db: db)
        return MemoryMatch(score: match.score, unit: match.turned ? unit.swapped : unit)
      }
    }
  }

  /// Units whose `language` side holds `phrase` (as a phrase, words in order).
  public func concordance(_ phrase: String, language: LanguageTag, limit: Int = 50) throws -> [TranslationUnit] {
    let words = FuzzyMatch.tokens(phrase).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
    guard !words.isEmpty else { return [] }
    let quoted = "\"" + words.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\""
    return try writer.read { db in
      var units: [TranslationUnit] = []
      for side in [Side.source, .target] {
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT unit.* FROM unitText JOIN unit ON unit.id = unitText.rowid
            WHERE unitText MATCH ? AND unit.\(side.language) = ? ORDER BY unit.id LIMIT ?
            """,
          arguments: ["{\(side.column)} : \(quoted)", language.language, limit])
        units += try rows.map { try Self.unit($0, db: db) }.map { side == .source ? $0 : $0.swapped }
      }
      return Array(units.prefix(limit))
    }
  }

  /// Calls `body` with every unit, in the order they were added, reading in batches so
  /// that the memory is never all in RAM.
  public func forEachUnit(_ body: (TranslationUnit) throws -> Void) throws {
    var last: Int64 = 0
    while true {
      let batch: [(Int64, TranslationUnit)] = try writer.read { db in
        try Row.fetchAll(db, sql: "SELECT * FROM unit WHERE id > ? ORDER BY id LIMIT 5000", arguments: [last]).map {
          ($0["id"], try Self.unit($0, db: db))
        }
      }
      guard let end = batch.last?.0 else { return }
      for (_, unit) in batch { try body(unit) }
      last = end
    }
  }

  public func memoryStatistics() throws -> MemoryStatistics {
    try writer.read { db in
      let units = try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") ?? 0
      var pairs: [String: Int] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT sourceLang, targetLang, count(*) AS n FROM unit GROUP BY 1, 2") {
        pairs["\(row["sourceLang"] as String)→\(row["targetLang"] as String)"] = row["n"]
      }
      let documents = try Int.fetchOne(db, sql: "SELECT count(DISTINCT document) FROM unit") ?? 0
      return MemoryStatistics(units: units, languagePairs: pairs, documents: documents)
    }
  }

  /// How many units, sharing the most rare words with a query, are scored exactly.
  static let candidateCount = 150

  private enum Side {
    case source, target

    var column: String { self == .source ? "sourceText" : "targetText" }
    var language: String { self == .source ? "sourceLang" : "targetLang" }
    var tokens: String { self == .source ? "sourceTokens" : "targetTokens" }
  }

  /// Up to `count` of `words` that occur in the fewest units of `column`, found in the
  /// index's vocabulary; words it does not hold are left out.
  private static func rarestWords(_ words: [String], column: String, db: Database, count: Int) throws -> [String] {
    var frequencies: [(String, Int)] = []
    for word in words {
      let folded = word.folding(options: [.diacriticInsensitive], locale: nil)
      if let documents = try Int.fetchOne(
        db, sql: "SELECT doc FROM unitTextVocabulary WHERE term = ? AND col = ?", arguments: [folded, column])
      {
        frequencies.append((folded, documents))
      }
    }
    return frequencies.sorted { $0.1 < $1.1 }.prefix(count).map(\.0)
  }

  private static func unit(_ row: Row, db: Database) throws -> TranslationUnit {
    let properties = try Row.fetchAll(
      db, sql: "SELECT type, value FROM unitProperty WHERE unitId = ? ORDER BY rowid", arguments: [row["id"] as Int64]
    ).map { TranslationUnit.Property(type: $0["type"], value: $0["value"]) }
    return TranslationUnit(
      sourceLanguage: LanguageTag(row["sourceLang"] as String), targetLanguage: LanguageTag(row["targetLang"] as String),
      source: row["sourceText"], target: row["targetText"], document: row["document"], score: row["score"],
      creationTool: row["creationTool"], creationDate: (row["created"] as String?).flatMap(date),
      changeDate: (row["changed"] as String?).flatMap(date), user: row["user"], properties: properties)
  }
}

extension TranslationUnit {
  /// The unit read the other way round.
  var swapped: TranslationUnit {
    var unit = self
    (unit.sourceLanguage, unit.targetLanguage) = (targetLanguage, sourceLanguage)
    (unit.source, unit.target) = (target, source)
    return unit
  }
}
