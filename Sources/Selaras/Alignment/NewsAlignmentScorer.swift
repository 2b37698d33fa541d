import Foundation

/// The cost model for news: Gale–Church length agreement on characters, with numbers,
/// dates, names, acronyms and lexicon matches as anchors, and site chrome kept out of pairs.
///
/// Build one per pair of texts; it caches sentence-pair statistics near the diagonal.
public final class NewsAlignmentScorer: AlignmentScorer {
  public let sourceCount: Int
  public let targetCount: Int
  public let weights: Weights
  public let calibration: BeadCalibration
  /// Target characters per source character, estimated from the texts.
  public let lengthRatio: Double

  private let source: [SentenceFeatures]
  private let target: [SentenceFeatures]
  /// The keys of all source sentences, and of all target sentences (`SentenceFeatures.keys`).
  private let sourceKeys: [UInt32]
  private let targetKeys: [UInt32]
  /// Running totals of `source` and `target`, for the hot loop.
  private let sourceTotals: [SentenceTotals]
  private let targetTotals: [SentenceTotals]
  private let slope: Double
  /// The target sentence on the diagonal for each source sentence.
  private let centers: [Int]
  /// Half-width of the cached band: the aligner's first band (6), the widest bead (3) and one
  /// for rounding.
  private let cacheBand = 10
  /// Pair statistics near the diagonal, computed up front (`fillCache`). A raw buffer: the
  /// exclusivity checks of a class's stored array cost more than the lookups.
  private let cache: UnsafeMutableBufferPointer<UInt64>
  /// The first sentence of each side that is article text: the headline when the page has
  /// one, even behind a breadcrumb, a date line or a photo.
  private let sourceHeadline: Range<Int>
  private let targetHeadline: Range<Int>
  /// For each sentence, the most evidence it shares with one sentence of the other side
  /// within the cached band: a sentence that resembles one nearby is rarely left unpaired
  /// (the second half of a sentence the translator split carries its names and words).
  private var sourcePull: [Double] = []
  private var targetPull: [Double] = []
  /// The mean pull of the texts' article sentences: high for a translation, low for texts
  /// that are not translations of each other, where even the pairs the path takes are guesses.
  private var textPull = 0.0

  /// - Parameters:
  ///   - source: The source sentences (English by default) with their boilerplate flags.
  ///   - target: The target sentences.
  public init(
    source: [Sentence], sourceLanguage: LanguageTag, target: [Sentence], targetLanguage: LanguageTag,
    lexicon: Lexicon = .builtIn, weights: Weights = .fitted,
    calibration: BeadCalibration = .fitted
  ) {
    self.calibration = calibration
    var extractor = FeatureExtractor(lexicon: lexicon)
    var sourceKeys: [UInt32] = []
    var targetKeys: [UInt32] = []
    self.source = source.map {
      extractor.features(
        of: Self.evidenceText($0.text), language: sourceLanguage.language, chrome: $0.chrome, into: &sourceKeys)
    }
    self.target = target.map {
      extractor.features(
        of: Self.evidenceText($0.text), language: targetLanguage.language, chrome: $0.chrome, into: &targetKeys)
    }
    self.sourceKeys = sourceKeys
    self.targetKeys = targetKeys
    sourceTotals = SentenceTotals.running(self.source)
    targetTotals = SentenceTotals.running(self.target)
    sourceCount = source.count
    targetCount = target.count
    let firstSource = source.firstIndex { $0.chrome == .none } ?? 0
    let firstTarget = target.firstIndex { $0.chrome == .none } ?? 0
    sourceHeadline = firstSource..<(firstSource + 1)
    targetHeadline = firstTarget..<(firstTarget + 1)
    self.weights = weights
    let sourceLength = self.source.filter { !$0.isBoilerplate }.reduce(0) { $0 + $1.length }
    let targetLength = self.target.filter { !$0.isBoilerplate }.reduce(0) { $0 + $1.length }
    let prior: Double
    switch (sourceLanguage.language, targetLanguage.language) {
    case ("en", "id"): prior = weights.indonesianPerEnglish
    case ("id", "en"): prior = 1 / weights.indonesianPerEnglish
    default: prior = 1
    }
    let estimate =
      (prior * weights.ratioPriorWeight + Double(targetLength)) / (weights.ratioPriorWeight + Double(sourceLength))
    lengthRatio = min(2.5, max(0.4, estimate))
    let slope = sourceCount > 0 ? Double(targetCount) / Double(sourceCount) : 1
    self.slope = slope
    centers = (0..<sourceCount).map { Int((Double($0) * slope).rounded()) }
    cache = .allocate(capacity: sourceCount * (2 * cacheBand + 1))
    cache.initialize(repeating: 0)
    fillCache(vocabularySize: extractor.vocabulary.count)
    fillPull()
  }

