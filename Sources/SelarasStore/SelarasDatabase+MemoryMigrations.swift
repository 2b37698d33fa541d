import Foundation
import GRDB
import Selaras

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
    // v4 replaces the full-text index, whose import cost and posting-list reads did not scale
    // to a million units, by a word index of our own (see `WordIndex`), and the unique key on
    // both texts by one on their hash.
    migrator.registerMigration("v4-memory-word-index") { db in
      try db.execute(
        sql: """
          DROP TRIGGER unitTextDelete;
          DROP TRIGGER unitTextUpdate;
          DROP TABLE unitTextVocabulary;
          DROP TABLE unitText;
          """)
      // SQLite's way to change a table's constraints: build the new one, copy, drop the old
      // and rename (foreign keys are off during a migration, and unitProperty's key names
      // "unit", which is the new table once renamed).
      try db.create(table: "unitNew") { table in
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
        // A hash of the languages and texts: duplicates are found through it, and a
        // different unit with the same hash takes the next free value.
        table.column("textHash", .integer).notNull().unique()
      }
      try db.create(table: "posting", options: .withoutRowID) { table in
        table.column("side", .integer).notNull()
        table.column("word", .integer).notNull()
        table.column("count", .integer).notNull()
        table.column("ids", .blob).notNull()
        table.primaryKey(["side", "word"])
      }
      // The index is left empty: v5 builds it anew.
      let rows = try Row.fetchCursor(db, sql: "SELECT * FROM unit ORDER BY id")
      while let row = try rows.next() {
        let hash = try Self.uniqueHash(
          PreparedUnit.textHash(row["sourceLang"], row["targetLang"], row["sourceText"], row["targetText"]), db: db)
        try db.execute(
          sql: """
            INSERT INTO unitNew (id, sourceLang, targetLang, sourceText, targetText, sourceTokens, targetTokens,
              document, score, creationTool, created, changed, user, textHash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            row["id"], row["sourceLang"], row["targetLang"], row["sourceText"], row["targetText"],
            row["sourceTokens"], row["targetTokens"], row["document"], row["score"], row["creationTool"],
            row["created"], row["changed"], row["user"], hash,
          ])
      }
      try db.execute(sql: "DROP TABLE unit; ALTER TABLE unitNew RENAME TO unit")
    }
    // v5 rebuilds the word index in a table with a rowid: in a table without one, a B-tree
    // search reads the whole row of every key it compares once the row spills onto overflow
    // pages, so looking up one word read hundreds of kilobytes of others' lists. The index
    // now holds punctuation too, and common tokens as bitmaps, so that a search can bound
    // each unit's match percentage (see `MatchBounds`), and it keeps each unit's token counts
    // where a search reads them by the million (see `UnitLengths`).
    migrator.registerMigration("v5-memory-search") { db in
      try db.drop(table: "posting")
      try db.create(table: "posting") { table in
        table.column("side", .integer).notNull()
        table.column("word", .integer).notNull()
        table.column("count", .integer).notNull()
        table.column("dense", .boolean).notNull()
        table.column("ids", .blob).notNull()
        table.uniqueKey(["side", "word"])
      }
      // Key: side × 2³² + block.
      try db.create(table: "unitLength") { table in
        table.primaryKey("key", .integer)
        table.column("lengths", .blob).notNull()
      }
      try rebuildWordIndex(db)
    }
    // v6 finds duplicates through the hashes in memory (see `UnitHashes`) and drops the
    // unique index on the hash, whose upkeep was a third of a large import's writing. The
    // table is rebuilt without it, as in v4; its AUTOINCREMENT sequence is kept, since the
    // word index relies on ids only growing.
    migrator.registerMigration("v6-memory-hash-rows") { db in
      let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'unit'")
      try db.create(table: "unitNew") { table in
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
        // Unique still, but kept so by the import (`UnitHashes`), not by an index.
        table.column("textHash", .integer).notNull()
      }
      try db.execute(sql: "INSERT INTO unitNew SELECT * FROM unit; DROP TABLE unit; ALTER TABLE unitNew RENAME TO unit")
      if let sequence {
        try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = 'unit'")
        try db.execute(
          sql:
            "INSERT INTO sqlite_sequence (name, seq) VALUES ('unit', max(?, coalesce((SELECT max(id) FROM unit), 0)))",
          arguments: [sequence])
      }
      try db.create(table: "unitHash") { table in
        table.primaryKey("id", .integer)
        table.column("pairs", .blob).notNull()
      }
      var hashes = UnitHashes()
      let rows = try Row.fetchCursor(db, sql: "SELECT id, textHash FROM unit ORDER BY id")
      while let row = try rows.next() {
        try hashes.add(row[0], hash: row[1], db: db)
      }
      try hashes.flush(db)
    }
    // v7 keeps the unit counts per language pair and per document (see `MemoryCounts`),
    // which the statistics read instead of every unit.
    migrator.registerMigration("v7-memory-counts") { db in
      try db.execute(
        sql: """
          CREATE TABLE unitPairCount (
            sourceLang TEXT NOT NULL, targetLang TEXT NOT NULL, units INTEGER NOT NULL,
            PRIMARY KEY (sourceLang, targetLang)) WITHOUT ROWID;
          CREATE TABLE documentCount (document TEXT NOT NULL PRIMARY KEY, units INTEGER NOT NULL) WITHOUT ROWID;
          INSERT INTO unitPairCount SELECT sourceLang, targetLang, count(*) FROM unit GROUP BY 1, 2;
          INSERT INTO documentCount SELECT document, count(*) FROM unit WHERE document IS NOT NULL GROUP BY 1;
          CREATE TRIGGER unitCountDelete AFTER DELETE ON unit BEGIN
            UPDATE unitPairCount SET units = units - 1
            WHERE sourceLang = old.sourceLang AND targetLang = old.targetLang;
            UPDATE documentCount SET units = units - 1 WHERE document = old.document;
          END;
          """)
    }
    // v8: finding a term by its text in any case reads an index (a glossary import looks up
    // each term it adds: a scan each made it quadratic), and a version that every change
    // to the glossary raises, by whichever process makes it (a server's cache compares it):
    // an import raises it once, in its transaction; changes and removals, by trigger.
    migrator.registerMigration("v8-glossary-lookup-and-version") { db in
      try db.execute(
        sql: """
          CREATE INDEX term_on_lang_lower_text ON term(lang, lower(text));
          CREATE TABLE glossaryState (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
          INSERT INTO glossaryState VALUES (1, 0);
          """)
      for table in ["concept", "term"] {
        for change in ["UPDATE", "DELETE"] {
          try db.execute(
            sql: """
              CREATE TRIGGER \(table)\(change.capitalized)RaisesGlossaryVersion AFTER \(change) ON \(table) BEGIN
                UPDATE glossaryState SET version = version + 1;
              END
              """)
        }
      }
    }
  }

  /// Registered after the glossary's v10: v11 keys the word index by ``MatchText``'s tokens
  /// (placeables by kind, quotes and dashes of any style as one, the final full stop and the
  /// dateline left out), so that a search's bounds bound the match percentage ``FuzzyMatch``
  /// gives now; the token counts follow.
  static func registerMatchKeyMigration(_ migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v11-memory-match-keys") { db in
      try db.execute(sql: "DELETE FROM posting; DELETE FROM unitLength")
      try rebuildWordIndex(db, updatingCounts: true)
    }
  }

  /// Builds the word index and the token counts of every unit, into empty tables.
  private static func rebuildWordIndex(_ db: Database, updatingCounts: Bool = false) throws {
    var index = WordIndex()
    var slots = IndexSlots()
    var lengths = UnitLengths()
    let update = try db.makeStatement(sql: "UPDATE unit SET sourceTokens = ?, targetTokens = ? WHERE id = ?")
    let rows = try Row.fetchCursor(
      db, sql: "SELECT id, sourceText, targetText, sourceLang, targetLang FROM unit ORDER BY id")
    while let row = try rows.next() {
      let source = SegmentKeys(row[1])
      let target = SegmentKeys(row[2])
      let keys = WordIndex.keys(
        source: source, in: LanguageTag(row[3] as String).language, target: target,
        in: LanguageTag(row[4] as String).language)
      try index.add(row[0], slots.assign(keys: keys.keys, sourceCount: keys.sourceCount), db: db)
      try lengths.add(row[0], source: source.tokenCount, target: target.tokenCount, db: db)
      if updatingCounts {
        try update.execute(arguments: [source.tokenCount, target.tokenCount, row[0] as Int64])
      }
    }
    try index.flush(db)
    try lengths.flush(db)
  }

  /// `hash`, or the next value after it that no unit copied by migration v4 holds yet.
  private static func uniqueHash(_ hash: Int64, db: Database) throws -> Int64 {
    var hash = hash
    while try Bool.fetchOne(db, sql: "SELECT 1 FROM unitNew WHERE textHash = ?", arguments: [hash]) == true {
      hash &+= 1
    }
    return hash
  }
}
