import Foundation

/// What the confidence of a bead is computed from, as the calibration's features.
public struct BeadFeatures: Sendable, Equatable {
  /// Whether a side is empty.
  public var isNull: Bool
  /// For a pair (``pair(length:numberMismatches:extraSentences:isHeadline:neighbour:margin:poorText:posterior:unpairedShare:leastCovered:joinable:)``):
  /// [1, the logarithm of the length agreement as a probability, number mismatches (capped at
  /// 3), sentences beyond two, headline pair (0 or 1), the best evidence of a sentence of the
  /// bead with a neighbouring sentence outside it, how much dearer the nearest other reading of
  /// its sentences is (scaled to −1…1), how far the mean evidence each article sentence of the
  /// two texts shares with its best match nearby falls below 0.35 (0 for translations, up to 1
  /// for texts that are not), the logit of the bead's posterior over the alignments near the
  /// path, the share of the article's sentences the path leaves unpaired, the logarithm of the
  /// least share of one of its sentences that the other side accounts for (against the texts'
  /// mean), the most of a sentence just outside the bead that its other side accounts for].
  /// For a null bead: [1, the best evidence of the sentence with a nearby one on the other
  /// side, chrome never paired (0 or 1), label or first repeated copy (0 or 1), the logit of
  /// the posterior, the share of the article's sentences left unpaired].
  ///
  /// Each quantity enters once, in one form: with a value and its logarithm side by side, a
  /// fit on PUD — where nearly every posterior is close to 1 — can pair a large positive
  /// coefficient with a large negative one, and score a bead with posterior 0.05 and no
  /// evidence at all 1.00 (see Guides/Aligner.md); with the bead's evidence, its weakest
  /// member's and its least covered sentence's side by side (one and the same for most 1-1
  /// pairs), the fit made less evidence raise the score.
  public var values: [Double]

  public init(isNull: Bool, values: [Double]) {
    self.isNull = isNull
    self.values = values
  }

  /// Where a pair's number mismatches and poor-text measure are in ``values``.
  public static let pairNumberMismatches = 2
  public static let pairPoorText = 7

  /// The features of a pair. Logarithms, because a logistic model is linear in its
  /// features: a sentence the other side does not account for at all, or a length far off,
  /// says much more than the step from some to a little more.
  public static func pair(
    length: Double, numberMismatches: Int, extraSentences: Int, isHeadline: Bool, neighbour: Double, margin: Double,
    poorText: Double, posterior: Double, unpairedShare: Double, leastCovered: Double, joinable: Double
  ) -> BeadFeatures {
    BeadFeatures(
      isNull: false,
      values: [
        1, log(length + 0.02), Double(min(3, numberMismatches)), Double(extraSentences), isHeadline ? 1 : 0,
        neighbour, margin, poorText, logit(posterior), unpairedShare, log(leastCovered + 0.05), joinable,
      ])
  }

  /// The features of a null bead: how much the sentence resembles one nearby on the other
  /// side, whether it is chrome that never pairs or soft chrome (0 or 1 each), its posterior,
  /// the share of the article's sentences left unpaired.
  public static func null(
    resemblance: Double, neverPairs: Double, soft: Double, posterior: Double, unpairedShare: Double
  ) -> BeadFeatures {
    BeadFeatures(isNull: true, values: [1, resemblance, neverPairs, soft, logit(posterior), unpairedShare])
  }

  /// The log-odds of a probability, held within ±9 (a posterior of 1 or 0 to rounding).
  static func logit(_ p: Double) -> Double {
    let held = min(max(p, 1e-4), 1 - 1e-4)
    return log(held / (1 - held))
  }
}

/// Turns bead features into a probability that the bead is right: one logistic model for
/// pairs and one for null beads, fitted on beads of the PUD development set's fit half and of
/// newsroom article pairs (Platt scaling with the features above rather than the score alone).
public struct BeadCalibration: Sendable, Codable, Equatable {
  /// Coefficients over ``BeadFeatures/values`` of a pair.
  public var pair: [Double]
  /// Coefficients over ``BeadFeatures/values`` of a null bead.
  public var null: [Double]

  public init(pair: [Double], null: [Double]) {
    self.pair = pair
    self.null = null
  }

  /// The hand-set confidence used before the fit, for comparison: a logistic score of the
  /// length, mismatches and coverage; for a null bead, the lack of a resembling neighbour.
  public static let handSet = BeadCalibration(
    pair: [2, 0.5, -0.4, -0.5, 0, 0, 0, 0, 0, 0, 1.5, 0], null: [2, -6, 3, 1, 0, 0])

  /// The calibration fitted on the development set, or ``handSet`` without the resource.
  public static let fitted: BeadCalibration = AlignmentModel.bundled?.calibration ?? handSet

  /// The probability that a bead with these features is right.
  public func probability(_ features: BeadFeatures) -> Double {
    let coefficients = features.isNull ? null : pair
    let logit = zip(coefficients, features.values).reduce(0) { $0 + $1.0 * $1.1 }
    return 1 / (1 + exp(-logit))
  }
}