  /// Computes the pair statistics of the cached band, one target sentence at a time: its
  /// keys are marked in a table indexed by vocabulary id, and each source sentence whose
  /// band holds it is counted against the marks. That costs one lookup per source key
  /// instead of a merge of both lists; the source side is the one scanned because English
  /// sentences have a third of the keys of Indonesian ones, which carry every dictionary
  /// translation of their words.
  private func fillCache(vocabularySize: Int) {
    var marks = [Int32](repeating: -1, count: vocabularySize)
    let width = 2 * cacheBand + 1
    var firstSource = 0
    marks.withUnsafeMutableBufferPointer { marks in
      sourceKeys.withUnsafeBufferPointer { sourceKeys in
        targetKeys.withUnsafeBufferPointer { targetKeys in
          for t in 0..<targetCount {
            let mark = Int32(t)
            for key in targetKeys[target[t].keys] {
              marks[Int(key & SentenceFeatures.idMask)] = mark
            }
            while firstSource < sourceCount && centers[firstSource] + cacheBand < t {
              firstSource += 1
            }
            var s = firstSource
            while s < sourceCount && centers[s] - cacheBand <= t {
              // Matches, anchor matches and number matches, 20 bits each.
              var counts: UInt64 = 0
              for key in sourceKeys[source[s].keys] {
                let match: UInt64 = marks[Int(key & SentenceFeatures.idMask)] == mark ? 1 : 0
                counts &+= match &* (1 | UInt64(key >> 31) << 20 | UInt64((key >> 30) & 1) << 40)
              }
              let anchors = (counts >> 20) & 0xFFFFF
              cache[s * width + t - centers[s] + cacheBand] = Self.pack(
                (counts & 0xFFFFF) &- anchors, anchors, counts >> 40)
              s += 1
            }
          }
        }
      }
    }
  }

  /// The text the evidence is taken from: the sentence without its dateline.
  private static func evidenceText(_ text: String) -> String {
    let body = Dateline.body(of: text)
    return body.startIndex == text.startIndex ? text : String(body)
  }

  /// Fills ``sourcePull`` and ``targetPull`` from the cached band: the evidence of each
  /// single-sentence pair as ``evidence(_:_:)`` computes it, read straight from the cache.
  /// Chrome that never pairs, and credits, neither pull nor are pulled.
  private func fillPull() {
    var sourcePull = [Double](repeating: 0, count: sourceCount)
    var targetPull = [Double](repeating: 0, count: targetCount)
    let width = 2 * cacheBand + 1
    for s in 0..<sourceCount where source[s].chrome.isPairable {
      let sentence = source[s]
      for offset in 0..<width {
        let t = centers[s] - cacheBand + offset
        guard t >= 0 && t < targetCount && target[t].chrome.isPairable else { continue }
        let packed = cache[s * width + offset]
        let concepts = Double(packed & 0xFFFFF)
        let anchors = Double((packed >> 20) & 0xFFFFF)
        let lexical = 2 * concepts / Double(max(1, sentence.conceptCount + target[t].conceptCount))
        let similarity = min(1, lexical + anchors / Double(min(sentence.anchorCount, target[t].anchorCount) + 1))
        if similarity > sourcePull[s] { sourcePull[s] = similarity }
        if similarity > targetPull[t] { targetPull[t] = similarity }
      }
    }
    self.sourcePull = sourcePull
    self.targetPull = targetPull
    var sum = 0.0
    var count = 0
    for (sentence, pull) in zip(source, sourcePull) where sentence.chrome == .none {
      sum += pull
      count += 1
    }
    for (sentence, pull) in zip(target, targetPull) where sentence.chrome == .none {
      sum += pull
      count += 1
    }
    textPull = count > 0 ? sum / Double(count) : 0
  }

  deinit {
    cache.deallocate()
  }

