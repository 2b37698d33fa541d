import GRDB
import Selaras

extension SelarasDatabase: LanguagePairRecord {
  /// The direction in the metadata table (`sourceLanguage`, `targetLanguage`), when recorded.
  public func languagePair() async throws -> LanguagePair? {
    try await writer.read { db in try Self.languagePair(db) }
  }

  @discardableResult
  public func recordLanguagePair(_ pair: LanguagePair) async throws -> LanguagePair {
    try await writer.write { db in
      if let recorded = try Self.languagePair(db) { return recorded }
      for (key, value) in [("sourceLanguage", pair.source.rawValue), ("targetLanguage", pair.target.rawValue)] {
        try db.execute(sql: "INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)", arguments: [key, value])
      }
      return pair
    }
  }

  private static func languagePair(_ db: Database) throws -> LanguagePair? {
    let rows = try Row.fetchAll(
      db, sql: "SELECT key, value FROM metadata WHERE key IN ('sourceLanguage', 'targetLanguage')")
    let values = Dictionary(uniqueKeysWithValues: rows.map { ($0["key"] as String, $0["value"] as String) })
    guard let source = values["sourceLanguage"], let target = values["targetLanguage"] else { return nil }
    return LanguagePair(source: LanguageTag(source), target: LanguageTag(target))
  }
}
