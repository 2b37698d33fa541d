import Foundation
import GRDB
import Selaras

/// The token count of both sides of every unit, a byte per unit and side, in table
/// `unitLength`: per side, a blob for each block of 65,536 consecutive ids, where byte
/// `id % 65,536` is the count (255 for 255 or more, 0 where no unit has the id). A block's
/// key is `side × 2³² + id / 65,536`.
///
/// A fuzzy search needs each candidate's length to bound its match percentage, for
/// hundreds of thousands of candidates a query: a megabyte read in one go per million
/// units, where looking each unit up would take longer than the whole search.
struct UnitLengths {
  private var batch = UnitLengthBatch()

  /// Notes the token counts of unit `id`'s two sides, written by ``flush(_:)``, which this
  /// calls itself once ``UnitLengthBatch/flushThreshold`` units wait.
  mutating func add(_ id: UInt32, source: Int, target: Int, db: Database) throws {
    batch.add(id, source: source, target: target)
    if batch.isFull { try flush(db) }
  }

  /// Writes the counts noted since the last flush into their blocks, each block read and
  /// written once a run of ids (a later run of a block reads what the earlier one wrote).
  mutating func flush(_ db: Database) throws {
    guard !batch.isEmpty else { return }
    let store = try db.cachedStatement(sql: "INSERT OR REPLACE INTO unitLength (key, lengths) VALUES (?, ?)")
    for side in UnitSide.allCases {
      try batch.forEachBlock(side: side) { block, write in
        var bytes = try Self.withBlock(side: side, block: block, db: db) { [UInt8]($0) }
        write(&bytes)
        try store.execute(arguments: [Self.key(side: side, block: block), Data(bytes)])
      }
    }
    batch = UnitLengthBatch()
  }

  /// The row key of a side's block.
  private static func key(side: UnitSide, block: Int) -> Int64 {
    Int64(side.rawValue) << 32 | Int64(block)
  }

  /// Calls `body` with the counts of `side` for block `block` (ids from `block × 65,536`),
  /// indexed by id within the block, where SQLite holds them; empty when none is stored.
  static func withBlock<Result>(
    side: UnitSide, block: Int, db: Database, _ body: (UnsafeRawBufferPointer) throws -> Result
  ) throws -> Result {
    let statement = RawStatement(
      statement: try db.cachedStatement(sql: "SELECT lengths FROM unitLength WHERE key = ?"), database: db)
    return try statement.withFirstRow(.integer(Self.key(side: side, block: block))) { row in
      try body(row?.bytes(0) ?? UnsafeRawBufferPointer(start: nil, count: 0))
    }
  }
}
