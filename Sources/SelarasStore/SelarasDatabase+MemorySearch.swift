import Foundation
import GRDB
import Selaras

extension SelarasDatabase {
  /// Units whose `language` side is like `text`, best first, with their match percentage.
  ///
  /// Never a scan of every unit: the word index bounds the match percentage of every unit
  /// that holds one of the query's ``rarestWordCount`` rarest tokens (see `MatchBounds`),
  /// and units are scored by the exact token Levenshtein in the order of their bounds,
  /// until no bound left can beat the `limit` best scores found, or ``candidateCount``
  /// units a side are scored. Each is read where SQLite holds it, without a string.
  public func search(_ text: String, options: MemorySearchOptions) throws -> [MemoryMatch] {
    let (language, minimumScore, limit) = (options.language, options.minimumScore, options.limit)
    let queryTokens = SegmentKeys.tokenHashes(text)
    let segmentKeys = SegmentKeys(text)
    let keys = segmentKeys.words + segmentKeys.punctuation
    guard !keys.isEmpty, limit > 0 else { return [] }
    return try writer.read { db in
      // The best so far, best first (earlier unit first among equal scores), with every unit
      // tied with the `limit`-th: a reviewed one among them ranks first.
      var best: [(score: Int, id: Int64, turned: Bool)] = []
      let largestId = try Int.fetchOne(db, sql: "SELECT max(id) FROM unit") ?? 0
      for side in [Side.source, .target] {
        let candidates = try MatchBounds.ranked(
          query: queryTokens, keys: keys, language: language.language, side: side.rawValue, largestId: largestId,
          minimumScore: minimumScore,
          lists: Self.rarestWordCount, commonUnits: max(Self.commonWordUnits, largestId / 32),
          refined: Self.refinedCount, count: Self.candidateCount, index: SQLiteMatchBoundsIndex(db: db))
        let fetch = RawStatement(
          statement: try db.cachedStatement(
            sql: "SELECT \(side.column) FROM unit WHERE id = ? AND \(side.language) = ?"),
          database: db)
        for candidate in candidates {
          // Nothing after this one can beat the scores found.
          guard candidate.bound >= (best.count >= limit ? best[limit - 1].score : minimumScore) else { break }
          // The stored text's tokens, read where SQLite holds it; nil when the unit is gone or
          // in another language.
          let tokens = try fetch.withFirstRow(.integer(candidate.id), .text(language.language)) { row in
            row.map { SegmentKeys.tokenHashes(utf8: $0.bytes(0).assumingMemoryBound(to: UInt8.self)) }
          }
          guard let tokens else { continue }
          let score = FuzzyMatch.score(queryTokens, tokens)
          guard score >= minimumScore else { continue }
          let place = best.firstIndex { $0.score < score || $0.score == score && $0.id > candidate.id } ?? best.count
          if place < limit || score == best[limit - 1].score {
            best.insert((score, candidate.id, side == .target), at: place)
            while best.count > limit, best[best.count - 1].score < best[limit - 1].score { best.removeLast() }
          }
        }
      }
      // Units tied with the limit-th: those a person reviewed first, found by their status
      // alone, before any unit is read whole.
      if best.count > limit {
        let reviewed = try Set(
          Int64.fetchAll(
            db,
            sql: """
              SELECT unitId FROM unitProperty WHERE type = ?
              AND value IN (\(BeadStatus.reviewed.map { "'\($0.rawValue)'" }.joined(separator: ",")))
              AND unitId IN (\(best.map { String($0.id) }.joined(separator: ",")))
              """, arguments: [TranslationUnit.reviewStatusProperty]))
        best = MemoryMatch.ranked(best, limit: limit, score: \.score, isReviewed: { reviewed.contains($0.id) })
      }
      // The units shown are read whole, with their properties.
      let ids = best.map(\.id)
      let rows = try Self.units(
        "SELECT \(Self.unitColumns) FROM unit WHERE id IN (\(ids.map(String.init).joined(separator: ",")))", db: db)
      let units = Dictionary(rows, uniquingKeysWith: { first, _ in first })
      let properties = try Self.properties(of: ids, db: db)
      let matches = best.compactMap { match -> MemoryMatch? in
        guard var unit = units[match.id] else { return nil }
        unit.properties = properties[match.id] ?? []
        return MemoryMatch(score: match.score, unit: match.turned ? unit.reversed : unit, id: match.id)
      }
      // Within the limit no tie was cut, and the read properties say which are reviewed.
      return MemoryMatch.ranked(matches, limit: limit)
    }
  }

  /// How many of the query's rarest tokens are read through for candidates.
  static let rarestWordCount = 12
  /// Tokens held by more units than this, or than one unit in 32 if that is more (where the
  /// index keeps bitmaps), are too common to find candidates by (`the`, `yang`, `.`): they
  /// only tighten the candidates' bounds.
  static let commonWordUnits = 1000
  /// How many units a side, those with the highest bounds, a search scores at most.
  static let candidateCount = 400
  /// How many units a side, those with the highest bounds from the rarest words, have their
  /// bounds tightened by the common words (see `MatchBounds`).
  static let refinedCount = 12_288
}