  public func cost(source sourceRange: Range<Int>, target targetRange: Range<Int>) -> Double {
    if sourceRange.isEmpty || targetRange.isEmpty {
      let sentence = sourceRange.isEmpty ? target[targetRange.lowerBound] : source[sourceRange.lowerBound]
      switch sentence.chrome {
      case .none:
        let pull = sourceRange.isEmpty ? targetPull[targetRange.lowerBound] : sourcePull[sourceRange.lowerBound]
        return weights.null + weights.nullPull * pull
      case .label, .firstOfRepeated: return weights.softChromeNull
      case .pattern, .credit, .repeated: return weights.boilerplateNull
      }
    }
    let bead = evidence(sourceRange, targetRange)
    if bead.hasBoilerplate {
      return weights.boilerplatePair
    }
    let prior = weights.prior(sourceRange.count, targetRange.count)
    let isHeadlinePair = sourceRange == sourceHeadline && targetRange == targetHeadline
    let headline = isHeadlinePair ? weights.headline : 0
    return weights.length * min(weights.maxLengthCost, lengthCost(bead)) + prior + weights.pairBase
      - weights.evidence * min(1, bead.similarity) - headline
      + weights.numberMismatch * Double(min(weights.maxNumberMismatches, bead.numberMismatches))
  }

  /// The cost of a bead with all the evidence it can have and no length or number penalty.
  public func minimumCost(sourceCount: Int, targetCount: Int) -> Double {
    if sourceCount == 0 || targetCount == 0 {
      return min(weights.null, weights.boilerplateNull, weights.softChromeNull)
    }
    let headline = sourceCount == 1 && targetCount == 1 ? weights.headline : 0
    return weights.prior(sourceCount, targetCount) + weights.pairBase - weights.evidence - headline
  }

  public func confidence(source sourceRange: Range<Int>, target targetRange: Range<Int>) -> Double {
    calibration.probability(features(source: sourceRange, target: targetRange))
  }

  /// What the confidence of a bead is computed from (see ``BeadFeatures``).
  public func features(source sourceRange: Range<Int>, target targetRange: Range<Int>) -> BeadFeatures {
    if sourceRange.isEmpty || targetRange.isEmpty {
      let isSource = targetRange.isEmpty
      let index = isSource ? sourceRange.lowerBound : targetRange.lowerBound
      let chrome = (isSource ? source[index] : target[index]).chrome
      // A sentence has no counterpart when no nearby sentence resembles it.
      var best = 0.0
      for offset in -4...4 {
        if isSource {
          let other = Int((Double(index) * slope).rounded()) + offset
          guard other >= 0 && other < targetCount else { continue }
          best = max(best, evidence(index..<(index + 1), other..<(other + 1)).similarity)
        } else {
          let other = Int((Double(index) / max(slope, 1e-9)).rounded()) + offset
          guard other >= 0 && other < sourceCount else { continue }
          best = max(best, evidence(other..<(other + 1), index..<(index + 1)).similarity)
        }
      }
      let hard: Double = chrome.isPairable || chrome == .credit ? 0 : 1
      let soft: Double = chrome == .label || chrome == .firstOfRepeated || chrome == .credit ? 1 : 0
      return BeadFeatures(isNull: true, values: [1, min(1, best), hard, soft])
    }
    let bead = evidence(sourceRange, targetRange)
    if bead.hasBoilerplate {
      return BeadFeatures(isNull: false, values: [1, 0, 0, 3, 0, 0, 1, 0, -1, 1])
    }
    // The strongest pull of a neighbour: a sentence of the bead resembling the sentence just
    // before or after the bead on the other side.
    var neighbour = 0.0
    for s in sourceRange {
      for t in [targetRange.lowerBound - 1, targetRange.upperBound] where t >= 0 && t < targetCount {
        neighbour = max(neighbour, evidence(s..<(s + 1), t..<(t + 1)).similarity)
      }
    }
    for t in targetRange {
      for s in [sourceRange.lowerBound - 1, sourceRange.upperBound] where s >= 0 && s < sourceCount {
        neighbour = max(neighbour, evidence(s..<(s + 1), t..<(t + 1)).similarity)
      }
    }
    // The weakest member: a sentence of a longer bead that shares little with the other
    // side (an unrelated sentence riding along with a true pair).
    var weakest = min(1, bead.similarity)
    if sourceRange.count + targetRange.count > 2 {
      for s in sourceRange where sourceRange.count > 1 {
        weakest = min(weakest, min(1, evidence(s..<(s + 1), targetRange).similarity))
      }
      for t in targetRange where targetRange.count > 1 {
        weakest = min(weakest, min(1, evidence(sourceRange, t..<(t + 1)).similarity))
      }
    }
    let isHeadline: Double = sourceRange == sourceHeadline && targetRange == targetHeadline ? 1 : 0
    let margin = min(5, max(-5, self.margin(sourceRange, targetRange))) / 5
    return BeadFeatures(
      isNull: false,
      values: [
        1, min(1, bead.similarity), exp(-lengthCost(bead)), Double(min(3, bead.numberMismatches)),
        Double(sourceRange.count + targetRange.count - 2), isHeadline, min(1, neighbour), weakest, margin,
        // Only a poor match of the whole texts counts: within translations, how well the
        // texts match overall says nothing about one bead.
        max(0, 0.35 - textPull) / 0.35,
      ])
  }

