import Foundation
import GRDB
import Selaras

/// The translation memory's word index, in table `posting`: for each side (0 source,
/// 1 target) and word hash (``SegmentKeys``), how many units hold the word and their ids,
/// ascending, as a blob of little-endian `UInt32`s.
///
/// An import collects the new ids in memory and appends them to the stored lists in one
/// statement per word (`flush`), so the cost of indexing is a table probe and two array
/// appends per word occurrence and a blob write per distinct word, instead of a B-tree
/// insert per word occurrence.
/// Ids only grow, so appending keeps every list sorted. A deleted unit's id may stay in the
/// lists; readers look units up by id and simply do not find it.
struct WordIndex {
  /// (side, word) → slot; per slot its side, word, number of new ids and last posting.
  private var slots = HashIndex()
  private var slotSides: [Int] = []
  private var slotWords: [UInt64] = []
  private var slotCounts: [Int] = []
  private var slotLast: [Int32] = []
  /// The new postings, in the order added: a unit id and the previous posting of the same
  /// slot (−1 for none), so that each slot's ids are a chain through two flat arrays
  /// instead of an array each.
  private var ids: [UInt32] = []
  private var previous: [Int32] = []
  /// How many postings are held in memory before they are written (64 MB).
  static let flushThreshold = 8_000_000

  mutating func add(_ id: Int64, source: SegmentKeys, target: SegmentKeys, db: Database) throws {
    guard let id = UInt32(exactly: id) else {
      throw DatabaseError(message: "unit id \(id) is beyond what the word index holds")
    }
    for word in source.words { append(id, side: 0, word: word) }
    for word in target.words { append(id, side: 1, word: word) }
    if ids.count >= Self.flushThreshold { try flush(db) }
  }

  private mutating func append(_ id: UInt32, side: Int, word: UInt64) {
    let key = word ^ (UInt64(side) &* 0x9E37_79B9_7F4A_7C15)
    let slot: Int
    if let found = slots[key] {
      slot = found
    } else {
      slot = slotWords.count
      slots.insert(slot, for: key)
      slotSides.append(side)
      slotWords.append(word)
      slotCounts.append(0)
      slotLast.append(-1)
    }
    previous.append(slotLast[slot])
    slotLast[slot] = Int32(ids.count)
    slotCounts[slot] += 1
    ids.append(id)
  }

  mutating func flush(_ db: Database) throws {
    guard !ids.isEmpty else { return }
    // `||` joins blobs as text without touching their bytes; the cast makes the result a
    // blob again.
    let statement = try db.makeStatement(
      sql: """
        INSERT INTO posting (side, word, count, ids) VALUES (?, ?, ?, ?)
        ON CONFLICT (side, word) DO UPDATE
        SET count = count + excluded.count, ids = CAST(ids || excluded.ids AS BLOB)
        """)
    for slot in slotWords.indices {
      let count = slotCounts[slot]
      var blob = Data(count: count * 4)
      blob.withUnsafeMutableBytes { raw in
        // The chain runs from the newest posting back; the list is written oldest first.
        var posting = Int(slotLast[slot])
        var position = count
        while posting >= 0 {
          position -= 1
          raw.storeBytes(of: ids[posting].littleEndian, toByteOffset: position * 4, as: UInt32.self)
          posting = Int(previous[posting])
        }
      }
      try statement.execute(arguments: [slotSides[slot], Int64(bitPattern: slotWords[slot]), count, blob])
    }
    self = WordIndex()
  }

