import Foundation
import GRDB
import Selaras

/// The translation memory's word index, in table `posting`: for each side (0 source,
/// 1 target) and token (``SegmentKeys``: words and punctuation) in a language (`key`), how
/// many units hold the token and which, as a ``PostingList`` blob (a list of ids, or a
/// bitmap once `dense`).
///
/// An import collects the new ids in memory and writes each token's ids in one statement
/// per flush, so the cost of indexing is a table probe per token occurrence (``IndexSlots``,
/// on the thread that prepares units), a counting sort at the flush and a blob write per
/// distinct token, instead of a B-tree insert per occurrence. A list grows by appending,
/// which keeps it sorted as ids only grow; a bitmap is read, updated and written back. A
/// deleted unit's id may stay in the index; readers look units up by id and simply do not
/// find it.
struct WordIndex {
  /// Per slot (``IndexSlots``): its side and token.
  private var slotSides: [Int] = []
  private var slotWords: [UInt64] = []
  /// The units taken in since the last flush, each with its slots as prepared (the array is
  /// kept, not copied); a flush sorts their ids by slot.
  private var unitIds: [UInt32] = []
  private var unitSlots: [[Int32]] = []
  private var largestId: UInt32 = 0
  /// How many postings are held in memory before they are written (64 MB).
  static let flushThreshold = 8_000_000

  /// See ``PostingList/key(_:language:)``.
  static func key(_ token: UInt64, language: String) -> UInt64 {
    PostingList.key(token, language: language)
  }

  /// See ``PostingList/keys(source:in:target:in:)``.
  static func keys(
    source: SegmentKeys, in sourceLanguage: String, target: SegmentKeys, in targetLanguage: String
  ) -> (keys: [UInt64], sourceCount: Int) {
    PostingList.keys(source: source, in: sourceLanguage, target: target, in: targetLanguage)
  }

  /// Takes in a unit's slots (``IndexSlots/assign(keys:sourceCount:)``), in the order they
  /// were assigned, and indexes the unit under them as `id`; nil for a unit not stored (a
  /// duplicate), whose new slots are still defined, as later units use them.
  mutating func add(_ id: Int64?, _ unit: UnitSlots, db: Database) throws {
    if unit.startsOver { try flush(db) }
    for (side, word) in zip(unit.newSides, unit.newWords) {
      slotSides.append(Int(side))
      slotWords.append(word)
    }
    guard let id else { return }
    guard let id = UInt32(exactly: id) else {
      throw DatabaseError(message: "unit id \(id) is beyond what the word index holds")
    }
    largestId = max(largestId, id)
    unitIds.append(id)
    unitSlots.append(unit.slots)
  }

