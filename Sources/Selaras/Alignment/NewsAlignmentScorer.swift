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

  let source: [SentenceFeatures]
  let target: [SentenceFeatures]
  /// The keys of all source sentences, and of all target sentences (`SentenceFeatures.keys`).
  private let sourceKeys: [UInt32]
  private let targetKeys: [UInt32]
  /// Running totals of `source` and `target`, for the hot loop.
  private let sourceTotals: [SentenceTotals]
  private let targetTotals: [SentenceTotals]
  let slope: Double
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
  let sourceHeadline: Range<Int>
  let targetHeadline: Range<Int>
  /// For each sentence, the most evidence it shares with one sentence of the other side
  /// within the cached band: a sentence that resembles one nearby is rarely left unpaired
  /// (the second half of a sentence the translator split carries its names and words).
  private var sourcePull: [Double] = []
  private var targetPull: [Double] = []
  /// The mean pull of the texts' article sentences: high for a translation, low for texts
  /// that are not translations of each other, where even the pairs the path takes are guesses.
  private(set) var textPull = 0.0
  /// The mean over the texts' article sentences of the most of each that one sentence of the
  /// other side nearby accounts for: what coverage a sentence has in these texts with this
  /// lexicon, against which a bead's least covered sentence is judged.
  private(set) var textCoverage = 0.0
  /// What a sentence's key count is multiplied by before its coverage is taken, per side: 1
  /// for the side with fewer keys per text, less for the other, whose words carry every
  /// dictionary translation (Indonesian has about three keys per word to English's one), so
  /// that a fully translated sentence is fully covered on either side.
  private let sourceKeyScale: Double
  private let targetKeyScale: Double
  /// What one match of each vocabulary id counts, in units of 1/``matchUnit``: less for a
  /// name or number that many sentences nearby hold (see ``Weights/commonAnchorSentences``).
  private let commonAnchors: CommonAnchors
  /// One match of a key no other sentence holds, in the packed statistics (at most 31: the
  /// weight has five bits in `fillCache`'s marks).
  static let matchUnit: UInt64 = 16

  /// - Parameters:
  ///   - source: The source sentences (English by default) with their boilerplate flags.
  ///   - target: The target sentences.
  public init(
    source: [Sentence], sourceLanguage: LanguageTag, target: [Sentence], targetLanguage: LanguageTag,
    lexicon: Lexicon = .builtIn, weights: Weights = .fitted,
    calibration: BeadCalibration = .fitted
  ) {
    self.calibration = calibration
    var extractor = FeatureExtractor(
      lexicon: lexicon, cognates: Self.cognates(source, sourceLanguage, target, targetLanguage))
    var sourceKeys: [UInt32] = []
    var targetKeys: [UInt32] = []
    self.source = source.map {
      var features = extractor.features(
        of: Self.evidenceText($0.text), language: sourceLanguage.language, chrome: $0.chrome, into: &sourceKeys)
      features.refersBack = Continuation.refersBack($0.text, language: sourceLanguage.language)
      return features
    }
    self.target = target.map {
      var features = extractor.features(
        of: Self.evidenceText($0.text), language: targetLanguage.language, chrome: $0.chrome, into: &targetKeys)
      features.refersBack = Continuation.refersBack($0.text, language: targetLanguage.language)
      return features
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
    let sourceKeyTotal = Double(max(1, self.source.filter { !$0.isBoilerplate }.reduce(0) { $0 + $1.keys.count }))
    let targetKeyTotal = Double(max(1, self.target.filter { !$0.isBoilerplate }.reduce(0) { $0 + $1.keys.count }))
    sourceKeyScale = min(1, targetKeyTotal / sourceKeyTotal)
    targetKeyScale = min(1, sourceKeyTotal / targetKeyTotal)
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
    commonAnchors = CommonAnchors(
      source: self.source, sourceKeys: sourceKeys, target: self.target, targetKeys: targetKeys,
      vocabularySize: extractor.vocabulary.count, sentences: weights.commonAnchorSentences, unit: Self.matchUnit)
    cache = .allocate(capacity: sourceCount * (2 * cacheBand + 1))
    cache.initialize(repeating: 0)
    fillCache(vocabularySize: extractor.vocabulary.count)
    fillPull()
  }

  /// The loanwords of the Indonesian text with the English words of the other they come from
  /// (``Cognates``), when one text is English and the other Indonesian.
  private static func cognates(
    _ source: [Sentence], _ sourceLanguage: LanguageTag, _ target: [Sentence], _ targetLanguage: LanguageTag
  ) -> [String: [String]] {
    switch (sourceLanguage.language, targetLanguage.language) {
    case ("en", "id"): Cognates.pairs(english: source.map(\.text), indonesian: target.map(\.text))
    case ("id", "en"): Cognates.pairs(english: target.map(\.text), indonesian: source.map(\.text))
    default: [:]
    }
  }

  /// Computes the pair statistics of the cached band, one target sentence at a time: its
  /// keys are marked in a table indexed by vocabulary id, and each source sentence whose
  /// band holds it is counted against the marks. That costs one lookup per source key
  /// instead of a merge of both lists; the source side is the one scanned because English
  /// sentences have a third of the keys of Indonesian ones, which carry every dictionary
  /// translation of their words.
  private func fillCache(vocabularySize: Int) {
    // Per vocabulary id: the target sentence that holds it (from bit 6), its match weight
    // (bits 1–5) and whether it is a number on the target side (bit 0).
    var marks = [UInt32](repeating: .max, count: vocabularySize)
    var weights = [UInt64](repeating: Self.matchUnit, count: vocabularySize)
    var block: Int?
    let width = 2 * cacheBand + 1
    var firstSource = 0
    marks.withUnsafeMutableBufferPointer { marks in
      sourceKeys.withUnsafeBufferPointer { sourceKeys in
        targetKeys.withUnsafeBufferPointer { targetKeys in
          for t in 0..<targetCount {
            let here = CommonAnchors.block(of: t)
            if here != block {
              commonAnchors.update(&weights, from: block, to: here)
              block = here
            }
            let mark = UInt32(t) << 6
            for key in targetKeys[target[t].keys] {
              let id = Int(key & SentenceFeatures.idMask)
              marks[id] = mark | UInt32(weights[id]) << 1 | (key >> 30) & 1
            }
            while firstSource < sourceCount && centers[firstSource] + cacheBand < t {
              firstSource += 1
            }
            var s = firstSource
            while s < sourceCount && centers[s] - cacheBand <= t {
              // Matches and anchor matches (weighed), matches (counted), and matches
              // that are numbers on the source side and on the target side.
              var counts: UInt64 = 0
              for key in sourceKeys[source[s].keys] {
                let marked = marks[Int(key & SentenceFeatures.idMask)]
                let match: UInt64 = marked >> 6 == UInt32(t) ? 1 : 0
                let weight = UInt64((marked >> 1) & 0x1F)
                counts &+= match
                  &* (weight | (weight &* UInt64(key >> 31)) << 16 | 1 << 32 | UInt64((key >> 30) & 1) << 48
                    | UInt64(marked & 1) << 56)
              }
              let anchors = (counts >> 16) & 0xFFFF
              cache[s * width + t - centers[s] + cacheBand] = Self.pack(
                concepts: (counts & 0xFFFF) &- anchors, anchors: anchors, count: (counts >> 32) & 0xFFFF,
                sourceNumbers: (counts >> 48) & 0xFF, targetNumbers: counts >> 56)
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
    var sourceCover = [Double](repeating: 0, count: sourceCount)
    var targetCover = [Double](repeating: 0, count: targetCount)
    let width = 2 * cacheBand + 1
    for s in 0..<sourceCount where source[s].chrome.isPairable {
      let sentence = source[s]
      for offset in 0..<width {
        let t = centers[s] - cacheBand + offset
        guard t >= 0 && t < targetCount && target[t].chrome.isPairable else { continue }
        let packed = cache[s * width + offset]
        let similarity = min(
          1,
          Self.similarity(
            concepts: Self.matches(packed & 0xFFFF), anchors: Self.matches((packed >> 16) & 0xFFFF),
            sourceConcepts: sentence.conceptCount, targetConcepts: target[t].conceptCount,
            sourceAnchors: sentence.anchorCount, targetAnchors: target[t].anchorCount))
        if similarity > sourcePull[s] { sourcePull[s] = similarity }
        if similarity > targetPull[t] { targetPull[t] = similarity }
        let matches = Int((packed >> 32) & 0xFFFF)
        sourceCover[s] = max(sourceCover[s], Self.covered(matches, of: sentence.keys.count, scale: sourceKeyScale))
        targetCover[t] = max(targetCover[t], Self.covered(matches, of: target[t].keys.count, scale: targetKeyScale))
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
    let covers =
      zip(source, sourceCover).filter { $0.0.chrome == .none }.map(\.1)
      + zip(target, targetCover).filter { $0.0.chrome == .none }.map(\.1)
    textCoverage = covers.isEmpty ? 0 : covers.reduce(0, +) / Double(covers.count)
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
        return weights.null + weights.nullPull * pull + (sentence.refersBack ? weights.continuationNull : 0)
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
      - weights.evidence * min(weights.evidenceCap, bead.similarity) - weights.coverage * bead.coverage - headline
      + weights.noOverlap * Self.overlapShortfall(bead.coverage, sentences: sourceRange.count + targetRange.count)
      + weights.numberMismatch * Double(min(weights.maxNumberMismatches, bead.numberMismatches))
  }

  /// The cost of a bead with all the evidence it can have and no length or number penalty.
  public func minimumCost(sourceCount: Int, targetCount: Int) -> Double {
    if sourceCount == 0 || targetCount == 0 {
      return min(weights.null, weights.boilerplateNull, weights.softChromeNull)
    }
    let headline = sourceCount == 1 && targetCount == 1 ? weights.headline : 0
    return weights.prior(sourceCount, targetCount) + weights.pairBase - weights.evidence * weights.evidenceCap
      - weights.coverage * Double(sourceCount + targetCount) - headline
  }

  // MARK: Evidence

  struct BeadEvidence {
    var sourceLength = 0
    var targetLength = 0
    var similarity = 0.0
    /// The sum over the bead's sentences of how much of each the other side accounts for
    /// (0…1 each): what a split-off clause adds when it joins the sentence it translates.
    var coverage = 0.0
    /// The least coverage of one of the bead's sentences: a sentence the other side accounts
    /// for only in part (a split whose other half the path left unpaired).
    var leastCoverage = 1.0
    /// The coverage of the bead's target sentences alone, summed.
    var targetCoverage = 0.0
    var numberMismatches = 0
    var hasBoilerplate = false
  }

  func evidence(_ sourceRange: Range<Int>, _ targetRange: Range<Int>) -> BeadEvidence {
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
    var targetMatches = (0, 0, 0)
    for s in sourceRange {
      var sourceMatches = 0
      for (index, t) in targetRange.enumerated() {
        let pair = pairStatistics(s, t)
        packed &+= pair
        let matches = Int((pair >> 32) & 0xFFFF)
        sourceMatches += matches
        switch index {
        case 0: targetMatches.0 += matches
        case 1: targetMatches.1 += matches
        default: targetMatches.2 += matches
        }
      }
      let covered = Self.covered(sourceMatches, of: self.source[s].keys.count, scale: sourceKeyScale)
      result.coverage += covered
      result.leastCoverage = min(result.leastCoverage, covered)
    }
    for (index, t) in targetRange.enumerated() {
      let matches = index == 0 ? targetMatches.0 : index == 1 ? targetMatches.1 : targetMatches.2
      let covered = Self.covered(matches, of: self.target[t].keys.count, scale: targetKeyScale)
      result.coverage += covered
      result.targetCoverage += covered
      result.leastCoverage = min(result.leastCoverage, covered)
    }
    let conceptMatches = Self.matches(packed & 0xFFFF)
    let anchorMatches = Self.matches((packed >> 16) & 0xFFFF)
    result.similarity = Self.similarity(
      concepts: conceptMatches, anchors: anchorMatches, sourceConcepts: source.concepts,
      targetConcepts: target.concepts, sourceAnchors: source.anchors, targetAnchors: target.anchors)
    // A number of either side that the other side does not have; a date's part (an anchor,
    // not a number) matches a number without being one.
    result.numberMismatches =
      max(0, source.numbers - Int((packed >> 48) & 0xFF)) + max(0, target.numbers - Int(packed >> 56))
    return result
  }

  /// How far the mean coverage of a bead's sentences falls short of a fifth, as a share of a
  /// fifth: 1 for sentences that share nothing at all, 0 from a fifth on. Two sentences that
  /// share no word, name or number are rarely translations when the lexicon knows the
  /// language, however well their lengths agree.
  static func overlapShortfall(_ coverage: Double, sentences: Int) -> Double {
    max(0, 0.2 - coverage / Double(sentences)) / 0.2
  }

  /// The share of a sentence's keys (scaled by its side's `scale`) that match keys of the
  /// other side of its bead, at most 1.
  private static func covered(_ matches: Int, of keys: Int, scale: Double) -> Double {
    keys == 0 ? 0 : min(1, Double(matches) / (Double(keys) * scale))
  }

  /// A packed field of weighed matches as a number of matches.
  private static func matches(_ field: UInt64) -> Double {
    Double(field) / Double(matchUnit)
  }

  /// Dice overlap of concepts plus the overlap of anchors: overlap rather than Dice for
  /// anchors, since a translation that adds a name or an address still shares all the
  /// anchors of the shorter side.
  private static func similarity(
    concepts: Double, anchors: Double, sourceConcepts: Int, targetConcepts: Int, sourceAnchors: Int,
    targetAnchors: Int
  ) -> Double {
    2 * concepts / Double(max(1, sourceConcepts + targetConcepts))
      + anchors / Double(min(sourceAnchors, targetAnchors) + 1)
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
        next.boilerplate += sentence.chrome.neverPairs ? 1 : 0
        next.credits += sentence.chrome == .credit ? 1 : 0
        next.softChrome += sentence.chrome.isSoft ? 1 : 0
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

  /// Concept and anchor matches of one sentence pair (weighed), all its matches (counted),
  /// and the matches that are numbers on the source side and on the target side, packed
  /// (``pack(concepts:anchors:count:sourceNumbers:targetNumbers:)``) so that the statistics
  /// of a bead's pairs add up packed.
  private func pairStatistics(_ s: Int, _ t: Int) -> UInt64 {
    let offset = t - centers[s] + cacheBand
    if offset >= 0 && offset <= 2 * cacheBand {
      return cache[s * (2 * cacheBand + 1) + offset]
    }
    return matches(sourceKeys[source[s].keys], targetKeys[target[t].keys], target: t)
  }

  /// The matches of two sentences' keys, packed as `pairStatistics` returns them; for the
  /// pairs outside the cached band, which the aligner reaches only when its band grows.
  private func matches(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>, target: Int) -> UInt64 {
    var all: UInt64 = 0
    var anchors: UInt64 = 0
    var count: UInt64 = 0
    var sourceNumbers: UInt64 = 0
    var targetNumbers: UInt64 = 0
    for key in a {
      let id = key & SentenceFeatures.idMask
      guard let other = b.first(where: { $0 & SentenceFeatures.idMask == id }) else { continue }
      let weight = commonAnchors.weight(of: Int(id), target: target)
      count += 1
      all += weight
      anchors += weight * UInt64(key >> 31)
      sourceNumbers += UInt64((key >> 30) & 1)
      targetNumbers += UInt64((other >> 30) & 1)
    }
    return Self.pack(
      concepts: all - anchors, anchors: anchors, count: count, sourceNumbers: sourceNumbers,
      targetNumbers: targetNumbers)
  }

  /// Each field held low enough that the four pairs of the widest bead add up without one
  /// field carrying into the next: weighed concept and anchor matches and the count of all
  /// matches 16 bits each, number matches on each side 8 bits each.
  private static func pack(
    concepts: UInt64, anchors: UInt64, count: UInt64, sourceNumbers: UInt64, targetNumbers: UInt64
  ) -> UInt64 {
    min(concepts, 0x1FFF) | min(anchors, 0x1FFF) << 16 | min(count, 0x1FFF) << 32 | min(sourceNumbers, 0x3F) << 48
      | min(targetNumbers, 0x3F) << 56
  }

  // MARK: Length

  func lengthCost(_ bead: BeadEvidence) -> Double {
    let sourceLength = Double(max(bead.sourceLength, 1))
    let delta =
      (Double(bead.targetLength) - sourceLength * lengthRatio) / (sourceLength * weights.variance).squareRoot()
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
