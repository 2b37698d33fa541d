import Foundation

/// The candidates of a fuzzy search on one side of the memory, best first by an upper
/// bound of their match percentage worked out from the word index, without reading a unit.
///
/// The match percentage is `100 × (L − distance) / L`, `L` the longer of the two lengths.
/// The distance is at least `L` less the tokens the two segments have in common, so a unit
/// scores at most `100 × common / L`. A unit's common tokens are at most the query tokens
/// it holds, as the word index tells, plus the query tokens whose postings are not read.
/// A query token no unit holds counts for none.
///
/// A placeable (``MatchText``) matches any placeable of its kind, so the index holds a unit's
/// first number, second number… by kind, which bound it; and each as written, which orders
/// units of equal bounds: among thousands of `Sentence N about the rupiah.`, the query's own
/// `N` comes first.
///
/// The postings are read in two stages:
/// 1. The lists of the query's rarest tokens (up to `lists`, none held by more than
///    `commonUnits`) are read through, counting for each unit the query tokens it holds.
///    Only units met there are candidates.
/// 2. The `refined` candidates with the highest bounds so far are tested against the
///    postings of the query's other tokens (the common ones, mostly bitmaps: `the`, `yang`,
///    `.`), which tightens their bounds.
///
/// The search scores units in this order and stops once a bound is below the scores it
/// has: nothing after it can do better.
///
/// The algorithm reads the index through ``MatchBoundsIndex``, so that every backend that
/// stores the index in ``PostingList`` form (and the units' token counts in blocks of
/// ``blockSize`` ids) shares it.
package struct MatchBounds {
  package struct Candidate: Equatable, Sendable {
    package var id: Int64
    /// The highest match percentage the unit can have.
    package var bound: Int
  }

  /// Unit token counts are read in blocks of `1 << blockBits` consecutive ids.
  package static let blockBits = 16
  package static var blockSize: Int { 1 << blockBits }

  /// The `count` units of `side` (ids up to `largestId`) with the highest bounds that reach
  /// `minimumScore`, and up to ``mostSharedCount`` more that hold the most query tokens;
  /// highest bound first, and among equal bounds, those holding more of the query's tokens
  /// first, then the earlier unit.
  ///
  /// - Parameters:
  ///   - query: the query's keys as the index holds them (``MatchText/indexKeys``).
  ///   - keys: its distinct keys.
  ///   - placeables: its placeables as written (``MatchText/placeableKeys``), which order units
  ///     of equal bounds.
  ///   - language: the primary subtag of the query's language.
  package static func ranked(
    query: [UInt64], keys: [UInt64], placeables: [UInt64] = [], language: String, side: UnitSide, largestId: Int,
    minimumScore: Int, lists: Int, commonUnits: Int, refined: Int, count: Int, index: some MatchBoundsIndex
  ) throws -> [Candidate] {
    let length = query.count
    guard length > 0, largestId > 0, count > 0 else { return [] }
    var occurrences: [UInt64: Int] = [:]
    for token in query { occurrences[token, default: 0] += 1 }
    let indexKeys = keys.map { PostingList.key($0, language: language) }
    let frequencies = try index.unitCounts(of: indexKeys, side: side)
    let held = keys.indices.filter { frequencies[$0] > 0 }.sorted { (frequencies[$0], $0) < (frequencies[$1], $1) }
    var read = Array(held.prefix { frequencies[$0] <= commonUnits }.prefix(lists))
    if read.isEmpty, let rarest = held.first { read = [rarest] }
    let others = held.dropFirst(read.count).prefix(Self.otherLists)
    // The query tokens a unit may hold that no posting read below tells of.
    var unread = held.reduce(0) { $0 + occurrences[keys[$1], default: 0] }
    // A token counts at most so many times that the lists read cannot overflow a UInt16
    // (1,638 times); only a query of thousands of tokens could get near it.
    let weight = { (key: UInt64) in
      UInt16(min(occurrences[key, default: 0], Int(UInt16.max) / (lists + Self.otherLists)))
    }

    // The sort key of `shared` tokens in common with a unit of stored length `length`:
    // the bound in thousandths, −1 below `minimumScore`.
    let sortKey = (0..<((length + 1) * 256)).map { index -> Int16 in
      let shared = index >> 8
      let longer = max(length, index & 255)
      guard 100 * shared >= minimumScore * longer else { return -1 }
      return Int16(min(1000, shared * 1000 / longer))
    }

    // Stage 1: the rarest tokens' postings, copied out of SQLite into one buffer.
    var postings: [UInt8] = []
    var spans: [(range: Range<Int>, dense: Bool, weight: UInt16)] = []
    for key in read {
      let weight = weight(keys[key])
      unread -= Int(weight)
      try index.withPostings(side: side, key: indexKeys[key]) { raw, dense in
        spans.append((postings.count..<(postings.count + raw.count), dense, weight))
        postings.append(contentsOf: raw)
      }
    }
    // Block by block of ids (as the index gives their lengths), so that the counts stay in the
    // processor's cache: each unit's query tokens from those postings, and for the units
    // with any, their sort key, written into a buffer as long as the postings read (or the
    // memory). Unsafe buffers, as the loops below run a million times a query.
    let capacity = min(largestId + 1, read.reduce(0) { $0 + frequencies[$1] })
    let found = UnsafeMutableBufferPointer<Unit>.allocate(capacity: capacity)
    defer { found.deallocate() }
    var foundCount = 0
    let blockSize = 1 << Self.blockBits
    let tally = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: blockSize)
    defer { tally.deallocate() }
    tally.initialize(repeating: 0)
    // The offsets in the block of the units met, in the order met.
    let met = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: blockSize)
    defer { met.deallocate() }
    var metCount = 0
    var cursors = spans.map(\.range.lowerBound)
    try postings.withUnsafeBytes { postings in
      try sortKey.withUnsafeBufferPointer { sortKey in
        for block in 0...(largestId >> Self.blockBits) where !spans.isEmpty {
          let start = block << Self.blockBits
          let end = min(start + blockSize, largestId + 1)
          for (index, span) in spans.enumerated() {
            let weight = span.weight
            if span.dense {
              // A bitmap is only as long as its largest id needs: it may end in an earlier
              // block, or part way through this one.
              let first = span.range.lowerBound + start / 8
              let last = span.range.lowerBound + (end + 7) / 8
              guard first < span.range.upperBound else { continue }
              let bytes = first..<min(span.range.upperBound, last)
              PostingList.forEachId(UnsafeRawBufferPointer(rebasing: postings[bytes]), dense: true) { offset in
                guard start + offset < end else { return }
                if tally[offset] == 0 {
                  met[metCount] = UInt16(truncatingIfNeeded: offset)
                  metCount += 1
                }
                tally[offset] &+= weight
              }
            } else {
              var cursor = cursors[index]
              while cursor + 4 <= span.range.upperBound {
                let id = Int(UInt32(littleEndian: postings.loadUnaligned(fromByteOffset: cursor, as: UInt32.self)))
                guard id < end else { break }
                if tally[id - start] == 0 {
                  met[metCount] = UInt16(truncatingIfNeeded: id - start)
                  metCount += 1
                }
                tally[id - start] &+= weight
                cursor += 4
              }
              cursors[index] = cursor
            }
          }
          foundCount = try index.withLengths(side: side, block: block) { lengths in
            var count = foundCount
            for offset in met[..<metCount] {
              let offset = Int(offset)
              let stored = offset < lengths.count ? lengths[offset] : 0
              let key = sortKey[min(Int(tally[offset]) + unread, length) << 8 | Int(stored)]
              // More units than postings only if the index disagrees with itself.
              if key >= 0 && count < capacity {
                found[count] = Unit(
                  id: UInt32(truncatingIfNeeded: start + offset), shared: tally[offset], length: stored, key: key)
                count += 1
              }
              tally[offset] = 0
            }
            metCount = 0
            return count
          }
        }
      }
    }
    let units = found[..<foundCount]
    var histogram = [Int](repeating: 0, count: 1001)
    for unit in units { histogram[Int(unit.key)] += 1 }

    let cut = Self.cut(histogram, keeping: others.isEmpty ? count : refined)
    // In id order, so that a list can be merged with them: sorted as integers (id, then
    // position), which is several times faster than sorting the structures.
    let order = units.indices.filter { units[$0].key >= cut }.map { UInt64(units[$0].id) << 32 | UInt64($0) }.sorted()
    var chosen = order.map { units[Int($0 & 0xFFFF_FFFF)] }
    for key in others {
      let weight = weight(keys[key])
      unread -= Int(weight)
      try index.withPostings(side: side, key: indexKeys[key]) { raw, dense in
        chosen.withUnsafeMutableBufferPointer { chosen in
          let listCount = raw.count / 4
          if dense || chosen.count * (Int.bitWidth - listCount.leadingZeroBitCount) < listCount {
            // A bit test each, or a binary search each when the list is much the longer.
            for position in chosen.indices where PostingList.holds(raw, dense: dense, Int(chosen[position].id)) {
              chosen[position].shared &+= weight
            }
            return
          }
          var position = 0
          PostingList.forEachId(raw, dense: false) { id in
            while position < chosen.count && Int(chosen[position].id) < id { position += 1 }
            if position < chosen.count && Int(chosen[position].id) == id { chosen[position].shared &+= weight }
          }
        }
      }
    }
    // The final bounds; again, a histogram finds which to sort.
    histogram = [Int](repeating: 0, count: 1001)
    for index in chosen.indices {
      chosen[index].key = sortKey[min(Int(chosen[index].shared) + unread, length) << 8 | Int(chosen[index].length)]
      if chosen[index].key >= 0 { histogram[Int(chosen[index].key)] += 1 }
    }
    let last = Self.cut(histogram, keeping: count)
    var ranked = chosen.filter { $0.key >= last }
    if ranked.count > count {
      // More tie at the cut than are kept: those holding the query's placeables as written first.
      for key in placeables {
        try index.withPostings(side: side, key: PostingList.key(key, language: language)) { raw, dense in
          for position in ranked.indices where PostingList.holds(raw, dense: dense, Int(ranked[position].id)) {
            ranked[position].placeables = min(ranked[position].placeables, 254) + 1
          }
        }
      }
    }
    ranked.sort(by: Self.byBound)
    ranked.removeSubrange(min(count, ranked.count)...)
    // And the units holding the most query tokens, whatever their length: a unit much
    // longer than the query has a low bound, yet can beat near-identical shorter ones whose
    // bounds are high only because the index cannot see word order. Merged by bound, so the
    // search still stops at the first bound below the matches found.
    if ranked.count == count, let lowest = ranked.last {
      var longer = chosen.filter { $0.key >= 0 && ($0.key, $0.shared, lowest.id) < (lowest.key, lowest.shared, $0.id) }
      // Only those holding the most need sorting: a histogram of the counts finds them.
      var counts = [Int](repeating: 0, count: length + 1)
      for unit in longer { counts[min(Int(unit.shared), length)] += 1 }
      let least = Self.cut(counts, keeping: Self.mostSharedCount)
      longer.removeAll { Int($0.shared) < least }
      longer.sort { ($1.shared, $1.key, $0.id) < ($0.shared, $0.key, $1.id) }
      ranked += longer.prefix(Self.mostSharedCount)
      ranked.sort(by: Self.byBound)
    }
    return ranked.map { unit in
      let shared = Int(unit.shared) + unread
      return Candidate(id: Int64(unit.id), bound: min(100, 100 * shared / max(length, Int(unit.length))))
    }
  }

  /// Highest bound first; among equal bounds, the unit holding more of the query's
  /// placeables as written, then more of its tokens, then the earlier unit.
  private static func byBound(_ first: Unit, _ second: Unit) -> Bool {
    (second.key, second.placeables, second.shared, first.id) < (first.key, first.placeables, first.shared, second.id)
  }

  /// A unit with what its bound is made of.
  private struct Unit {
    var id: UInt32
    /// The query tokens of the postings read that the unit holds.
    var shared: UInt16
    var length: UInt8
    var key: Int16
    /// How many of the query's placeables as written it holds, where that orders it.
    var placeables: UInt8 = 0
  }

  /// How many units beyond the `count` with the highest bounds are scored when they hold
  /// more of the query's tokens.
  static let mostSharedCount = 100

  /// How many of the query's other tokens (after the rarest) refine the bounds at most.
  static let otherLists = 32

  /// The lowest key at or above which at least `count` of the histogram's entries are (0
  /// when there are fewer).
  private static func cut(_ histogram: [Int], keeping count: Int) -> Int {
    var cut = histogram.count
    var above = 0
    while cut > 0 && above < count {
      cut -= 1
      above += histogram[cut]
    }
    return cut
  }
}