  /// The posting lists of up to `rarest` of `keys` (each with its side), those held by the
  /// fewest units, rarest first, leaving out keys held by more than `atMost` units unless
  /// all are, and keys no unit holds.
  static func postings(
    of keys: [(side: Int, key: UInt64)], rarest: Int, atMost: Int, db: Database
  ) throws -> [[UInt32]] {
    var counts: [(side: Int, key: Int64, count: Int)] = []
    let statement = try db.cachedStatement(sql: "SELECT count FROM posting WHERE side = ? AND word = ?")
    for (side, key) in keys {
      let key = Int64(bitPattern: key)
      if let count = try Int.fetchOne(statement, arguments: [side, key]) {
        counts.append((side, key, count))
      }
    }
    counts.sort { $0.count < $1.count }
    let usable = counts.prefix { $0.count <= atMost }
    return try (usable.isEmpty ? counts.prefix(1) : usable).prefix(rarest).map { word in
      let blob =
        try Data.fetchOne(
          db, sql: "SELECT ids FROM posting WHERE side = ? AND word = ?", arguments: [word.side, word.key])
        ?? Data()
      return blob.withUnsafeBytes { raw in
        [UInt32](unsafeUninitializedCapacity: raw.count / 4) { buffer, count in
          count = raw.count / 4
          UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[..<(count * 4)]))
          for index in 0..<count { buffer[index] = UInt32(littleEndian: buffer[index]) }
        }
      }
    }
  }

  /// The `count` units that share the most with the query, weighing each shared word by its
  /// rarity (log of `unitCount` over the units holding it), in two stages:
  ///
  /// 1. The units holding one of the `seeds` rarest words are the candidates: a merge of
  ///    their sorted lists, adding up their weights.
  /// 2. Each other word's list adds its weight to the candidates it holds, found in a bitmap
  ///    of the candidates' ids as the list is read straight through. Near-identical units are
  ///    told apart by every word.
  ///
  /// The heaviest are kept in a heap, read in id order so that the earlier unit wins ties.
  static func heaviest(_ lists: [[UInt32]], seeds: Int, unitCount: Int, count: Int) -> [Int64] {
    guard !lists.isEmpty, count > 0 else { return [] }
    let weights = lists.map { Float(log(Double(max(unitCount, $0.count) + 1) / Double(max($0.count, 1)))) + 0.01 }
    let seedLists = lists.indices.prefix(max(1, seeds))
    // Stage 1: the union of the seed lists, by a merge of the few of them.
    var candidates: [UInt32] = []
    var totals: [Float] = []
    var cursors = [Int](repeating: 0, count: seedLists.count)
    while true {
      var smallest = UInt32.max
      var any = false
      for (slot, list) in seedLists.enumerated() where cursors[slot] < lists[list].count {
        smallest = min(smallest, lists[list][cursors[slot]])
        any = true
      }
      guard any else { break }
      var total: Float = 0
      for (slot, list) in seedLists.enumerated()
      where cursors[slot] < lists[list].count && lists[list][cursors[slot]] == smallest {
        total += weights[list]
        cursors[slot] += 1
      }
      candidates.append(smallest)
      totals.append(total)
    }
    // Stage 2: the candidates as a bitmap (a bit per id, small enough for the cache), and
    // their added weights in an array indexed by id; each list is read straight through.
    if let largest = candidates.last, lists.count > seedLists.count {
      var bits = [UInt64](repeating: 0, count: Int(largest >> 6) + 1)
      var added = [Float](repeating: 0, count: Int(largest) + 1)
      bits.withUnsafeMutableBufferPointer { bits in
        for id in candidates { bits[Int(id >> 6)] |= 1 << UInt64(id & 63) }
        added.withUnsafeMutableBufferPointer { added in
          for list in lists.indices.dropFirst(seedLists.count) {
            let weight = weights[list]
            lists[list].withUnsafeBufferPointer { ids in
              for id in ids {
                guard id <= largest else { break }
                if bits[Int(id >> 6)] & (1 << UInt64(id & 63)) != 0 { added[Int(id)] += weight }
              }
            }
          }
        }
      }
      for index in candidates.indices { totals[index] += added[Int(candidates[index])] }
    }
    var heap = LightestFirst(capacity: count)
    var lightest: Float = 0
    for index in candidates.indices where totals[index] > lightest {
      heap.offer(Double(totals[index]), candidates[index])
      if heap.isFull { lightest = Float(heap.lightestWeight) }
    }
    return heap.ids.map(Int64.init)
  }

  /// The ids in every one of `lists` (sorted ascending), in order: each id of the shortest
  /// list is looked for in the others by binary search.
  static func intersection(_ lists: [[UInt32]]) -> [Int64] {
    guard var result = lists.min(by: { $0.count < $1.count }) else { return [] }
    for list in lists {
      var low = 0
      result = result.filter { id in
        var high = list.count
        while low < high {
          let middle = (low + high) / 2
          if list[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low] == id
      }
    }
    return result.map(Int64.init)
  }
}

/// The `capacity` heaviest ids offered, in a binary min-heap on weight (the lighter of two
/// equal weights is the later id, so earlier units win ties).
private struct LightestFirst {
  private var weights: [Double] = []
  private(set) var ids: [UInt32] = []
  let capacity: Int

  var isFull: Bool { ids.count == capacity }
  /// The weight a new id must beat once the heap is full.
  var lightestWeight: Double { weights.first ?? 0 }

  init(capacity: Int) {
    self.capacity = capacity
    weights.reserveCapacity(capacity)
    ids.reserveCapacity(capacity)
  }

  private func lighter(_ a: Int, _ b: Int) -> Bool {
    weights[a] < weights[b] || weights[a] == weights[b] && ids[a] > ids[b]
  }

  mutating func offer(_ weight: Double, _ id: UInt32) {
    if ids.count < capacity {
      weights.append(weight)
      ids.append(id)
      var child = ids.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard lighter(child, parent) else { break }
        weights.swapAt(child, parent)
        ids.swapAt(child, parent)
        child = parent
      }
      return
    }
    // Ids arrive ascending, so a tie with the lightest keeps the earlier unit.
    guard weight > weights[0] else { return }
    weights[0] = weight
    ids[0] = id
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var lightest = parent
      if left < ids.count && lighter(left, lightest) { lightest = left }
      if right < ids.count && lighter(right, lightest) { lightest = right }
      guard lightest != parent else { return }
      weights.swapAt(parent, lightest)
      ids.swapAt(parent, lightest)
      parent = lightest
    }
  }
}
