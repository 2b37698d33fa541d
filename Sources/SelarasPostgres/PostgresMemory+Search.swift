import Foundation
import PostgresNIO
import Selaras

extension PostgresMemory {
  /// Units whose `language` side is like `text`, best first, with their match percentage:
  /// ``MemorySearch`` over the word index in PostgreSQL (``PostgresMatchBoundsIndex``), the
  /// candidates' texts read in growing batches (``MemorySearch/Scoring``), one query each; the
  /// memory's state and the query's keys in one query before them, the matches with their
  /// properties in one after.
  public func search(_ text: String, options: MemorySearchOptions) async throws -> [MemoryMatch] {
    let language = options.language.language
    let query = MatchText(text)
    return try await connections.withSession { session in
      let (index, largestId) = try await PostgresMatchBoundsIndex.start(
        session, query: query, language: language, cache: cache)
      var scoring = MemorySearch.Scoring(
        query: query, options: options,
        candidates: try MemorySearch.candidates(query, options: options, largestId: largestId, index: index),
        batch: 64)
      while let units = try scoring.nextBatch() {
        scoring.score(try await Self.texts(of: units, language: language, session: session))
      }
      let (found, limit) = (scoring.found, options.limit)
      func units(_ ids: [Int64]) async throws -> [Int64: TranslationUnit] {
        Dictionary(try await PostgresUnitRows.units(session, ids: ids), uniquingKeysWith: { first, _ in first })
      }
      // Few units tied at the limit are read whole at once, and which are reviewed is told
      // by their properties; many are first narrowed down by a query of their statuses.
      let readWhole = found.count <= limit + Self.tiesReadWhole
      var stored = readWhole ? try await units(found.map(\.id)) : [:]
      let reviewed =
        if readWhole {
          Set(stored.filter { $0.value.isReviewed }.keys)
        } else {
          // Each unit's first status counts, as when it is read whole.
          TranslationUnit.reviewed(
            firstStatuses: try await session.rows(
              """
              SELECT DISTINCT ON (unit_id) unit_id, value FROM unit_property
              WHERE type = \(TranslationUnit.reviewStatusProperty) AND unit_id = ANY(\(found.map(\.id)))
              ORDER BY unit_id, position
              """
            ).map { row in
              let (id, status) = try row.decode((Int64, String).self)
              return (id: id, status: status)
            })
        }
      let shown = MemorySearch.shown(found, limit: limit, reviewed: reviewed)
      if !readWhole { stored = try await units(shown.map(\.id)) }
      return MemorySearch.matches(shown, for: text, limit: limit, units: stored)
    }
  }

  /// The texts of `units`, each on the side asked for where it is in `language`: one query
  /// for both sides, the texts' bytes as they came (UTF-8), without a String.
  private static func texts(
    of units: [(id: Int64, side: UnitSide)], language: String, session: PostgresSession
  ) async throws -> [MatchText?] {
    var texts: [UnitSide: [Int64: MatchText]] = [.source: [:], .target: [:]]
    for row in try await session.rows(PostgresStatements.SideTexts(ids: units.map(\.id), language: language)) {
      let (id, source, target) = try row.decode((Int64, ByteBuffer?, ByteBuffer?).self)
      for (side, text) in [(UnitSide.source, source), (.target, target)] {
        texts[side]![id] = text?.withUnsafeReadableBytes { MatchText(utf8: $0.assumingMemoryBound(to: UInt8.self)) }
      }
    }
    return units.map { texts[$0.side]![$0.id] }
  }

  /// Has `concurrency` connections open (at most the memory's cap, and the 16 kept idle) and
  /// reads into the read cache what nearly every search reads: both sides' unit lengths and the
  /// postings the index keeps as bitmaps, those of its commonest tokens (`the`, `.`, `yang`;
  /// the commonest first, filling at most half the cache). A server's first searches, arriving
  /// together, then neither connect nor read these each at the same time.
  public func prepare(concurrency: Int) async throws {
    try await connections.open(concurrency)
    try await connections.withSession { session in
      let state = try await PostgresMemoryState.read(session)
      let entries = cache.entries(version: state.version)
      for side in UnitSide.allCases {
        _ = try await PostgresMatchBoundsIndex.lengths(session, side: side, entries: entries)
      }
      let bitmaps = PostgresReadCache.postingBytes / 2 / Int(state.lastId / 8 + 1)
      for row in try await session.rows(
        "SELECT side, key, ids FROM posting WHERE dense ORDER BY count DESC LIMIT \(bitmaps)")
      {
        let (side, key, ids) = try row.decode((Int16, Int64, ByteBuffer).self)
        guard let side = UnitSide(rawValue: Int(side)) else { continue }
        entries.store(side: side, key: key, posting: (true, ids))
      }
    }
  }

  /// How many units past the limit a search reads whole rather than asking which are reviewed.
  static let tiesReadWhole = 16

