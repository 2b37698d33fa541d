import Foundation

/// The cost model for news: Gale–Church length agreement on characters, with numbers,
/// dates, names, acronyms and lexicon matches as anchors, and site chrome kept out of pairs.
///
/// Build one per pair of texts; it caches sentence-pair statistics near the diagonal.
public final class NewsAlignmentScorer: AlignmentScorer {
  /// The tunable constants of the model.
  public struct Weights: Sendable {
    /// Cost of leaving one sentence unpaired.
    public var null = 2.4
    /// Cost of leaving a boilerplate sentence unpaired.
    public var boilerplateNull = 0.1
    /// Cost of putting a boilerplate sentence into a pair.
    public var boilerplatePair = 40.0
    /// Cost every pair starts with, repaid by evidence.
    public var pairBase = 3.0
    /// Reward for lexical and anchor evidence (Dice overlaps, summed, capped at 1).
    public var evidence = 6.0
    /// Weight of the length cost.
    public var length = 1.0
    /// Cost per number found on one side and not the other.
    public var numberMismatch = 0.6
    /// Gale–Church variance per character, estimated on the 1-1 beads of the Corpora gold
    /// (49 pairs: 4.08; Gale and Church had 6.8 for German and French).
    public var variance = 4.1
    /// Indonesian characters per English character (non-white-space), estimated on the same
    /// beads: 1.13. The ratio of each text pair moves the estimate as its length grows.
    public var indonesianPerEnglish = 1.13
    /// How many source characters of the texts weigh as much as the prior ratio.
    public var ratioPriorWeight = 2000.0
    /// The most the length cost counts, so that anchors can pair a sentence the translator
    /// expanded (an address added, a clause dropped).
    public var maxLengthCost = 4.0
    /// The most number mismatches counted in one bead.
    public var maxNumberMismatches = 3
    /// Reward for pairing the first sentences of both texts: headline with headline.
    public var headline = 3.0

    public init() {}
  }

  public let sourceCount: Int
  public let targetCount: Int
  public let weights: Weights
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

  /// - Parameters:
  ///   - source: The source sentences (English by default) with their boilerplate flags.
  ///   - target: The target sentences.
  public init(
    source: [Sentence], sourceLanguage: LanguageTag, target: [Sentence], targetLanguage: LanguageTag,
    lexicon: Lexicon = .builtIn, weights: Weights = Weights()
  ) {
    var extractor = FeatureExtractor(lexicon: lexicon)
    var sourceKeys: [UInt32] = []
    var targetKeys: [UInt32] = []
    self.source = source.map {
      extractor.features(
        of: $0.text, language: sourceLanguage.language, isBoilerplate: $0.isBoilerplate, into: &sourceKeys)
    }
    self.target = target.map {
      extractor.features(
        of: $0.text, language: targetLanguage.language, isBoilerplate: $0.isBoilerplate, into: &targetKeys)
    }
    self.sourceKeys = sourceKeys
    self.targetKeys = targetKeys
    sourceTotals = SentenceTotals.running(self.source)
    targetTotals = SentenceTotals.running(self.target)
    sourceCount = source.count
    targetCount = target.count
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

  deinit {
    cache.deallocate()
  }

  public func cost(source sourceRange: Range<Int>, target targetRange: Range<Int>) -> Double {
    if sourceRange.isEmpty || targetRange.isEmpty {
      let sentence = sourceRange.isEmpty ? target[targetRange.lowerBound] : source[sourceRange.lowerBound]
      return sentence.isBoilerplate ? weights.boilerplateNull : weights.null
    }
    let bead = evidence(sourceRange, targetRange)
    if bead.hasBoilerplate {
      return weights.boilerplatePair
    }
    let prior = Self.prior(sourceRange.count, targetRange.count)
    let isHeadlinePair = sourceRange == 0..<1 && targetRange == 0..<1
    let headline = isHeadlinePair ? weights.headline : 0
    return weights.length * min(weights.maxLengthCost, lengthCost(bead)) + prior + weights.pairBase
      - weights.evidence * min(1, bead.similarity) - headline
      + weights.numberMismatch * Double(min(weights.maxNumberMismatches, bead.numberMismatches))
  }

  /// The cost of a bead with all the evidence it can have and no length or number penalty.
  public func minimumCost(sourceCount: Int, targetCount: Int) -> Double {
    if sourceCount == 0 || targetCount == 0 {
      return min(weights.null, weights.boilerplateNull)
    }
    let headline = sourceCount == 1 && targetCount == 1 ? weights.headline : 0
    return Self.prior(sourceCount, targetCount) + weights.pairBase - weights.evidence - headline
  }

  public func confidence(source sourceRange: Range<Int>, target targetRange: Range<Int>) -> Double {
    if sourceRange.isEmpty || targetRange.isEmpty {
      let isSource = targetRange.isEmpty
      let index = isSource ? sourceRange.lowerBound : targetRange.lowerBound
      if (isSource ? source[index] : target[index]).isBoilerplate {
        return 0.95
      }
      // Confident that a sentence has no counterpart when no nearby sentence resembles it.
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
      return min(0.95, max(0.05, 1 - 1.5 * best))
    }
    let bead = evidence(sourceRange, targetRange)
    if bead.hasBoilerplate { return 0 }
    let lengthProbability = exp(-lengthCost(bead))
    let logit = -2.5 + 6 * min(1, bead.similarity) + 1.5 * lengthProbability - 0.4 * Double(bead.numberMismatches)
      - 0.5 * Double(sourceRange.count + targetRange.count - 2)
    return 1 / (1 + exp(-logit))
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
    result.hasBoilerplate = source.boilerplate + target.boilerplate > 0
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
    var boilerplate = 0

    static func running(_ features: [SentenceFeatures]) -> [SentenceTotals] {
      var totals = [SentenceTotals()]
      totals.reserveCapacity(features.count + 1)
      for sentence in features {
        var next = totals[totals.count - 1]
        next.length += sentence.length
        next.concepts += sentence.conceptCount
        next.anchors += sentence.anchorCount
        next.numbers += sentence.numberCount
        next.boilerplate += sentence.isBoilerplate ? 1 : 0
        totals.append(next)
      }
      return totals
    }

    static func - (lhs: SentenceTotals, rhs: SentenceTotals) -> SentenceTotals {
      SentenceTotals(
        length: lhs.length - rhs.length, concepts: lhs.concepts - rhs.concepts, anchors: lhs.anchors - rhs.anchors,
        numbers: lhs.numbers - rhs.numbers, boilerplate: lhs.boilerplate - rhs.boilerplate)
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

  /// −log of the relative frequency of a bead shape (Gale & Church 1993, with 1-3/3-1 added).
  private static func prior(_ sourceCount: Int, _ targetCount: Int) -> Double {
    switch (sourceCount, targetCount) {
    case (1, 1): return 0
    case (2, 1), (1, 2): return 2.3
    case (2, 2): return 4.6
    default: return 5.0
    }
  }
}