  /// How much dearer the nearest other reading of a bead's sentences is: the bead taking
  /// in the sentence just before or after it on either side (which the path left
  /// unpaired), or giving up its first or last sentence on a side to a null bead. Negative
  /// when an alternative is cheaper (the path chose the bead for what lies beyond it).
  private func margin(_ sourceRange: Range<Int>, _ targetRange: Range<Int>) -> Double {
    let current = cost(source: sourceRange, target: targetRange)
    func null(source s: Int) -> Double { cost(source: s..<(s + 1), target: targetRange.lowerBound..<targetRange.lowerBound) }
    func null(target t: Int) -> Double { cost(source: sourceRange.lowerBound..<sourceRange.lowerBound, target: t..<(t + 1)) }
    func allowed(_ s: Range<Int>, _ t: Range<Int>) -> Bool { BeadShape.all.contains(BeadShape(s.count, t.count)) }
    var best = Double.infinity
    func consider(_ alternative: Double, _ base: Double) { best = min(best, alternative - base) }
    // Taking in a neighbour.
    if targetRange.upperBound < targetCount, allowed(sourceRange, targetRange.lowerBound..<(targetRange.upperBound + 1)) {
      consider(cost(source: sourceRange, target: targetRange.lowerBound..<(targetRange.upperBound + 1)), current + null(target: targetRange.upperBound))
    }
    if targetRange.lowerBound > 0, allowed(sourceRange, (targetRange.lowerBound - 1)..<targetRange.upperBound) {
      consider(cost(source: sourceRange, target: (targetRange.lowerBound - 1)..<targetRange.upperBound), current + null(target: targetRange.lowerBound - 1))
    }
    if sourceRange.upperBound < sourceCount, allowed(sourceRange.lowerBound..<(sourceRange.upperBound + 1), targetRange) {
      consider(cost(source: sourceRange.lowerBound..<(sourceRange.upperBound + 1), target: targetRange), current + null(source: sourceRange.upperBound))
    }
    if sourceRange.lowerBound > 0, allowed((sourceRange.lowerBound - 1)..<sourceRange.upperBound, targetRange) {
      consider(cost(source: (sourceRange.lowerBound - 1)..<sourceRange.upperBound, target: targetRange), current + null(source: sourceRange.lowerBound - 1))
    }
    // Giving up an end sentence.
    if targetRange.count > 1 {
      consider(cost(source: sourceRange, target: targetRange.dropLast()) + null(target: targetRange.upperBound - 1), current)
      consider(cost(source: sourceRange, target: targetRange.dropFirst()) + null(target: targetRange.lowerBound), current)
    }
    if sourceRange.count > 1 {
      consider(cost(source: sourceRange.dropLast(), target: targetRange) + null(source: sourceRange.upperBound - 1), current)
      consider(cost(source: sourceRange.dropFirst(), target: targetRange) + null(source: sourceRange.lowerBound), current)
    }
    return best.isFinite ? best : 5
  }

  // MARK: Evidence

  private struct BeadEvidence {
    var sourceLength = 0
    var targetLength = 0
    var similarity = 0.0
    var numberMismatches = 0
    var hasBoilerplate = false
  }

  private func evidence(_ sourceRange: Range<Int>, _ targetRange: Range<Int>) -> BeadEvidence {
    let source = sourceTotals[sourceRange.upperBound] - sourceTotals[sourceRange.lowerBound]
    let target = targetTotals[targetRange.upperBound] - targetTotals[targetRange.lowerBound]
    var result = BeadEvidence()
    result.sourceLength = source.length
    result.targetLength = target.length
    // A credit pairs only with a credit, one on each side; a label or a repeated line's
    // first copy only in a 1-1 bead (a caption with its translation), never as part of a
    // longer bead, where it would ride along with the article text next to it.
    let isOneToOne = sourceRange.count == 1 && targetRange.count == 1
    let creditPair = isOneToOne && source.credits == 1 && target.credits == 1
    result.hasBoilerplate =
      source.boilerplate + target.boilerplate > 0 || (source.credits + target.credits > 0 && !creditPair)
      || (source.softChrome + target.softChrome > 0 && !isOneToOne)
    guard !result.hasBoilerplate else { return result }
    var packed: UInt64 = 0
    for s in sourceRange {
      for t in targetRange {
        packed &+= pairStatistics(s, t)
      }
    }
    let conceptMatches = Int(packed & 0xFFFFF)
    let anchorMatches = Int((packed >> 20) & 0xFFFFF)
    let numberMatches = Int(packed >> 40)
    let lexical = 2 * Double(conceptMatches) / Double(max(1, source.concepts + target.concepts))
    // Overlap rather than Dice for anchors: a translation that adds a name or an address
    // still shares all the anchors of the shorter side.
    let anchors = Double(anchorMatches) / Double(min(source.anchors, target.anchors) + 1)
    result.similarity = lexical + anchors
    result.numberMismatches = max(0, source.numbers + target.numbers - 2 * numberMatches)
    return result
  }

