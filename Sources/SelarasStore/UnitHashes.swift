import Foundation
import GRDB
import Selaras

/// Each unit's text hash (`unit.textHash`, see ``PreparedUnit/textHash(_:_:_:_:)``), kept
/// a second time in table `unitHash` in a form an import reads in one go: rows of
/// (id: `UInt32`, hash: `Int64`) pairs, little-endian, appended by each import.
///
/// An import finds duplicates through a ``HashIndex`` built from these rows, instead of
/// through a unique index on `unit.textHash`: inserting a random key into that index was a
/// third of the writer's time in a million-unit import. Loading costs about 12 bytes a
/// unit stored, a few milliseconds per 100,000 units.
struct UnitHashes {
  /// The pairs noted since the last flush.
  private var pairs: [UInt8] = []
  /// How many pairs a row holds at most.
  static let rowSize = 65_536

  /// Notes unit `id`'s hash, written by ``flush(_:)``, which this calls itself once a row is full.
  mutating func add(_ id: Int64, hash: Int64, db: Database) throws {
    withUnsafeBytes(of: UInt32(truncatingIfNeeded: id).littleEndian) { pairs.append(contentsOf: $0) }
    withUnsafeBytes(of: hash.littleEndian) { pairs.append(contentsOf: $0) }
    if pairs.count >= Self.rowSize * 12 { try flush(db) }
  }

  /// Writes the pairs noted since the last flush as a row.
  mutating func flush(_ db: Database) throws {
    guard !pairs.isEmpty else { return }
    try db.cachedStatement(sql: "INSERT INTO unitHash (pairs) VALUES (?)").execute(arguments: [Data(pairs)])
    pairs.removeAll(keepingCapacity: true)
  }

  /// Every stored unit's id by its hash (the hash's bit pattern).
  static func load(_ db: Database) throws -> HashIndex {
    // Not count(*) of the units: that reads the whole table.
    let pairs = try Int.fetchOne(db, sql: "SELECT sum(length(pairs)) FROM unitHash") ?? 0
    var hashes = HashIndex(capacity: pairs / 12)
    let rows = RawStatement(
      statement: try db.makeStatement(sql: "SELECT pairs FROM unitHash ORDER BY id"), database: db)
    try rows.forEachRow([]) { row in
      let bytes = row.bytes(0)
      for offset in stride(from: 0, to: bytes.count - 11, by: 12) {
        let id = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        let hash = Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: Int64.self))
        hashes.insert(Int(id), for: UInt64(bitPattern: hash))
      }
    }
    return hashes
  }
}
