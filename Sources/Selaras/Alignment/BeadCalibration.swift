import Foundation

/// What the confidence of a bead is computed from, as the calibration's features.
public struct BeadFeatures: Sendable, Equatable {
  /// Whether a side is empty.
  public var isNull: Bool
  /// For a pair (``pair(evidence:length:numberMismatches:extraSentences:isHeadline:neighbour:weakest:margin:poorText:posterior:)``):
  /// [1, evidence (capped at 1), length agreement as a probability, number mismatches
  /// (capped at 3), sentences beyond two, headline pair (0 or 1), the best evidence of a
  /// sentence of the bead with a neighbouring sentence outside it, the least evidence one
  /// sentence of a longer bead shares with the bead's other side, how much dearer the
  /// nearest other reading of its sentences is (scaled to −1…1), how far the mean evidence
  /// each article sentence of the two texts shares with its best match nearby falls below
  /// 0.35 (0 for translations, up to 1 for texts that are not), then the logarithms of the
  /// evidence, the length agreement and the weakest member, the evidence times the length
  /// agreement, the neighbour's evidence less the bead's, then the bead's posterior over the
  /// alignments near the path and its logarithm].
  /// For a null bead: [1, the best evidence of the sentence with a nearby one on the other
  /// side, chrome never paired (0 or 1), label or first repeated copy (0 or 1), the posterior
  /// and its logarithm].
  public var values: [Double]

  public init(isNull: Bool, values: [Double]) {
    self.isNull = isNull
    self.values = values
  }

  /// The features of a pair. The logarithms and the product are there because a logistic
  /// model is linear in its features: no evidence at all, or a length far off, says much
  /// more than the step from some to a little more (the fit's log loss on held-out beads
  /// fell by a fifth with them).
  public static func pair(
    evidence: Double, length: Double, numberMismatches: Int, extraSentences: Int, isHeadline: Bool,
    neighbour: Double, weakest: Double, margin: Double, poorText: Double, posterior: Double
  ) -> BeadFeatures {
    BeadFeatures(
      isNull: false,
      values: [
        1, evidence, length, Double(min(3, numberMismatches)), Double(extraSentences), isHeadline ? 1 : 0, neighbour,
        weakest, margin, poorText, log(evidence + 0.05), log(length + 0.02), log(weakest + 0.05), evidence * length,
        neighbour - evidence, posterior, log(posterior + 0.01),
      ])
  }

  /// The features of a null bead: how much the sentence resembles one nearby on the other
  /// side, whether it is chrome that never pairs or soft chrome (0 or 1 each), its posterior.
  public static func null(resemblance: Double, neverPairs: Double, soft: Double, posterior: Double) -> BeadFeatures {
    BeadFeatures(isNull: true, values: [1, resemblance, neverPairs, soft, posterior, log(posterior + 0.01)])
  }
}

/// Turns bead features into a probability that the bead is right: one logistic model for
/// pairs and one for null beads, fitted on the development set's fit half (Platt scaling
/// with the features above rather than the score alone).
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
  /// evidence, length and mismatches; for a null bead, the lack of a resembling neighbour.
  public static let handSet = BeadCalibration(
    pair: [-2.5, 6, 1.5, -0.4, -0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], null: [2, -6, 3, 1])

  /// The calibration fitted on the development set, or ``handSet`` without the resource.
  public static let fitted: BeadCalibration = AlignmentModel.bundled?.calibration ?? handSet

  /// The probability that a bead with these features is right.
  public func probability(_ features: BeadFeatures) -> Double {
    let coefficients = features.isNull ? null : pair
    let logit = zip(coefficients, features.values).reduce(0) { $0 + $1.0 * $1.1 }
    return 1 / (1 + exp(-logit))
  }
}
