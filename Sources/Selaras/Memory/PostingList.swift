import Foundation

/// The translation memory's word index in the form every backend stores it, and the
/// algorithms over it (``MatchBounds``, concordance's intersection): for each side of the
/// units (0 source, 1 target) and token key (``key(_:language:)``), the ids of the units
/// that hold the token, as one of two blobs:
///
/// - a list of the ids, ascending, as little-endian `UInt32`s;
/// - once a token is held by more than one unit in 32 (``isDense(count:largestId:)``), a
///   bitmap: bit `id % 8` of byte `id / 8` is set when unit `id` holds it, which is then the
///   smaller of the two. A search tests candidates against the bitmaps of common tokens
///   (`the`, `yang`, `.`) instead of reading their long lists.
package enum PostingList {
  /// The key a token is indexed under in a segment of `language` (its primary subtag):
  /// the token's hash mixed with the language's, so that a search in one language never
  /// reads the other's postings (numbers, names and punctuation they share).
  package static func key(_ token: UInt64, language: String) -> UInt64 {
    token ^ (SegmentKeys.hash(ofToken: language) &* 0xD6E8_FEB8_6659_FD93)
  }

  /// The index keys of a unit: its source side's tokens, then its target side's, each
  /// mixed with the side's language (`key`); and how many are the source side's.
  package static func keys(
    source: SegmentKeys, in sourceLanguage: String, target: SegmentKeys, in targetLanguage: String
  ) -> (keys: [UInt64], sourceCount: Int) {
    var keys: [UInt64] = []
    keys.reserveCapacity(source.words.count + source.punctuation.count + target.words.count + target.punctuation.count)
    let sourceMix = key(0, language: sourceLanguage)
    keys += source.words.lazy.map { $0 ^ sourceMix }
    keys += source.punctuation.lazy.map { $0 ^ sourceMix }
    let sourceCount = keys.count
    let targetMix = key(0, language: targetLanguage)
    keys += target.words.lazy.map { $0 ^ targetMix }
    keys += target.punctuation.lazy.map { $0 ^ targetMix }
    return (keys, sourceCount)
  }

  /// Whether a token held by `count` units of a memory whose largest id is `largestId` is
  /// kept as a bitmap: when that takes fewer bytes than the list.
  package static func isDense(count: Int, largestId: Int) -> Bool {
    count * 32 > largestId + 1
  }

  /// Ids (ascending) as a list blob.
  package static func list(_ ids: [UInt32]) -> Data {
    var blob = Data(count: ids.count * 4)
    blob.withUnsafeMutableBytes { raw in
      for (index, id) in ids.enumerated() {
        raw.storeBytes(of: id.littleEndian, toByteOffset: index * 4, as: UInt32.self)
      }
    }
    return blob
  }

  /// Ids as a bitmap blob, as long as the largest needs.
  package static func bitmap(_ ids: [UInt32]) -> Data {
    var blob = Data(count: Int(ids.max() ?? 0) / 8 + 1)
    blob.withUnsafeMutableBytes { raw in
      for id in ids { raw[Int(id) / 8] |= 1 << (id % 8) }
    }
    return blob
  }

  /// Calls `body` with each id of a stored posting blob, ascending.
  @inline(__always)
  package static func forEachId(_ raw: UnsafeRawBufferPointer, dense: Bool, _ body: (Int) -> Void) {
    if !dense {
      for offset in stride(from: 0, to: raw.count &- 3, by: 4) {
        body(Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))))
      }
      return
    }
    var offset = 0
    while offset + 8 <= raw.count {
      var bits = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      while bits != 0 {
        body(offset * 8 + bits.trailingZeroBitCount)
        bits &= bits &- 1
      }
      offset += 8
    }
    while offset < raw.count {
      var bits = raw[offset]
      while bits != 0 {
        body(offset * 8 + bits.trailingZeroBitCount)
        bits &= bits &- 1
      }
      offset += 1
    }
  }

  /// The ids of a stored posting blob, ascending.
  package static func ids(_ raw: UnsafeRawBufferPointer, dense: Bool) -> [UInt32] {
    var result: [UInt32] = []
    forEachId(raw, dense: dense) { result.append(UInt32($0)) }
    return result
  }

  /// Whether a stored posting blob holds `id`: a bit test for a bitmap, a binary search for
  /// a list.
  @inline(__always)
  package static func holds(_ raw: UnsafeRawBufferPointer, dense: Bool, _ id: Int) -> Bool {
    if dense {
      return id / 8 < raw.count && raw[id / 8] & (1 << (id % 8)) != 0
    }
    var low = 0
    var high = raw.count / 4
    while low < high {
      let middle = (low + high) / 2
      if Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: middle * 4, as: UInt32.self))) < id {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low < raw.count / 4
      && Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: low * 4, as: UInt32.self))) == id
  }

  /// The ids in every one of `lists` (sorted ascending), in order: each id of the shortest
  /// list is looked for in the others by binary search.
  package static func intersection(_ lists: [[UInt32]]) -> [Int64] {
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
