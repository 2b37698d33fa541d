import Foundation
import PostgresNIO
import Selaras

extension PostgresMemory {
  /// Units whose `language` side is like `text`, best first, with their match percentage:
  /// ``MemorySearch`` over the word index in PostgreSQL (``PostgresMatchBoundsIndex``), the
  /// candidates' texts read in growing batches, one query each.
  public func search(_ text: String, options: MemorySearchOptions) throws -> [MemoryMatch] {
    let language = options.language.language
    return try connections.withSession { session in
      let state = try PostgresMemoryState.read(session)
      let index = PostgresMatchBoundsIndex(session: session, cache: cache.entries(version: state.version))
      let found = try MemorySearch.best(text, options: options, largestId: Int(state.lastId), index: index, batch: 64) {
        ids, side in
        var texts: [Int64: MatchText] = [:]
        for row in try session.rows(
          PostgresStatements.SideTexts(ids: ids, side: Int16(side.rawValue), language: language))
        {
          // The text's bytes as they came (UTF-8), without a String.
          let (id, text) = try row.decode((Int64, ByteBuffer).self)
          texts[id] = text.withUnsafeReadableBytes {
            MatchText(utf8: $0.assumingMemoryBound(to: UInt8.self))
          }
        }
        return ids.map { texts[$0] }
      }
      return try MemorySearch.matches(
        found, for: text, limit: options.limit,
        reviewed: { ids in
          let statuses = BeadStatus.reviewed.map(\.rawValue)
          return try Set(
            session.rows(
              """
              SELECT unit_id FROM unit_property WHERE type = \(TranslationUnit.reviewStatusProperty)
              AND value = ANY(\(statuses)) AND unit_id = ANY(\(ids))
              """
            ).map { try $0.decode(Int64.self) })
        },
        units: { ids in
          Dictionary(try PostgresUnitRows.units(session, ids: ids), uniquingKeysWith: { first, _ in first })
        })
    }
  }

  /// Units whose `language` side holds `phrase`, in the order they were added
  /// (``MemoryConcordance``, over the word index).
  public func concordance(_ phrase: String, language: LanguageTag, limit: Int) throws -> [StoredUnit] {
    try connections.withSession { session in
      try MemoryConcordance.find(
        phrase, language: language, limit: limit,
        postings: { keys, side in try PostgresWordIndex.postings(session, keys: keys, side: side) },
        units: { ids, side in try PostgresUnitRows.units(session, ids: ids, side: side, language: language.language) })
    }
  }
}

/// The word index and unit lengths in PostgreSQL, read as ``MatchBounds`` reads an index:
/// the counts of the query's keys in one query, with the postings of the short lists; the
/// longer ones (common tokens' lists and bitmaps) and each side's lengths read in one query
/// each when missing from the memory's ``PostgresReadCache``, where they stay until the
/// memory changes: common tokens recur from query to query.
final class PostgresMatchBoundsIndex: MatchBoundsIndex {
  let session: PostgresSession
  let cache: PostgresReadCache.Entries
  /// Per side, the rows of the keys asked for: count, form, and the ids of short lists.
  private var rows: [[Int64: (count: Int, dense: Bool, ids: ByteBuffer?)]] = [[:], [:]]
  /// Lists of up to so many ids come with their counts; longer ones go through the cache.
  static let shortList = 1024

  init(session: PostgresSession, cache: PostgresReadCache.Entries) {
    self.session = session
    self.cache = cache
  }

  func unitCounts(of keys: [UInt64], side: UnitSide) throws -> [Int] {
    let keys = keys.map { Int64(bitPattern: $0) }
    for row in try session.rows(
      PostgresStatements.PostingCounts(side: Int16(side.rawValue), keys: keys, shortList: Int32(Self.shortList)))
    {
      let (key, count, dense, ids) = try row.decode((Int64, Int32, Bool, ByteBuffer?).self)
      rows[side.rawValue][key] = (Int(count), dense, ids)
    }
    let missing = rows[side.rawValue].filter {
      $0.value.ids == nil && !cache.holdsPosting(side: side, key: $0.key)
    }.map(\.key)
    if !missing.isEmpty {
      for row in try session.rows(PostgresStatements.Postings(side: Int16(side.rawValue), keys: missing)) {
        let (key, dense, ids) = try row.decode((Int64, Bool, ByteBuffer).self)
        cache.store(side: side, key: key, posting: (dense, ids))
      }
    }
    return keys.map { rows[side.rawValue][$0]?.count ?? 0 }
  }

  func withPostings<Result>(
    side: UnitSide, key: UInt64, _ body: (UnsafeRawBufferPointer, _ dense: Bool) throws -> Result
  ) throws -> Result {
    let key = Int64(bitPattern: key)
    if let row = rows[side.rawValue][key], let ids = row.ids {
      return try ids.withUnsafeReadableBytes { try body($0, row.dense) }
    }
    // Read by unitCounts, unless the cache started over since.
    let posting = try cache.posting(side: side, key: key) {
      guard let row = try session.rows(PostgresStatements.Postings(side: Int16(side.rawValue), keys: [key])).first
      else {
        return (false, ByteBuffer())
      }
      let (_, dense, ids) = try row.decode((Int64, Bool, ByteBuffer).self)
      return (dense, ids)
    }
    return try posting.ids.withUnsafeReadableBytes { try body($0, posting.dense) }
  }

  func withLengths<Result>(side: UnitSide, block: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) throws
    -> Result
  {
    let blocks = try cache.lengths(side: side) {
      var blocks: [Int: ByteBuffer] = [:]
      for row in try session.rows("SELECT block, lengths FROM unit_length WHERE side = \(Int16(side.rawValue))") {
        let (block, bytes) = try row.decode((Int32, ByteBuffer).self)
        blocks[Int(block)] = bytes
      }
      return blocks
    }
    return try (blocks[block] ?? ByteBuffer()).withUnsafeReadableBytes { try body($0) }
  }
}
