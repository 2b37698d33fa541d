import Foundation

/// The confidence of a bead: the features it is computed from, and the probability the
/// calibration gives them (see ``BeadCalibration``).
extension NewsAlignmentScorer {
  public func confidence(of bead: SentenceAligner.PathBead) -> Double {
    calibration.probability(features(of: bead))
  }

  /// What the confidence of a bead of the path is computed from (see ``BeadFeatures``).
  public func features(of bead: SentenceAligner.PathBead) -> BeadFeatures {
    features(source: bead.source, target: bead.target, posterior: bead.posterior, unpairedShare: bead.unpairedShare)
  }

  private func features(
    source sourceRange: Range<Int>, target targetRange: Range<Int>, posterior: Double, unpairedShare: Double
  ) -> BeadFeatures {
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
      let hard: Double = chrome.neverPairs ? 1 : 0
      let soft: Double = chrome.isSoft || chrome == .credit ? 1 : 0
      return .null(
        resemblance: min(1, best), neverPairs: hard, soft: soft, posterior: posterior, unpairedShare: unpairedShare)
    }
    let bead = evidence(sourceRange, targetRange)
    if bead.hasBoilerplate {
      return .pair(
        length: 0, numberMismatches: 3, extraSentences: 0, isHeadline: false, neighbour: 1, margin: -1, poorText: 1,
        posterior: posterior, unpairedShare: unpairedShare, leastCovered: 0, joinable: 0)
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
    let margin = min(5, max(-5, self.margin(sourceRange, targetRange))) / 5
    // How much of a sentence just outside the bead its other side accounts for: the other
    // half of a split the path left out.
    var joinable = 0.0
    for t in [targetRange.lowerBound - 1, targetRange.upperBound] where t >= 0 && t < targetCount {
      joinable = max(joinable, evidence(sourceRange, t..<(t + 1)).targetCoverage)
    }
    for s in [sourceRange.lowerBound - 1, sourceRange.upperBound] where s >= 0 && s < sourceCount {
      let pair = evidence(s..<(s + 1), targetRange)
      joinable = max(joinable, pair.coverage - pair.targetCoverage)
    }
    return .pair(
      length: exp(-lengthCost(bead)), numberMismatches: bead.numberMismatches,
      extraSentences: sourceRange.count + targetRange.count - 2,
      isHeadline: sourceRange == sourceHeadline && targetRange == targetHeadline, neighbour: min(1, neighbour),
      margin: margin,
      // Only a poor match of the whole texts counts: within translations, how well the
      // texts match overall says nothing about one bead.
      poorText: max(0, 0.35 - textPull) / 0.35, posterior: posterior, unpairedShare: unpairedShare,
      leastCovered: min(1, bead.leastCoverage / max(textCoverage, 0.05)), joinable: joinable)
  }

  /// How much dearer the nearest other reading of a bead's sentences is: the bead taking
  /// in the sentence just before or after it on either side (which the path left
  /// unpaired), or giving up its first or last sentence on a side to a null bead. Negative
  /// when an alternative is cheaper (the path chose the bead for what lies beyond it).
  private func margin(_ sourceRange: Range<Int>, _ targetRange: Range<Int>) -> Double {
    let current = cost(source: sourceRange, target: targetRange)
    func null(source s: Int) -> Double {
      cost(source: s..<(s + 1), target: targetRange.lowerBound..<targetRange.lowerBound)
    }
    func null(target t: Int) -> Double {
      cost(source: sourceRange.lowerBound..<sourceRange.lowerBound, target: t..<(t + 1))
    }
    func allowed(_ s: Range<Int>, _ t: Range<Int>) -> Bool { BeadShape.all.contains(BeadShape(s.count, t.count)) }
    var best = Double.infinity
    func consider(_ alternative: Double, _ base: Double) { best = min(best, alternative - base) }
    // Taking in a neighbour.
    if targetRange.upperBound < targetCount, allowed(sourceRange, targetRange.lowerBound..<(targetRange.upperBound + 1))
    {
      consider(
        cost(source: sourceRange, target: targetRange.lowerBound..<(targetRange.upperBound + 1)),
        current + null(target: targetRange.upperBound))
    }
    if targetRange.lowerBound > 0, allowed(sourceRange, (targetRange.lowerBound - 1)..<targetRange.upperBound) {
      consider(
        cost(source: sourceRange, target: (targetRange.lowerBound - 1)..<targetRange.upperBound),
        current + null(target: targetRange.lowerBound - 1))
    }
    if sourceRange.upperBound < sourceCount, allowed(sourceRange.lowerBound..<(sourceRange.upperBound + 1), targetRange)
    {
      consider(
        cost(source: sourceRange.lowerBound..<(sourceRange.upperBound + 1), target: targetRange),
        current + null(source: sourceRange.upperBound))
    }
    if sourceRange.lowerBound > 0, allowed((sourceRange.lowerBound - 1)..<sourceRange.upperBound, targetRange) {
      consider(
        cost(source: (sourceRange.lowerBound - 1)..<sourceRange.upperBound, target: targetRange),
        current + null(source: sourceRange.lowerBound - 1))
    }
    // Giving up an end sentence.
    if targetRange.count > 1 {
      consider(
        cost(source: sourceRange, target: targetRange.dropLast()) + null(target: targetRange.upperBound - 1), current)
      consider(
        cost(source: sourceRange, target: targetRange.dropFirst()) + null(target: targetRange.lowerBound), current)
    }
    if sourceRange.count > 1 {
      consider(
        cost(source: sourceRange.dropLast(), target: targetRange) + null(source: sourceRange.upperBound - 1), current)
      consider(
        cost(source: sourceRange.dropFirst(), target: targetRange) + null(source: sourceRange.lowerBound), current)
    }
    return best.isFinite ? best : 5
  }
}
