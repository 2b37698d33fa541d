/// The postings of the units an import takes in, held in memory until a backend writes them
/// into its word index (``PostingList`` form): which ids each (side, token key) gained.
///
/// The work of indexing is a hash-table probe per token occurrence (``IndexSlots``, on the
/// thread that prepares units), a counting sort when the batch is written, and one write per
/// distinct token, instead of a B-tree insert per occurrence. Every backend's import shares it.
package struct PostingBatch {
  /// Per slot (``IndexSlots``): its side and token key.
  private var slotSides: [UnitSide] = []
  private var slotWords: [UInt64] = []
  /// The units taken in since the last write, each with its slots as prepared (the array is
  /// kept, not copied).
  private var unitIds: [UInt32] = []
  private var unitSlots: [[Int32]] = []
  /// The largest id taken in.
  package private(set) var largestId: UInt32 = 0
  /// How many postings are held in memory before they are written (64 MB).
  package static let flushThreshold = 8_000_000

  package init() {}

  package var isEmpty: Bool { unitIds.isEmpty }

  /// Whether the batch must be written before `unit` is taken in: the slots numbering
  /// started over with it.
  package static func mustFlush(before unit: UnitSlots) -> Bool { unit.startsOver }

  /// Takes in a unit's slots (``IndexSlots/assign(keys:sourceCount:)``), in the order they
  /// were assigned, as unit `id`; nil for a unit not stored (a duplicate), whose new slots
  /// are still defined, as later units use them. The caller writes the batch first when
  /// ``mustFlush(before:)`` says so. Throws for an id beyond 32 bits.
  package mutating func add(_ id: Int64?, _ unit: UnitSlots) throws {
    for (side, word) in zip(unit.newSides, unit.newWords) {
      slotSides.append(side == 0 ? .source : .target)
      slotWords.append(word)
    }
    guard let id else { return }
    guard let id = UInt32(exactly: id) else { throw PostingBatchError.idOutOfRange(id) }
    largestId = max(largestId, id)
    unitIds.append(id)
    unitSlots.append(unit.slots)
  }

  /// Calls `body` with each (side, key) that gained postings and its new ids, ascending
  /// (a counting sort by slot keeps them so), then empties the batch.
  package mutating func drain(_ body: (_ side: UnitSide, _ key: UInt64, _ ids: [UInt32]) throws -> Void) rethrows {
    defer { self = PostingBatch() }
    var slotCounts = [Int](repeating: 0, count: slotWords.count)
    for slots in unitSlots {
      for slot in slots { slotCounts[Int(slot)] += 1 }
    }
    var starts = [Int](repeating: 0, count: slotWords.count + 1)
    for slot in slotWords.indices { starts[slot + 1] = starts[slot] + slotCounts[slot] }
    var sorted = [UInt32](repeating: 0, count: starts[slotWords.count])
    var next = starts
    for (id, slots) in zip(unitIds, unitSlots) {
      for slot in slots {
        sorted[next[Int(slot)]] = id
        next[Int(slot)] += 1
      }
    }
    // A slot only duplicates used has nothing to write.
    for slot in slotWords.indices where slotCounts[slot] > 0 {
      try body(slotSides[slot], slotWords[slot], Array(sorted[starts[slot]..<starts[slot + 1]]))
    }
  }

  /// The ids of a stored posting blob with `new` (all larger) added, in the form their count
  /// calls for in a memory whose largest id is `largestId`.
  package static func merged(
    _ stored: UnsafeRawBufferPointer, dense wasDense: Bool, count: Int, with new: [UInt32], largestId: Int
  ) -> (blob: [UInt8], dense: Bool) {
    let dense = PostingList.isDense(count: count, largestId: largestId)
    if wasDense && dense {
      var bytes = [UInt8](stored)
      bytes += repeatElement(0, count: max(0, Int(new.last ?? 0) / 8 + 1 - bytes.count))
      for id in new { bytes[Int(id) / 8] |= 1 << (id % 8) }
      return (bytes, true)
    }
    let all = PostingList.ids(stored, dense: wasDense) + new
    return ([UInt8](dense ? PostingList.bitmap(all) : PostingList.list(all)), dense)
  }
}

package enum PostingBatchError: Error, CustomStringConvertible {
  case idOutOfRange(Int64)

  package var description: String {
    switch self {
    case .idOutOfRange(let id): "unit id \(id) is beyond what the word index holds"
    }
  }
}

/// Numbers the (side, token) pairs of units about to be indexed (their slots in a
/// ``PostingBatch``), on the thread that prepares units rather than on the one that writes
/// them, which sets an import's pace: a hash-table probe per token occurrence.
///
/// Slots start again from 0 once ``PostingBatch/flushThreshold`` postings have been
/// numbered; the unit that starts over says so, and the batch is written before it is taken in.
package struct IndexSlots {
  private var table = HashIndex()
  private var count = 0
  private var postings = 0
  private let flushThreshold: Int

  /// `flushThreshold` is for tests, to flush often.
  package init(flushThreshold: Int = PostingBatch.flushThreshold) {
    self.flushThreshold = flushThreshold
  }

  package mutating func assign(keys: [UInt64], sourceCount: Int) -> UnitSlots {
    var unit = UnitSlots()
    if postings + keys.count > flushThreshold && postings > 0 {
      self = IndexSlots(flushThreshold: flushThreshold)
      unit.startsOver = true
    }
    postings += keys.count
    unit.slots.reserveCapacity(keys.count)
    for (index, word) in keys.enumerated() {
      let side: UInt8 = index < sourceCount ? 0 : 1
      let key = word ^ (UInt64(side) &* 0x9E37_79B9_7F4A_7C15)
      if let slot = table[key] {
        unit.slots.append(Int32(slot))
      } else {
        table.insert(count, for: key)
        unit.slots.append(Int32(count))
        unit.newSides.append(side)
        unit.newWords.append(word)
        count += 1
      }
    }
    return unit
  }
}

/// A unit's slots in the word index, and the slots it is the first to use.
package struct UnitSlots: Sendable {
  package var slots: [Int32] = []
  package var newSides: [UInt8] = []
  package var newWords: [UInt64] = []
  /// Whether the slots numbering started over with this unit.
  package var startsOver = false

  package init() {}
}
