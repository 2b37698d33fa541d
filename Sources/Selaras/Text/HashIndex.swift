/// An open-addressing hash table from 64-bit hashes to indices, for lookups per token
/// (``FeatureExtractor``, the memory's word index), where the standard dictionary's
/// hashing of its keys costs more than the rest of the lookup. The hashes must already be
/// well mixed (FNV-1a); a hash and the same hash with its lowest bit flipped count as one.
public struct HashIndex: Sendable {
  private var keys = [UInt64](repeating: 0, count: 1024)
  private var values = [Int32](repeating: -1, count: 1024)
  private var count = 0

  public init() {}

  public subscript(hash: UInt64) -> Int? {
    let key = hash | 1
    return keys.withUnsafeBufferPointer { keys in
      let mask = keys.count - 1
      var slot = Int(truncatingIfNeeded: key >> 7) & mask
      while true {
        let found = keys[slot]
        if found == key { return Int(values[slot]) }
        if found == 0 { return nil }
        slot = (slot + 1) & mask
      }
    }
  }

  public mutating func insert(_ value: Int, for hash: UInt64) {
    if (count + 1) * 2 > keys.count {
      let old = zip(keys, values).filter { $0.0 != 0 }
      keys = [UInt64](repeating: 0, count: keys.count * 2)
      values = [Int32](repeating: -1, count: keys.count)
      count = 0
      for (key, value) in old { insert(Int(value), for: key) }
    }
    let key = hash | 1
    let mask = keys.count - 1
    var slot = Int(truncatingIfNeeded: key >> 7) & mask
    while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
    if keys[slot] == 0 { count += 1 }
    keys[slot] = key
    values[slot] = Int32(value)
  }
}
