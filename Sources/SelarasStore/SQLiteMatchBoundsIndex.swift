import GRDB
import Selaras

/// The SQLite memory's word index (``WordIndex``) and unit lengths (``UnitLengths``), read
/// where SQLite holds them, as ``MatchBounds`` reads an index.
struct SQLiteMatchBoundsIndex: MatchBoundsIndex {
  let db: Database

  func unitCounts(of keys: [UInt64], side: UnitSide) throws -> [Int] {
    try WordIndex.unitCounts(of: keys, side: side, db: db)
  }

  func withPostings<Result>(
    side: UnitSide, key: UInt64, _ body: (UnsafeRawBufferPointer, _ dense: Bool) throws -> Result
  ) throws -> Result {
    try WordIndex.withList(side: side, word: key, db: db, body)
  }

  func withLengths<Result>(side: UnitSide, block: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) throws
    -> Result
  {
    try UnitLengths.withBlock(side: side, block: block, db: db, body)
  }
}
