import PostgresNIO
import Selaras

extension PostgresMemory: LearnedLexiconStore {
  public func learnedTranslations() async throws -> [LearnedTranslation] {
    try await connections.withSession { session in
      try await session.rows("SELECT indonesian, english, count FROM learned_translation ORDER BY indonesian, english")
        .map {
          let (indonesian, english, count) = try $0.decode((String, String, Double).self)
          return LearnedTranslation(indonesian: indonesian, english: english, count: count)
        }
    }
  }

  /// Adds the counts in one statement: the rows as arrays, summed per pair first (an
  /// upsert may not touch one row twice).
  public func addLearnedTranslations(_ translations: [LearnedTranslation]) async throws {
    var sums: [String: [String: Double]] = [:]
    for translation in translations where translation.count > 0 {
      sums[translation.indonesian, default: [:]][translation.english, default: 0] += translation.count
    }
    let rows = sums.flatMap { indonesian, englishCounts in englishCounts.map { (indonesian, $0.key, $0.value) } }
    guard !rows.isEmpty else { return }
    try await connections.withSession { session in
      try await session.transaction {
        try await session.execute(
          """
          INSERT INTO learned_translation (indonesian, english, count)
          SELECT * FROM unnest(\(rows.map(\.0))::text[], \(rows.map(\.1))::text[], \(rows.map(\.2))::float8[])
          ON CONFLICT (indonesian, english) DO UPDATE SET count = learned_translation.count + excluded.count
          """)
      }
    }
  }

  @discardableResult
  public func forgetLearnedTranslations(indonesian: String?) async throws -> Int {
    try await connections.withSession { session in
      let rows =
        if let indonesian {
          try await session.rows(
            "DELETE FROM learned_translation WHERE indonesian = \(indonesian.lowercased()) RETURNING 1")
        } else {
          try await session.rows("DELETE FROM learned_translation RETURNING 1")
        }
      return rows.count
    }
  }
}