  /// Units whose `language` side holds `phrase`, in the order they were added
  /// (``MemoryConcordance``, over the word index).
  public func concordance(_ phrase: String, language: LanguageTag, limit: Int) async throws -> [StoredUnit] {
    try await connections.withSession { session in
      try await MemoryConcordance.find(
        phrase, language: language, limit: limit,
        postings: { keys, side in try await PostgresWordIndex.postings(session, keys: keys, side: side) },
        units: { ids, side in
          try await PostgresUnitRows.units(session, ids: ids, side: side, language: language.language)
        })
    }
  }
}

/// The word index and unit lengths in PostgreSQL, read as ``MatchBounds`` reads an index,
/// all of it before the bounds are worked out (``start(_:query:language:cache:)``): the counts
/// of the query's keys in one query, with the postings of the short lists; the longer ones
/// (common tokens' lists and bitmaps) and each side's lengths read in one query each when
/// missing from the memory's ``PostgresReadCache``, where they stay until the memory changes:
/// common tokens recur from query to query.
final class PostgresMatchBoundsIndex: MatchBoundsIndex {
  typealias Posting = (dense: Bool, ids: ByteBuffer)
  /// Per side, the keys read: their counts and postings.
  private var rows: [[Int64: (count: Int, posting: Posting?)]] = [[:], [:]]
  /// Per side, the lengths' blocks.
  private var lengths: [[Int: ByteBuffer]] = [[:], [:]]
  /// Lists of up to so many ids come with their counts; longer ones go through the cache.
  static let shortList = 1024

  private init() {}

  /// The index for a search of `query` in `language`, and the largest unit id stored: the
  /// memory's state and both sides' rows of the query's keys (and its placeables') read in one
  /// query, the long lists and the lengths missing from the cache in one more each.
  static func start(
    _ session: PostgresSession, query: MatchText, language: String, cache: PostgresReadCache
  ) async throws -> (index: PostgresMatchBoundsIndex, largestId: Int) {
    let keys = (MemorySearch.keys(of: query) + query.placeableKeys).map {
      Int64(bitPattern: PostingList.key($0, language: language))
    }
    var state: PostgresMemoryState?
    let index = PostgresMatchBoundsIndex()
    for row in try await session.rows(PostgresStatements.SearchStart(keys: keys, shortList: Int32(shortList))) {
      let (side, key, count, dense, ids) = try row.decode((Int16?, Int64, Int64, Bool?, ByteBuffer?).self)
      if let side {
        index.rows[Int(side)][key] = (Int(count), ids.map { (dense ?? false, $0) })
      } else {
        state = PostgresMemoryState(lastId: key, version: count)
      }
    }
    guard let state else { throw PostgresMemoryState.missing(session) }
    let entries = cache.entries(version: state.version)
    for side in UnitSide.allCases {
      // The long lists, from the cache (kept here: the cache may start over meanwhile) or read.
      var missing: [Int64] = []
      for (key, row) in index.rows[side.rawValue] where row.posting == nil {
        if let posting = entries.posting(side: side, key: key) {
          index.rows[side.rawValue][key]?.posting = posting
        } else {
          missing.append(key)
        }
      }
      if !missing.isEmpty {
        for row in try await session.rows(PostgresStatements.Postings(side: Int16(side.rawValue), keys: missing)) {
          let (key, dense, ids) = try row.decode((Int64, Bool, ByteBuffer).self)
          entries.store(side: side, key: key, posting: (dense, ids))
          index.rows[side.rawValue][key]?.posting = (dense, ids)
        }
      }
      index.lengths[side.rawValue] = try await lengths(session, side: side, entries: entries)
    }
    return (index, Int(state.lastId))
  }

  /// Side `side`'s length blocks: from the cache's `entries`, or read in one query and kept
  /// there.
  static func lengths(
    _ session: PostgresSession, side: UnitSide, entries: PostgresReadCache.Entries
  ) async throws -> [Int: ByteBuffer] {
    if let blocks = entries.lengths(side: side) { return blocks }
    var blocks: [Int: ByteBuffer] = [:]
    for row in try await session.rows("SELECT block, lengths FROM unit_length WHERE side = \(Int16(side.rawValue))") {
      let (block, bytes) = try row.decode((Int32, ByteBuffer).self)
      blocks[Int(block)] = bytes
    }
    entries.store(side: side, lengths: blocks)
    return blocks
  }

  /// The counts of `keys`, all read by ``start(_:query:language:cache:)`` (a key it did not
  /// read counts none).
  func unitCounts(of keys: [UInt64], side: UnitSide) throws -> [Int] {
    keys.map { rows[side.rawValue][Int64(bitPattern: $0)]?.count ?? 0 }
  }

  func withPostings<Result>(
    side: UnitSide, key: UInt64, _ body: (UnsafeRawBufferPointer, _ dense: Bool) throws -> Result
  ) throws -> Result {
    let posting = rows[side.rawValue][Int64(bitPattern: key)]?.posting ?? (false, ByteBuffer())
    return try posting.ids.withUnsafeReadableBytes { try body($0, posting.dense) }
  }

  func withLengths<Result>(side: UnitSide, block: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) throws
    -> Result
  {
    try (lengths[side.rawValue][block] ?? ByteBuffer()).withUnsafeReadableBytes { try body($0) }
  }
}
