/// The names, acronyms and numbers that many sentences of a stretch of the texts hold, and
/// how little a match of one counts: a name the whole article repeats ("Indonesia", the
/// ferry operator's name) says little about which of its sentences pair, and a dropped
/// English sentence and an added Indonesian one that share it are no translations.
///
/// Counted per block of ``blockSize`` target sentences and the source sentences on the
/// diagonal beside them: a news article is one block; in a long text a name is common only
/// where it recurs nearby.
struct CommonAnchors {
  static let blockSize = 64
  /// For each block, the vocabulary ids held by more than `sentences` sentences of one side,
  /// sorted, with the weight of their match in units of 1/`unit`.
  private let blocks: [[(id: Int, weight: UInt64)]]
  let unit: UInt64

  /// - Parameters:
  ///   - sentences: How many sentences of a side of a block may hold an anchor before its
  ///     matches count less: one held by more counts this many over their number. 0
  ///     counts every match whole.
  ///   - unit: What a whole match counts.
  init(
    source: [SentenceFeatures], sourceKeys: [UInt32], target: [SentenceFeatures], targetKeys: [UInt32],
    vocabularySize: Int, sentences: Double, unit: UInt64
  ) {
    self.unit = unit
    guard sentences > 0, !source.isEmpty, !target.isEmpty else {
      blocks = []
      return
    }
    let blockCount = (target.count + Self.blockSize - 1) / Self.blockSize
    let sourcePerTarget = Double(source.count) / Double(target.count)
    var counts = [[Int32]](repeating: [Int32](repeating: 0, count: vocabularySize), count: 2)
    var touched: [Int] = []
    blocks = (0..<blockCount).map { block in
      let targetRange = (block * Self.blockSize)..<min(target.count, (block + 1) * Self.blockSize)
      let sourceStart = Int(Double(targetRange.lowerBound) * sourcePerTarget)
      let sourceEnd = block == blockCount - 1 ? source.count : Int(Double(targetRange.upperBound) * sourcePerTarget)
      for (side, (features, keys, range)) in [
        (source, sourceKeys, sourceStart..<sourceEnd), (target, targetKeys, targetRange),
      ].enumerated() {
        for sentence in features[range] where sentence.chrome == .none {
          for key in keys[sentence.keys] where key & SentenceFeatures.anchorFlag != 0 {
            let id = Int(key & SentenceFeatures.idMask)
            if counts[0][id] == 0 && counts[1][id] == 0 { touched.append(id) }
            counts[side][id] += 1
          }
        }
      }
      var common: [(id: Int, weight: UInt64)] = []
      for id in touched.sorted() {
        let held = Double(max(counts[0][id], counts[1][id]))
        if held > sentences {
          common.append((id, max(1, UInt64((sentences / held * Double(unit)).rounded()))))
        }
        counts[0][id] = 0
        counts[1][id] = 0
      }
      touched.removeAll(keepingCapacity: true)
      return common
    }
  }

  /// The block target sentence `target` is in.
  static func block(of target: Int) -> Int { target / blockSize }

  /// What a match of vocabulary id `id` counts beside target sentence `target`.
  func weight(of id: Int, target: Int) -> UInt64 {
    guard !blocks.isEmpty else { return unit }
    let common = blocks[min(blocks.count - 1, Self.block(of: target))]
    var low = 0
    var high = common.count
    while low < high {
      let middle = (low + high) / 2
      if common[middle].id < id { low = middle + 1 } else { high = middle }
    }
    return low < common.count && common[low].id == id ? common[low].weight : unit
  }

  /// Sets `table` (one weight per vocabulary id, ``unit`` but for the block before) to the
  /// weights of block `block`, resetting those of block `previous`.
  func update(_ table: inout [UInt64], from previous: Int?, to block: Int) {
    guard !blocks.isEmpty else { return }
    if let previous, previous < blocks.count {
      for (id, _) in blocks[previous] { table[id] = unit }
    }
    if block < blocks.count {
      for (id, weight) in blocks[block] { table[id] = weight }
    }
  }
}
