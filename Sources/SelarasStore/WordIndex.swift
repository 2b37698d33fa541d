import Foundation
import GRDB
import Selaras

/// The translation memory's word index, in table `posting`: for each side (0 source,
/// 1 target) and token (``SegmentKeys``: words and punctuation) in a language (`key`), how
/// many units hold the token and which, as a ``PostingList`` blob (a list of ids, or a
/// bitmap once `dense`).
///
/// An import collects the new ids in memory (``PostingBatch``) and writes each token's ids
/// in one statement per flush. A list grows by appending, which keeps it sorted as ids only
/// grow; a bitmap is read, updated and written back. A deleted unit's id may stay in the
/// index; readers look units up by id and simply do not find it.
struct WordIndex {
  private var batch = PostingBatch()

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
    if PostingBatch.mustFlush(before: unit) { try flush(db) }
    do {
      try batch.add(id, unit)
    } catch {
      throw DatabaseError(message: "\(error)")
    }
  }

  /// Writes the postings held, and forgets the slots: ``IndexSlots`` numbers them from 0 again.
  mutating func flush(_ db: Database) throws {
    guard !batch.isEmpty else {
      batch = PostingBatch()
      return
    }
    let find = try db.makeStatement(sql: "SELECT rowid, count, dense FROM posting WHERE side = ? AND word = ?")
    let insert = try db.makeStatement(sql: "INSERT INTO posting (side, word, count, dense, ids) VALUES (?, ?, ?, ?, ?)")
    // `||` joins blobs as text without touching their bytes; the cast makes the result a
    // blob again.
    let extend = try db.makeStatement(
      sql: "UPDATE posting SET count = count + ?, ids = CAST(ids || ? AS BLOB) WHERE rowid = ?")
    let replace = try db.makeStatement(sql: "UPDATE posting SET count = ?, dense = ?, ids = ? WHERE rowid = ?")
    let largestId = Int(batch.largestId)
    try batch.drain { side, key, new in
      let count = new.count
      let word = Int64(bitPattern: key)
      guard let stored = try Row.fetchOne(find, arguments: [side.rawValue, word]) else {
        let dense = PostingList.isDense(count: count, largestId: largestId)
        try insert.execute(arguments: [
          side.rawValue, word, count, dense, dense ? PostingList.bitmap(new) : PostingList.list(new),
        ])
        return
      }
      let rowid: Int64 = stored[0]
      let total = stored[1] + count
      let wasDense: Bool = stored[2]
      if !wasDense && !PostingList.isDense(count: total, largestId: largestId) {
        try extend.execute(arguments: [count, PostingList.list(new), rowid])
        return
      }
      // A bitmap to update, or a form to change.
      let merged = try Self.withList(side: side, word: key, db: db) { raw, _ in
        PostingBatch.merged(raw, dense: wasDense, count: total, with: new, largestId: largestId)
      }
      try replace.execute(arguments: [total, merged.dense, Data(merged.blob), rowid])
    }
  }

  /// See ``PostingList/ids(_:dense:)``.
  static func ids(_ raw: UnsafeRawBufferPointer, dense: Bool) -> [UInt32] {
    PostingList.ids(raw, dense: dense)
  }

  /// How many units hold each of `words` on `side`, 0 for a word none holds.
  static func unitCounts(of words: [UInt64], side: UnitSide, db: Database) throws -> [Int] {
    let statement = try db.cachedStatement(sql: "SELECT count FROM posting WHERE side = ? AND word = ?")
    return try words.map { word in
      try Int.fetchOne(statement, arguments: [side.rawValue, Int64(bitPattern: word)]) ?? 0
    }
  }

  /// Calls `body` with the stored postings of `word` on `side` (not necessarily aligned;
  /// empty for a word no unit holds) and whether they are a bitmap, where SQLite holds
  /// them, without copying them.
  static func withList<Result>(
    side: UnitSide, word: UInt64, db: Database, _ body: (UnsafeRawBufferPointer, _ dense: Bool) throws -> Result
  ) throws -> Result {
    let statement = RawStatement(
      statement: try db.cachedStatement(sql: "SELECT dense, ids FROM posting WHERE side = ? AND word = ?"), database: db
    )
    return try statement.withFirstRow(.integer(Int64(side.rawValue)), .integer(Int64(bitPattern: word))) { row in
      guard let row else { return try body(UnsafeRawBufferPointer(start: nil, count: 0), false) }
      return try body(row.bytes(1), row.integer(0) != 0)
    }
  }

  /// The posting lists of `keys` (each with its side), in the order given, with an empty
  /// list for a key no unit holds.
  static func postings(of keys: [(side: UnitSide, key: UInt64)], db: Database) throws -> [[UInt32]] {
    try keys.map { side, key in
      try withList(side: side, word: key, db: db) { raw, dense in ids(raw, dense: dense) }
    }
  }

}
