import ArgumentParser
import Foundation
import Selaras

/// Fits the aligner's weights and confidence calibration on the fit half of the PUD
/// development set and writes `Sources/Selaras/Resources/alignment-model.json`.
struct AlignFitBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "align-fit",
    abstract: "Fit the aligner's weights and calibration on the PUD fit half; write the model file.")

  @Option(help: "The PUD sentence pairs the development set is built from.")
  var pud = "Corpora/PUD/pud.en-id.tsv"

  @Option(help: "Where to write the model.")
  var output = "Sources/Selaras/Resources/alignment-model.json"

  @Option(help: "Coordinate-search passes.")
  var passes = 4

  @Option(help: "Editions of the fit half to fit the weights on (each groups and edits its documents anew).")
  var editions = 4

  @Option(help: "Editions of the fit half to calibrate the confidence on (aligning them is quick; more wrong beads to learn from).")
  var calibrationEditions = 16

  mutating func run() throws {
    let lexicon = try LanguageResources.installed().lexicon()
    let set = try DevelopmentSet(path: pud, half: .fit, editions: editions)
    let result = fitWeights(set, lexicon)
    for change in result.changes {
      report(["bench": "align-fit", "pass": change.pass, "parameter": change.parameter, "value": change.value, "score": change.score])
    }
    // The confidence is calibrated on beads the weights were not fitted on: each of two
    // folds of the fit half's documents is aligned with weights fitted on the other, so
    // that the calibration sees the aligner as accurate as it is on new text, not as on
    // the text it was tuned on.
    var real: [(features: BeadFeatures, score: Double, right: Bool)] = []
    var mismatched: [(features: BeadFeatures, score: Double, right: Bool)] = []
    for k in 0..<2 {
      let tuning = try DevelopmentSet(path: pud, half: .fit, editions: editions, fold: (1 - k, 2))
      let held = try DevelopmentSet(path: pud, half: .fit, editions: calibrationEditions, fold: (k, 2))
      let weights = fitWeights(tuning, lexicon).weights
      real += calibrationSamples(held, lexicon, weights, .handSet)
      mismatched += calibrationSamples(held.mismatched(), lexicon, weights, .handSet).filter { !$0.features.isNull }
      report(["bench": "align-fit", "calibration_fold": k, "beads": real.count])
    }
    let fitted = fitCalibration(real: real, mismatched: mismatched)
    let model = AlignmentModel(
      command: "swift run -c release selaras-bench align-fit",
      fittedOn:
        "PUD fit half (\(set.articles.count) articles; mean strict F1 presegmented and from raw text), lexicon of "
        + "\(lexicon.count) entries; confidence calibrated on two folds of its documents (\(calibrationEditions) editions), "
        + "each aligned with weights fitted on the other",
      fitScore: (result.score * 10000).rounded() / 10000, weights: result.weights, calibration: fitted)
    try model.encoded().write(toFile: output, atomically: true, encoding: .utf8)
    report(["bench": "align-fit", "output": output, "fit_score": result.score, "changes": result.changes.count])
  }

  /// The weights the coordinate search finds on `set`, from the hand-set ones.
  private func fitWeights(_ set: DevelopmentSet, _ lexicon: Lexicon)
    -> (weights: NewsAlignmentScorer.Weights, score: Double, changes: [WeightSearch.Change])
  {
    var search = WeightSearch()
    search.passes = passes
    return search.fit(from: NewsAlignmentScorer.Weights()) { weights in
      let scores = set.evaluate { source, target in
        SentenceAligner().align(scorer(source, target, lexicon, weights, .handSet))
      }
      return (scores.presegmented.strict.f1 + scores.raw.strict.f1) / 2
    }
  }

  /// Logistic models of bead correctness: one for pairs, fitted on the real beads; one for
  /// null beads. A pair's coefficient of how poorly the two texts match is fitted after the
  /// rest, with them held, on the real pairs and on the pairs chosen between mismatched
  /// articles: in real articles that feature is nearly always 0, so they cannot teach it,
  /// and fitted together with the rest the mismatched pairs (which it separates alone) would
  /// bend every other coefficient towards texts that are not translations.
  private func fitCalibration(
    real: [(features: BeadFeatures, score: Double, right: Bool)],
    mismatched: [(features: BeadFeatures, score: Double, right: Bool)]
  ) -> BeadCalibration {
    let poorText = 9
    let realPairs = real.filter { !$0.features.isNull }
    let rows = realPairs.map { sample in
      var values = sample.features.values
      values[poorText] = 0
      return values
    }
    var pair = LogisticRegression.fit(rows: rows, labels: realPairs.map(\.right))
    let pairs = realPairs + mismatched.filter { !$0.features.isNull }
    let offsets = pairs.map { sample in zip(pair, sample.features.values).reduce(0) { $0 + $1.0 * $1.1 } }
    pair[poorText] =
      LogisticRegression.fit(
        rows: pairs.map { [$0.features.values[poorText]] }, labels: pairs.map(\.right), offsets: offsets
      ).first ?? 0
    let nulls = real.filter(\.features.isNull)
    let null = LogisticRegression.fit(rows: nulls.map(\.features.values), labels: nulls.map(\.right))
    return BeadCalibration(pair: pair, null: null)
  }
}

/// The scorer the aligner builds, with the given weights and calibration.
func scorer(
  _ source: [Sentence], _ target: [Sentence], _ lexicon: Lexicon, _ weights: NewsAlignmentScorer.Weights,
  _ calibration: BeadCalibration
) -> NewsAlignmentScorer {
  NewsAlignmentScorer(
    source: source, sourceLanguage: .english, target: target, targetLanguage: .indonesian, lexicon: lexicon,
    weights: weights, calibration: calibration)
}

/// Every bead the aligner chooses on the presegmented articles, with its features, its
/// confidence and whether it is right.
func calibrationSamples(
  _ set: DevelopmentSet, _ lexicon: Lexicon, _ weights: NewsAlignmentScorer.Weights, _ calibration: BeadCalibration
) -> [(features: BeadFeatures, score: Double, right: Bool)] {
  alignedBeads(set, lexicon, weights, calibration).map { ($0.features, $0.bead.score, $0.right) }
}

/// Every bead the aligner chooses on the presegmented articles, with its article's name,
/// its features and whether it is right.
func alignedBeads(
  _ set: DevelopmentSet, _ lexicon: Lexicon, _ weights: NewsAlignmentScorer.Weights, _ calibration: BeadCalibration
) -> [(article: String, bead: Bead, features: BeadFeatures, right: Bool)] {
  set.articles.flatMap { item in
    let model = scorer(item.goldSource, item.goldTarget, lexicon, weights, calibration)
    let beads = SentenceAligner().align(model)
    let right = AlignmentEvaluation.correctness(of: beads, gold: item.article.gold)
    return zip(beads, right).map { bead, right in
      (item.article.name, bead, model.features(source: bead.source, target: bead.target), right)
    }
  }
}