  /// Running totals of the sizes of sentences' features: element k sums sentences 0..<k,
  /// so a range's totals are a difference.
  private struct SentenceTotals {
    var length = 0
    var concepts = 0
    var anchors = 0
    var numbers = 0
    /// Chrome that never pairs.
    var boilerplate = 0
    var credits = 0
    /// Labels and first copies of repeated lines.
    var softChrome = 0

    static func running(_ features: [SentenceFeatures]) -> [SentenceTotals] {
      var totals = [SentenceTotals()]
      totals.reserveCapacity(features.count + 1)
      for sentence in features {
        var next = totals[totals.count - 1]
        next.length += sentence.length
        next.concepts += sentence.conceptCount
        next.anchors += sentence.anchorCount
        next.numbers += sentence.numberCount
        next.boilerplate += sentence.chrome.isPairable || sentence.chrome == .credit ? 0 : 1
        next.credits += sentence.chrome == .credit ? 1 : 0
        next.softChrome += sentence.chrome == .label || sentence.chrome == .firstOfRepeated ? 1 : 0
        totals.append(next)
      }
      return totals
    }

    static func - (lhs: SentenceTotals, rhs: SentenceTotals) -> SentenceTotals {
      SentenceTotals(
        length: lhs.length - rhs.length, concepts: lhs.concepts - rhs.concepts, anchors: lhs.anchors - rhs.anchors,
        numbers: lhs.numbers - rhs.numbers, boilerplate: lhs.boilerplate - rhs.boilerplate,
        credits: lhs.credits - rhs.credits, softChrome: lhs.softChrome - rhs.softChrome)
    }
  }

  /// Concept, anchor and number matches of one sentence pair, packed 20 bits each so that
  /// the statistics of a bead's pairs add up packed.
  private func pairStatistics(_ s: Int, _ t: Int) -> UInt64 {
    let offset = t - centers[s] + cacheBand
    if offset >= 0 && offset <= 2 * cacheBand {
      return cache[s * (2 * cacheBand + 1) + offset]
    }
    return Self.matches(sourceKeys[source[s].keys], targetKeys[target[t].keys])
  }

  /// The concept, anchor and number matches of two sentences' keys, packed as
  /// `pairStatistics` returns them; for the pairs outside the cached band, which the aligner
  /// reaches only when its band grows.
  private static func matches(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>) -> UInt64 {
    var all: UInt64 = 0
    var anchors: UInt64 = 0
    var numbers: UInt64 = 0
    for key in a where b.contains(key) {
      all += 1
      anchors += UInt64(key >> 31)
      numbers += UInt64((key >> 30) & 1)
    }
    return pack(all - anchors, anchors, numbers)
  }

  private static func pack(_ concepts: UInt64, _ anchors: UInt64, _ numbers: UInt64) -> UInt64 {
    min(concepts, 0x3FFFF) | min(anchors, 0x3FFFF) << 20 | min(numbers, 0x3FFFF) << 40
  }

  // MARK: Length

  private func lengthCost(_ bead: BeadEvidence) -> Double {
    let sourceLength = Double(max(bead.sourceLength, 1))
    let delta = (Double(bead.targetLength) - sourceLength * lengthRatio) / (sourceLength * weights.variance).squareRoot()
    return Self.tailCost(abs(delta))
  }

  /// −log P(|δ| ≥ x) for a standard normal δ, that is −log erfc(x / √2), tabulated.
  private static func tailCost(_ x: Double) -> Double {
    let position = x / tailStep
    let index = Int(position)
    guard index + 1 < tailTable.count else { return tailTable[tailTable.count - 1] }
    let fraction = position - Double(index)
    return tailTable[index] + (tailTable[index + 1] - tailTable[index]) * fraction
  }

  private static let tailStep = 0.01
  private static let tailTable: [Double] = (0...1200).map { step in
    -log(max(erfc(Double(step) * tailStep / 2.0.squareRoot()), 1e-30))
  }
}
