/// An open-addressing hash table from 64-bit hashes to indices, for lookups per token
/// (``FeatureExtractor``, the memory's word index) and per unit (the memory's duplicate
/// check), where the standard dictionary's hashing of its keys costs more than the rest of
/// the lookup. The hashes must already be well mixed (FNV-1a); every 64-bit value is a key
/// of its own, and values are non-negative (a negative one marks an empty slot).
package struct HashIndex: Sendable {
  private var keys: [UInt64]
  private var values: [Int32]
  private var count = 0

  /// A table that holds `capacity` entries before it grows.
  package init(capacity: Int = 512) {
    var size = 1024
    while size < capacity * 2 { size *= 2 }
    keys = [UInt64](repeating: 0, count: size)
    values = [Int32](repeating: -1, count: size)
  }

  package subscript(hash: UInt64) -> Int? {
    keys.withUnsafeBufferPointer { keys in
      values.withUnsafeBufferPointer { values in
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 7) & mask
        while true {
          let value = values[slot]
          if value < 0 { return nil }
          if keys[slot] == hash { return Int(value) }
          slot = (slot + 1) & mask
        }
      }
    }
  }

  package mutating func insert(_ value: Int, for hash: UInt64) {
    precondition(value >= 0, "HashIndex values are non-negative")
    if (count + 1) * 2 > keys.count {
      var larger = HashIndex(capacity: keys.count)
      for (key, value) in zip(keys, values) where value >= 0 { larger.insert(Int(value), for: key) }
      self = larger
    }
    let mask = keys.count - 1
    var slot = Int(truncatingIfNeeded: hash >> 7) & mask
    while values[slot] >= 0 && keys[slot] != hash { slot = (slot + 1) & mask }
    if values[slot] < 0 { count += 1 }
    keys[slot] = hash
    values[slot] = Int32(value)
  }
}
