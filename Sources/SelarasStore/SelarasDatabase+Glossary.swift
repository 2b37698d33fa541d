import Foundation
import GRDB
import Selaras

extension SelarasDatabase {
  static func registerGlossaryMatchKeyMigration(_ migrator: inout DatabaseMigrator) {
    // v10: terms matched by a key of their own (``Term/matchKey(_:)``: Unicode lower case,
    // composed), which SQLite's lower() (ASCII only) is not: "any case" is the same rule as
    // PostgreSQL's store, for `ÉLYSÉE` as for `Kemenlu`.
    migrator.registerMigration("v10-glossary-match-key") { db in
      try db.execute(sql: "ALTER TABLE term ADD COLUMN matchKey TEXT")
      let rows = try Row.fetchAll(db, sql: "SELECT id, text FROM term")
      let update = try db.makeStatement(sql: "UPDATE term SET matchKey = ? WHERE id = ?")
      for row in rows {
        try update.execute(arguments: [Term.matchKey(row["text"]), row["id"] as Int64])
      }
      try db.execute(
        sql: """
          DROP INDEX term_on_lang_lower_text;
          CREATE INDEX term_on_lang_matchKey ON term(lang, matchKey);
          """)
    }
  }

  /// Every concept of the user's glossary, with its terms, in the order they were added.
  public func glossaryEntries() async throws -> [TermEntry] {
    try await writer.read { db in try Self.entries(db).map(\.entry) }
  }

  /// The concepts of `ids` (all when nil), with their ids and terms, in id order.
  private static func entries(_ db: Database, ids: [Int64]? = nil) throws -> [(id: Int64, entry: TermEntry)] {
    let list = ids.map { $0.isEmpty ? "NULL" : $0.map(String.init).joined(separator: ",") }
    let concepts = try Row.fetchAll(
      db, sql: "SELECT id, note, domain FROM concept \(list.map { "WHERE id IN (\($0))" } ?? "") ORDER BY id")
    let rows = try Row.fetchAll(
      db, sql: "SELECT * FROM term \(list.map { "WHERE conceptId IN (\($0))" } ?? "") ORDER BY conceptId, id")
    var terms: [Int64: [Term]] = [:]
    for row in rows {
      terms[row["conceptId"], default: []].append(Self.term(row))
    }
    return concepts.map { row in
      (row["id"], TermEntry(terms: terms[row["id"]] ?? [], note: row["note"], domain: row["domain"]))
    }
  }

  /// Removes every concept holding `term` (by ``Term/matchKey(_:)``, the merge's rule; in `language` when given)
  /// and adds `entries`, in one transaction.
  @discardableResult
  public func replaceGlossaryEntries(
    holding term: String, language: LanguageTag?, with entries: [TermEntry], source: String?, date: Date
  ) async throws -> GlossaryReplacement {
    try TermEntry.checkStorable(entries)
    return try await writer.write { db in
      // The merge's own rule and index: the term's match key, in the language when given.
      let holding = Set(
        try Int64.fetchAll(
          db, sql: "SELECT conceptId FROM term WHERE matchKey = ? AND (? IS NULL OR lang = ?)",
          arguments: [Term.matchKey(term), language?.language, language?.language]))
      let removed = try Self.entries(db, ids: holding.sorted())
      if !holding.isEmpty {
        try db.execute(sql: "DELETE FROM concept WHERE id IN (\(holding.map(String.init).joined(separator: ",")))")
      }
      let added = try Self.add(entries, source: source, stamp: Self.timestamp(date), db: db)
      return GlossaryReplacement(removed: removed.map(\.entry), added: added)
    }
  }

  /// Adds entries in one transaction: an entry sharing a term (same language, any case) with
  /// a stored concept extends that concept; any other is a new concept. If anything fails,
  /// nothing is stored. Languages are stored by their primary subtag (`id-ID` → `id`).
  @discardableResult
  public func addGlossaryEntries(_ entries: [TermEntry], source: String?, date: Date) async throws
    -> GlossaryImportSummary
  {
    try TermEntry.checkStorable(entries)
    return try await writer.write { db in try Self.add(entries, source: source, stamp: Self.timestamp(date), db: db) }
  }

  /// Adds `entries` inside the caller's transaction; see ``addGlossaryEntries(_:source:date:)``.
  private static func add(_ entries: [TermEntry], source: String?, stamp: String, db: Database) throws
    -> GlossaryImportSummary
  {
    // Prepared once for the whole import: preparing each statement again (GRDB's
    // authorizer and region tracking) cost more than running it.
    let findConcept = try db.cachedStatement(
      sql: "SELECT conceptId FROM term WHERE lang = ? AND matchKey = ? ORDER BY conceptId LIMIT 1")
    let insertConcept = try db.cachedStatement(sql: "INSERT INTO concept (note, domain) VALUES (?, ?)")
    let termExists = try db.cachedStatement(
      sql: "SELECT EXISTS (SELECT 1 FROM term WHERE conceptId = ? AND lang = ? AND matchKey = ?)")
    let insertTerm = try db.cachedStatement(
      sql: """
        INSERT INTO term (conceptId, text, lang, status, partOfSpeech, note, domain, source, created, modified, matchKey)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    var summary = GlossaryImportSummary()
    for entry in entries where !entry.terms.isEmpty {
      let keys = entry.terms.map { Term.matchKey($0.text) }
      var conceptID: Int64?
      for (term, key) in zip(entry.terms, keys) {
        conceptID = try Int64.fetchOne(findConcept, arguments: [term.language.language, key])
        if conceptID != nil { break }
      }
      let isNew = conceptID == nil
      if isNew {
        try insertConcept.execute(arguments: [entry.note, entry.domain])
        conceptID = db.lastInsertedRowID
      }
      var inserted = 0
      for (term, key) in zip(entry.terms, keys) {
        let exists = try Bool.fetchOne(termExists, arguments: [conceptID, term.language.language, key]) ?? false
        guard !exists else { continue }
        try insertTerm.execute(arguments: [
          conceptID, term.text, term.language.language, term.status.rawValue, term.partOfSpeech, term.note,
          term.domain ?? entry.domain, term.source ?? source, term.created.map(Self.timestamp) ?? stamp,
          term.modified.map(Self.timestamp) ?? stamp, key,
        ])
        inserted += 1
      }
      summary.count(newConcept: isNew, termsAdded: inserted)
    }
    // Once a transaction (a trigger for each row inserted made SQLite keep a statement
    // journal: twice the import's time); changes and removals raise it by trigger.
    try db.execute(sql: "UPDATE glossaryState SET version = version + 1")
    return summary
  }

  public func glossaryVersion() async throws -> Int64 {
    try await writer.read { db in try Int64.fetchOne(db, sql: "SELECT version FROM glossaryState") ?? 0 }
  }

  private static func term(_ row: Row) -> Term {
    Term(
      row["text"], language: LanguageTag(row["lang"] as String),
      status: Term.Status(rawValue: row["status"]) ?? .preferred, partOfSpeech: row["partOfSpeech"], note: row["note"],
      domain: row["domain"], source: row["source"], created: (row["created"] as String?).flatMap(date),
      modified: (row["modified"] as String?).flatMap(date))
  }

  static func timestamp(_ date: Date) -> String {
    date.formatted(.iso8601)
  }

  static func date(_ text: String) -> Date? {
    try? Date(text, strategy: .iso8601)
  }
}
