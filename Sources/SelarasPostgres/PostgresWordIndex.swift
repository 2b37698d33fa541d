import Foundation
import PostgresNIO
import Selaras

/// The memory's word index in table `posting`, one row per side and token key, with the
/// ids as a ``PostingList`` blob, as the SQLite store keeps it. An import collects postings
/// in a ``PostingBatch`` and writes them in a few statements per flush: new rows through
/// COPY; lists that stay lists extended (`||`) and rows that change (bitmaps, or lists
/// becoming bitmaps) replaced, each from a COPY into a temporary table.
struct PostgresWordIndex {
  private var batch = PostingBatch()

  mutating func add(_ id: Int64?, _ unit: UnitSlots, session: PostgresSession) async throws {
    if PostingBatch.mustFlush(before: unit) { try await flush(session) }
    try batch.add(id, unit)
  }

  mutating func flush(_ session: PostgresSession) async throws {
    guard !batch.isEmpty else {
      batch = PostingBatch()
      return
    }
    let largestId = Int(batch.largestId)
    var drained: [[(key: Int64, ids: [UInt32])]] = [[], []]
    batch.drain { side, key, ids in drained[side.rawValue].append((Int64(bitPattern: key), ids)) }
    var inserts = CopyRows()
    var extensions = CopyRows()
    var replacements = CopyRows()
    for side in 0..<2 where !drained[side].isEmpty {
      var stored: [Int64: (count: Int, dense: Bool)] = [:]
      for row in try await session.rows(
        "SELECT key, count, dense FROM posting WHERE side = \(Int16(side)) AND key = ANY(\(drained[side].map(\.key)))")
      {
        let (key, count, dense) = try row.decode((Int64, Int32, Bool).self)
        stored[key] = (Int(count), dense)
      }
      var changing: [Int64: (ids: [UInt32], count: Int, dense: Bool)] = [:]
      for (key, ids) in drained[side] {
        guard let old = stored[key] else {
          let dense = PostingList.isDense(count: ids.count, largestId: largestId)
          Self.row(
            &inserts, side: side, key: key, count: ids.count, dense: dense,
            blob: dense ? PostingList.bitmap(ids) : PostingList.list(ids))
          continue
        }
        let total = old.count + ids.count
        if !old.dense && !PostingList.isDense(count: total, largestId: largestId) {
          Self.row(&extensions, side: side, key: key, count: ids.count, dense: false, blob: PostingList.list(ids))
        } else {
          changing[key] = (ids, total, old.dense)
        }
      }
      guard !changing.isEmpty else { continue }
      for row in try await session.rows(
        "SELECT key, ids FROM posting WHERE side = \(Int16(side)) AND key = ANY(\(Array(changing.keys)))")
      {
        let (key, blob) = try row.decode((Int64, ByteBuffer).self)
        guard let change = changing[key] else { continue }
        let merged = blob.withUnsafeReadableBytes { raw in
          PostingBatch.merged(raw, dense: change.dense, count: change.count, with: change.ids, largestId: largestId)
        }
        Self.row(&replacements, side: side, key: key, count: change.count, dense: merged.dense, blob: merged.blob)
      }
    }
    let columns = ["side", "key", "count", "dense", "ids"]
    try await session.copy(.init(table: "posting", columns: columns, data: inserts.take()))
    guard extensions.count > 0 || replacements.count > 0 else { return }
    try await session.execute(
      """
      CREATE TEMPORARY TABLE IF NOT EXISTS posting_change (
        side smallint, key bigint, count integer, dense boolean, ids bytea) ON COMMIT DROP
      """)
    if extensions.count > 0 {
      try await session.copy(.init(table: "posting_change", columns: columns, data: extensions.take()))
      try await session.execute(
        """
        UPDATE posting p SET count = p.count + c.count, ids = p.ids || c.ids
        FROM posting_change c WHERE p.side = c.side AND p.key = c.key
        """)
      try await session.execute("TRUNCATE posting_change")
    }
    if replacements.count > 0 {
      try await session.copy(.init(table: "posting_change", columns: columns, data: replacements.take()))
      try await session.execute(
        """
        UPDATE posting p SET count = c.count, dense = c.dense, ids = c.ids
        FROM posting_change c WHERE p.side = c.side AND p.key = c.key
        """)
      try await session.execute("TRUNCATE posting_change")
    }
  }

  private static func row(
    _ rows: inout CopyRows, side: Int, key: Int64, count: Int, dense: Bool, blob: some Collection<UInt8>
  ) {
    rows.integer(Int64(side))
    rows.integer(key)
    rows.integer(Int64(count))
    rows.boolean(dense)
    rows.bytes(blob)
    rows.endRow()
  }

  /// The posting lists of `keys` on `side`, in the order given, empty for a key none holds.
  static func postings(_ session: PostgresSession, keys: [UInt64], side: UnitSide) async throws -> [[UInt32]] {
    var lists: [Int64: [UInt32]] = [:]
    for row in try await session.rows(
      PostgresStatements.Postings(side: Int16(side.rawValue), keys: keys.map { Int64(bitPattern: $0) }))
    {
      let (key, dense, blob) = try row.decode((Int64, Bool, ByteBuffer).self)
      lists[key] = blob.withUnsafeReadableBytes { PostingList.ids($0, dense: dense) }
    }
    return keys.map { lists[Int64(bitPattern: $0)] ?? [] }
  }
}

/// Each unit's token counts per side, in table `unit_length`: a blob per side and block of
/// ``MatchBounds/blockSize`` ids (``UnitLengthBatch``), as the SQLite store keeps them; the
/// blocks a flush touches are read in one query a side.
struct PostgresUnitLengths {
  private var batch = UnitLengthBatch()

  /// Notes unit `id`'s counts (its id fits 32 bits: the word index took it first).
  mutating func add(_ id: Int64, source: Int, target: Int, session: PostgresSession) async throws {
    batch.add(UInt32(truncatingIfNeeded: id), source: source, target: target)
    if batch.isFull { try await flush(session) }
  }

  mutating func flush(_ session: PostgresSession) async throws {
    guard !batch.isEmpty else { return }
    let blocks = batch.blocks.map { Int32($0) }
    for side in UnitSide.allCases {
      var stored: [Int: [UInt8]] = [:]
      for row in try await session.rows(
        "SELECT block, lengths FROM unit_length WHERE side = \(Int16(side.rawValue)) AND block = ANY(\(blocks))")
      {
        let (block, bytes) = try row.decode((Int32, ByteBuffer).self)
        stored[Int(block)] = Array(bytes.readableBytesView)
      }
      batch.forEachBlock(side: side) { block, write in write(&stored[block, default: []]) }
      for (block, bytes) in stored {
        try await session.execute(
          """
          INSERT INTO unit_length (side, block, lengths) VALUES (\(Int16(side.rawValue)), \(Int32(block)), \(ByteBuffer(bytes: bytes)))
          ON CONFLICT (side, block) DO UPDATE SET lengths = excluded.lengths
          """)
      }
    }
    batch = UnitLengthBatch()
  }
}
