import GRDB
import Selaras

extension SelarasDatabase: LearnedLexiconStore {
  /// v9: the word translations learned from alignments, with their counts.
  static func registerLearnedLexiconMigrations(_ migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v9-learned-lexicon") { db in
      try db.execute(
        sql: """
          CREATE TABLE learnedTranslation (
            indonesian TEXT NOT NULL CHECK (length(indonesian) > 0),
            english TEXT NOT NULL CHECK (length(english) > 0),
            count REAL NOT NULL CHECK (count > 0),
            PRIMARY KEY (indonesian, english)
          ) WITHOUT ROWID
          """)
    }
  }

  public func learnedTranslations() async throws -> [LearnedTranslation] {
    try await writer.read { db in
      try Row.fetchAll(
        db, sql: "SELECT indonesian, english, count FROM learnedTranslation ORDER BY indonesian, english"
      )
      .map { LearnedTranslation(indonesian: $0["indonesian"], english: $0["english"], count: $0["count"]) }
    }
  }

  public func addLearnedTranslations(_ translations: [LearnedTranslation]) async throws {
    try await writer.write { db in
      let statement = try db.cachedStatement(
        sql: """
          INSERT INTO learnedTranslation (indonesian, english, count) VALUES (?, ?, ?)
          ON CONFLICT (indonesian, english) DO UPDATE SET count = count + excluded.count
          """)
      for translation in translations where translation.count > 0 {
        try statement.execute(arguments: [translation.indonesian, translation.english, translation.count])
      }
    }
  }

  @discardableResult
  public func forgetLearnedTranslations(indonesian: String?) async throws -> Int {
    try await writer.write { db in
      if let indonesian {
        try db.execute(
          sql: "DELETE FROM learnedTranslation WHERE indonesian = ?", arguments: [indonesian.lowercased()])
      } else {
        try db.execute(sql: "DELETE FROM learnedTranslation")
      }
      return db.changesCount
    }
  }
}
