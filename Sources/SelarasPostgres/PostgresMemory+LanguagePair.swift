import PostgresNIO
import Selaras

extension PostgresMemory: LanguagePairRecord {
  /// The direction in the metadata table (`source_language`, `target_language`), when recorded.
  public func languagePair() async throws -> LanguagePair? {
    try await connections.withSession { try await Self.languagePair($0) }
  }

  @discardableResult
  public func recordLanguagePair(_ pair: LanguagePair) async throws -> LanguagePair {
    try await write { session in
      if let recorded = try await Self.languagePair(session) { return recorded }
      let (source, target) = (pair.source.rawValue, pair.target.rawValue)
      try await session.execute(
        """
        INSERT INTO metadata (key, value) VALUES ('source_language', \(source)), ('target_language', \(target))
        ON CONFLICT (key) DO UPDATE SET value = excluded.value
        """)
      return pair
    }
  }

  private static func languagePair(_ session: PostgresSession) async throws -> LanguagePair? {
    var values: [String: String] = [:]
    for row in try await session.rows(
      "SELECT key, value FROM metadata WHERE key IN ('source_language', 'target_language')")
    {
      let (key, value) = try row.decode((String, String).self)
      values[key] = value
    }
    guard let source = values["source_language"], let target = values["target_language"] else { return nil }
    return LanguagePair(source: LanguageTag(source), target: LanguageTag(target))
  }
}
