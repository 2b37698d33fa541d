/// Where ``MatchBounds`` reads a memory's word index and unit lengths: what a backend
/// provides to share the candidate bounding.
package protocol MatchBoundsIndex {
  /// How many units hold each key on `side`, 0 for a key none holds.
  func unitCounts(of keys: [UInt64], side: UnitSide) throws -> [Int]

  /// Calls `body` with the postings of `key` on `side` in ``PostingList`` form (not
  /// necessarily aligned; empty for a key no unit holds) and whether they are a bitmap.
  func withPostings<Result>(
    side: UnitSide, key: UInt64, _ body: (UnsafeRawBufferPointer, _ dense: Bool) throws -> Result
  ) throws -> Result

  /// Calls `body` with the token counts of `side` for the ids from
  /// `block × MatchBounds.blockSize`, a byte each (255 for 255 or more, 0 where no unit has
  /// the id), indexed by id within the block; empty when none is stored.
  func withLengths<Result>(side: UnitSide, block: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) throws
    -> Result
}
