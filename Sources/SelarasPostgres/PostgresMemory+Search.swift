import Foundation
import PostgresNIO
import Selaras

extension PostgresMemory {
  /// Units whose `language` side is like `text`, best first, with their match percentage:
  /// ``MemorySearch`` over the word index in PostgreSQL (``PostgresMatchBoundsIndex``), the
  /// candidates' texts read in growing batches, one query each; the memory's state and the
  /// query's keys in one query before them, the matches with their properties in one after.
  public func search(_ text: String, options: MemorySearchOptions) throws -> [MemoryMatch] {
    let language = options.language.language
    let query = MatchText(text)
    return try connections.withSession { session in
      let (index, largestId) = try PostgresMatchBoundsIndex.start(
        session, keys: MemorySearch.keys(of: query).map { PostingList.key($0, language: language) }, cache: cache)
      let found = try MemorySearch.best(query, options: options, largestId: largestId, index: index, batch: 64) {
        units in
        // Each side's text where it is in the query's language: one side of most units, the
        // side the search asked for.
        var texts: [UnitSide: [Int64: MatchText]] = [.source: [:], .target: [:]]
        for row in try session.rows(PostgresStatements.SideTexts(ids: units.map(\.id), language: language)) {
          // The texts' bytes as they came (UTF-8), without a String.
          let (id, source, target) = try row.decode((Int64, ByteBuffer?, ByteBuffer?).self)
          for (side, text) in [(UnitSide.source, source), (.target, target)] {
            texts[side]![id] = text?.withUnsafeReadableBytes {
              MatchText(utf8: $0.assumingMemoryBound(to: UInt8.self))
            }
          }
        }
        return units.map { texts[$0.side]![$0.id] }
      }
      // Few units tied at the limit are read whole at once, and which are reviewed is told
      // by their properties; many are first narrowed down by a query of their statuses.
      let readWhole =
        found.count <= options.limit + Self.tiesReadWhole
        ? Dictionary(try PostgresUnitRows.units(session, ids: found.map(\.id)), uniquingKeysWith: { first, _ in first })
        : nil
      return try MemorySearch.matches(
        found, for: text, limit: options.limit,
        reviewed: { ids in
          if let readWhole { return Set(ids.filter { readWhole[$0]?.isReviewed == true }) }
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
          if let readWhole { return readWhole }
          return Dictionary(try PostgresUnitRows.units(session, ids: ids), uniquingKeysWith: { first, _ in first })
        })
    }
  }

  /// How many units past the limit a search reads whole rather than asking which are reviewed.
  static let tiesReadWhole = 16

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

  private init(session: PostgresSession, cache: PostgresReadCache.Entries) {
    self.session = session
    self.cache = cache
  }

  /// The index for a search of `keys` (as the index holds them: ``PostingList/key(_:language:)``),
  /// and the largest unit id stored: the memory's state and both sides' rows of `keys` read
  /// in one query, the long lists missing from the cache in one more a side.
  static func start(_ session: PostgresSession, keys: [UInt64], cache: PostgresReadCache) throws -> (
    index: PostgresMatchBoundsIndex, largestId: Int
  ) {
    var state: PostgresMemoryState?
    var rows: [[Int64: (count: Int, dense: Bool, ids: ByteBuffer?)]] = [[:], [:]]
    for row in try session.rows(
      PostgresStatements.SearchStart(keys: keys.map { Int64(bitPattern: $0) }, shortList: Int32(shortList)))
    {
      let (side, key, count, dense, ids) = try row.decode((Int16?, Int64, Int64, Bool?, ByteBuffer?).self)
      if let side {
        rows[Int(side)][key] = (Int(count), dense ?? false, ids)
      } else {
        state = PostgresMemoryState(lastId: key, version: count)
      }
    }
    guard let state else { throw PostgresMemoryState.missing(session) }
    let index = PostgresMatchBoundsIndex(session: session, cache: cache.entries(version: state.version))
    index.rows = rows
    for side in UnitSide.allCases {
      let missing = rows[side.rawValue].filter {
        $0.value.ids == nil && !index.cache.holdsPosting(side: side, key: $0.key)
      }.map(\.key)
      guard !missing.isEmpty else { continue }
      for row in try session.rows(PostgresStatements.Postings(side: Int16(side.rawValue), keys: missing)) {
        let (key, dense, ids) = try row.decode((Int64, Bool, ByteBuffer).self)
        index.cache.store(side: side, key: key, posting: (dense, ids))
      }
    }
    return (index, Int(state.lastId))
  }

  /// The counts of `keys`, all read by ``start(_:keys:cache:)`` (a key it did not read
  /// counts none).
  func unitCounts(of keys: [UInt64], side: UnitSide) throws -> [Int] {
    keys.map { rows[side.rawValue][Int64(bitPattern: $0)]?.count ?? 0 }
  }

  func withPostings<Result>(
    side: UnitSide, key: UInt64, _ body: (UnsafeRawBufferPointer, _ dense: Bool) throws -> Result
  ) throws -> Result {
    let key = Int64(bitPattern: key)
    if let row = rows[side.rawValue][key], let ids = row.ids {
      return try ids.withUnsafeReadableBytes { try body($0, row.dense) }
    }
    // Read by start(_:keys:cache:), unless the cache started over since (or a placeable's).
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
