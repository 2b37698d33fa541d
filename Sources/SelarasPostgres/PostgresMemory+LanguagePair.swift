import PostgresNIO
import Selaras

extension PostgresMemory: LanguagePairRecord {
  /// The direction in the metadata table (`source_language`, `target_language`), when recorded.
  public func languagePair() throws -> LanguagePair? {
    try connections.withSession { try Self.languagePair($0) }
  }

  @discardableResult
  public func recordLanguagePair(_ pair: LanguagePair) throws -> LanguagePair {
    try write { session in
      if let recorded = try Self.languagePair(session) { return recorded }
      let (source, target) = (pair.source.rawValue, pair.target.rawValue)
      try session.execute(
        """
        INSERT INTO metadata (key, value) VALUES ('source_language', \(source)), ('target_language', \(target))
        ON CONFLICT (key) DO UPDATE SET value = excluded.value
        """)
      return pair
    }
  }

  private static func languagePair(_ session: PostgresSession) throws -> LanguagePair? {
    var values: [String: String] = [:]
    for row in try session.rows(
      "SELECT key, value FROM metadata WHERE key IN ('source_language', 'target_language')")
    {
      let (key, value) = try row.decode((String, String).self)
      values[key] = value
    }
    guard let source = values["source_language"], let target = values["target_language"] else { return nil }
    return LanguagePair(source: LanguageTag(source), target: LanguageTag(target))
  }
}