  /// Writes the postings held, and forgets the slots: ``IndexSlots`` numbers them from 0 again.
  mutating func flush(_ db: Database) throws {
    defer { self = WordIndex() }
    guard !unitIds.isEmpty else { return }
    let find = try db.makeStatement(sql: "SELECT rowid, count, dense FROM posting WHERE side = ? AND word = ?")
    let insert = try db.makeStatement(sql: "INSERT INTO posting (side, word, count, dense, ids) VALUES (?, ?, ?, ?, ?)")
    // `||` joins blobs as text without touching their bytes; the cast makes the result a
    // blob again.
    let extend = try db.makeStatement(
      sql: "UPDATE posting SET count = count + ?, ids = CAST(ids || ? AS BLOB) WHERE rowid = ?")
    let replace = try db.makeStatement(sql: "UPDATE posting SET count = ?, dense = ?, ids = ? WHERE rowid = ?")
    let largestId = Int(largestId)
    // The postings sorted by slot (a counting sort, which keeps each slot's ids ascending).
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
      let count = slotCounts[slot]
      let new = Array(sorted[starts[slot]..<starts[slot + 1]])
      let side = slotSides[slot]
      let word = Int64(bitPattern: slotWords[slot])
      guard let stored = try Row.fetchOne(find, arguments: [side, word]) else {
        let dense = PostingList.isDense(count: count, largestId: largestId)
        try insert.execute(arguments: [side, word, count, dense, dense ? PostingList.bitmap(new) : PostingList.list(new)])
        continue
      }
      let rowid: Int64 = stored[0]
      let total = stored[1] + count
      let wasDense: Bool = stored[2]
      let dense = PostingList.isDense(count: total, largestId: largestId)
      if !wasDense && !dense {
        try extend.execute(arguments: [count, PostingList.list(new), rowid])
        continue
      }
      // A bitmap to update, or a form to change.
      let blob = try Self.withList(side: side, word: slotWords[slot], db: db) { raw, _ in
        if wasDense && dense {
          var bytes = [UInt8](raw)
          bytes += repeatElement(0, count: max(0, Int(new.last ?? 0) / 8 + 1 - bytes.count))
          for id in new { bytes[Int(id) / 8] |= 1 << (id % 8) }
          return Data(bytes)
        }
        let all = PostingList.ids(raw, dense: wasDense) + new
        return dense ? PostingList.bitmap(all) : PostingList.list(all)
      }
      try replace.execute(arguments: [total, dense, blob, rowid])
    }
  }

  /// See ``PostingList/ids(_:dense:)``.
  static func ids(_ raw: UnsafeRawBufferPointer, dense: Bool) -> [UInt32] {
    PostingList.ids(raw, dense: dense)
  }

  /// How many units hold each of `words` on `side`, 0 for a word none holds.
  static func unitCounts(of words: [UInt64], side: Int, db: Database) throws -> [Int] {
    let statement = try db.cachedStatement(sql: "SELECT count FROM posting WHERE side = ? AND word = ?")
    return try words.map { word in
      try Int.fetchOne(statement, arguments: [side, Int64(bitPattern: word)]) ?? 0
    }
  }

  /// Calls `body` with the stored postings of `word` on `side` (not necessarily aligned;
  /// empty for a word no unit holds) and whether they are a bitmap, where SQLite holds
  /// them, without copying them.
  static func withList<Result>(
    side: Int, word: UInt64, db: Database, _ body: (UnsafeRawBufferPointer, _ dense: Bool) throws -> Result
  ) throws -> Result {
    let statement = RawStatement(
      statement: try db.cachedStatement(sql: "SELECT dense, ids FROM posting WHERE side = ? AND word = ?"), database: db
    )
    return try statement.withFirstRow(.integer(Int64(side)), .integer(Int64(bitPattern: word))) { row in
      guard let row else { return try body(UnsafeRawBufferPointer(start: nil, count: 0), false) }
      return try body(row.bytes(1), row.integer(0) != 0)
    }
  }

  /// The posting lists of `keys` (each with its side), in the order given, with an empty
  /// list for a key no unit holds.
  static func postings(of keys: [(side: Int, key: UInt64)], db: Database) throws -> [[UInt32]] {
    try keys.map { side, key in
      try withList(side: side, word: key, db: db) { raw, dense in ids(raw, dense: dense) }
    }
  }

}

/// Numbers the (side, token) pairs of units about to be indexed (their slots in
/// ``WordIndex``), on the thread that prepares units rather than on the one that writes
/// them, which sets an import's pace: a hash-table probe per token occurrence.
///
/// Slots start again from 0 once ``WordIndex/flushThreshold`` postings have been numbered;
/// the unit that starts over says so, and the ``WordIndex`` flushes before taking it in.
struct IndexSlots {
  private var table = HashIndex()
  private var count = 0
  private var postings = 0
  private let flushThreshold: Int

  /// `flushThreshold` is for tests, to flush often.
  init(flushThreshold: Int = WordIndex.flushThreshold) {
    self.flushThreshold = flushThreshold
  }

  mutating func assign(keys: [UInt64], sourceCount: Int) -> UnitSlots {
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
struct UnitSlots: Sendable {
  var slots: [Int32] = []
  var newSides: [UInt8] = []
  var newWords: [UInt64] = []
  /// Whether the slots numbering started over with this unit.
  var startsOver = false
}
