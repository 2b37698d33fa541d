import Foundation

extension NewsAlignmentScorer {
  /// The constants of the cost model. ``fitted`` holds the values fitted on the development
  /// set (`Resources/alignment-model.json`, written by `selaras-bench align-fit`); `init()`
  /// holds the values set by hand before the fit, for comparison.
  public struct Weights: Sendable, Codable, Equatable {
    /// Cost of leaving one sentence unpaired.
    public var null = 2.4
    /// Cost added to ``null`` per unit of the most evidence the sentence shares with one
    /// sentence of the other side nearby (0…1).
    public var nullPull = 1.0
    /// Cost added to ``null`` for a sentence that opens by pointing back at the one before it
    /// ("Angka itu …", "It …"; see `Continuation`): mostly the split-off half of a sentence.
    public var continuationNull = 1.0
    /// Cost of leaving a boilerplate sentence unpaired.
    public var boilerplateNull = 0.1
    /// Cost of leaving a label line or the first copy of a repeated line unpaired: chrome
    /// more often than not, but paired when its translation is there.
    public var softChromeNull = 0.6
    /// Cost of putting a boilerplate sentence into a pair.
    public var boilerplatePair = 40.0
    /// Cost every pair starts with, repaid by evidence.
    public var pairBase = 3.0
    /// Reward for lexical and anchor evidence (Dice overlaps, summed, capped at 1).
    public var evidence = 6.0
    /// The most the evidence counts, in units of a full Dice overlap: above 1, a bead whose
    /// single pair already shares every anchor still gains from a sentence that adds words.
    public var evidenceCap = 1.0
    /// Reward per unit of a bead's coverage: for each of its sentences, the share of the
    /// sentence's words that the bead's other side accounts for.
    public var coverage = 1.0
    /// Cost of a pair whose sentences share (next to) nothing: see
    /// `NewsAlignmentScorer.overlapShortfall`.
    public var noOverlap = 1.0
    /// Weight of the length cost.
    public var length = 1.0
    /// Cost per number found on one side and not the other.
    public var numberMismatch = 0.6
    /// Gale–Church variance per character (the Corpora gold's 1-1 beads gave 4.08; Gale and
    /// Church had 6.8 for German and French).
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
    /// −log of the relative frequency of the bead shapes against 1-1 (Gale and Church 1993,
    /// with 1-3 and 3-1 added): 2-1 and 1-2, 2-2, and 1-3 and 3-1.
    public var contraction = 2.3
    public var melding = 4.6
    public var threeWay = 5.0
    /// How many article sentences of a side may hold a name, acronym or number before its
    /// matches count less: a match of one held by more counts this many over their number.
    /// 0 counts every match whole.
    public var commonAnchorSentences = 0.0

    public init() {}

    /// The prior cost of a bead of this many sentences a side, both non-empty.
    func prior(_ sourceCount: Int, _ targetCount: Int) -> Double {
      switch (sourceCount, targetCount) {
      case (1, 1): 0
      case (2, 1), (1, 2): contraction
      case (2, 2): melding
      default: threeWay
      }
    }

    /// The weights fitted on the development set, or the hand-set ones when the resource
    /// is missing or unreadable.
    public static let fitted: Weights = AlignmentModel.bundled?.weights ?? Weights()

    /// The weights the fit tunes, by name, as the fit and its report list them. A constant
    /// of immutable key paths; `nonisolated(unsafe)` only because `WritableKeyPath` is not
    /// marked `Sendable` in this toolchain.
    public nonisolated(unsafe) static let fittedParameters: [(name: String, path: WritableKeyPath<Weights, Double>)] = [
      ("null", \.null), ("nullPull", \.nullPull), ("continuationNull", \.continuationNull), ("softChromeNull", \.softChromeNull), ("pairBase", \.pairBase), ("evidence", \.evidence),
      ("evidenceCap", \.evidenceCap), ("coverage", \.coverage), ("noOverlap", \.noOverlap),
      ("length", \.length), ("numberMismatch", \.numberMismatch), ("variance", \.variance),
      ("maxLengthCost", \.maxLengthCost), ("headline", \.headline), ("contraction", \.contraction),
      ("melding", \.melding), ("threeWay", \.threeWay),
    ]
  }
}

/// The aligner's fitted model as stored in `Resources/alignment-model.json`: the cost
/// weights and the confidence calibration, with how they were made.
public struct AlignmentModel: Sendable, Codable, Equatable {
  /// The command that wrote the file, to run again after changing the aligner.
  public var command: String
  /// What the weights were fitted on and the score they reached there.
  public var fittedOn: String
  public var fitScore: Double
  public var weights: NewsAlignmentScorer.Weights
  public var calibration: BeadCalibration

  public init(
    command: String, fittedOn: String, fitScore: Double, weights: NewsAlignmentScorer.Weights,
    calibration: BeadCalibration
  ) {
    self.command = command
    self.fittedOn = fittedOn
    self.fitScore = fitScore
    self.weights = weights
    self.calibration = calibration
  }

  /// The model shipped in the package's resources, nil when it is missing or unreadable.
  public static let bundled: AlignmentModel? = {
    guard let url = Bundle.module.url(forResource: "alignment-model", withExtension: "json", subdirectory: "Resources"),
      let data = try? Data(contentsOf: url)
    else { return nil }
    return try? JSONDecoder().decode(AlignmentModel.self, from: data)
  }()

  /// The file's text: keys sorted, numbers as JSON writes them, one final newline.
  public func encoded() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
  }
}
