/// The token counts of both sides of the units an import takes in, held until a backend
/// writes them into its length blocks: per side, a blob per block of ``MatchBounds/blockSize``
/// consecutive ids, byte `id % blockSize` the count (255 for 255 or more, 0 where no unit has
/// the id), which a search reads by the million (``MatchBoundsIndex/withLengths(side:block:_:)``).
/// Every backend's import shares it.
package struct UnitLengthBatch {
  private var ids: [UInt32] = []
  private var lengths: [[UInt8]] = [[], []]
  /// How many units' counts are held in memory before they are written.
  package static let flushThreshold = 1 << 20

  package init() {}

  package var isEmpty: Bool { ids.isEmpty }

  /// Whether the counts held should be written before more are taken in.
  package var isFull: Bool { ids.count >= Self.flushThreshold }

  /// The blocks the counts held fall in.
  package var blocks: Set<Int> { Set(ids.map { Int($0 >> MatchBounds.blockBits) }) }

  /// Notes the token counts of unit `id`'s two sides.
  package mutating func add(_ id: UInt32, source: Int, target: Int) {
    ids.append(id)
    lengths[0].append(UInt8(clamping: source))
    lengths[1].append(UInt8(clamping: target))
  }

  /// Calls `body` for each run of ids in one block with the block and a function that writes
  /// the run's counts of `side` into the block's bytes (growing them as needed). Ids ascend,
  /// so each block comes once; if not, a later run of a block comes after the earlier one.
  package func forEachBlock(side: UnitSide, _ body: (_ block: Int, _ write: (inout [UInt8]) -> Void) throws -> Void)
    rethrows
  {
    let bits = MatchBounds.blockBits
    var start = 0
    while start < ids.count {
      let block = Int(ids[start] >> bits)
      var end = start
      while end < ids.count && Int(ids[end] >> bits) == block { end += 1 }
      try body(block) { bytes in
        for index in start..<end {
          let offset = Int(ids[index]) & ((1 << bits) - 1)
          if bytes.count <= offset { bytes += repeatElement(0, count: offset + 1 - bytes.count) }
          bytes[offset] = lengths[side.rawValue][index]
        }
      }
      start = end
    }
  }
}
