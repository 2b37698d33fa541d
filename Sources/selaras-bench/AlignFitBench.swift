import ArgumentParser
import Foundation
import Selaras
import SelarasDevelopment

/// Fits the aligner's weights and confidence calibration on the fit half of the PUD
/// development set and writes `Sources/Selaras/Resources/alignment-model.json`.
struct AlignFitBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "align-fit",
    abstract: "Fit the aligner's weights and calibration on the PUD fit half; write the model file.")

  @Option(help: "The PUD sentence pairs the development set is built from.")
  var pud = "Corpora/PUD/pud.en-id.tsv"

  @Option(
    help: ArgumentHelp(
      "A Corpora-style folder of newsroom article pairs with gold to fit on beside PUD (the fit half that scripts/newsroom-split.sh writes).",
      valueName: "folder"))
  var newsroom: String?

  // 0 by default: with the newsroom articles in the weights' score, the weights fitted the six
  // articles and lost on the other half, on PUD's test half and on Corpora (two-fold
  // cross-validation over the newsroom halves, issue 25); they calibrate the confidence.
  @Option(
    help:
      "How much the newsroom articles weigh in the weights' score, 0…1 (PUD weighs the rest); 0: they calibrate the confidence only."
  )
  var newsroomWeight = 0.0

  @Option(
    help:
      "How many times each newsroom bead counts in the confidence calibration (PUD gives about a hundred times as many beads)."
  )
  var newsroomCalibrationCopies = Self.defaultCopies

  // 30: in leave-one-article-out cross-validation over the 18 newsroom articles of the fit half
  // and Development/newsroom-more, the calibration's error on the article left out fell from
  // 0.079 (10 copies) to 0.063 (30) and 0.053 (60), while PUD's rose from 0.049 to 0.053 and
  // 0.054, and Corpora's from 0.042 to 0.049 and 0.055 (issue 25, session 15): 30 weighs the
  // adapted articles without giving up the close translations.
  static let defaultCopies = 30

  @Option(
    parsing: .upToNextOption,
    help: "Weights to hold at 0, by name (an ablation: the fit multiplies, so 0 stays 0).")
  var without: [String] = []

  @Option(
    parsing: .upToNextOption,
    help: "Fit every weight on PUD alone, then only these (by name) on PUD and the newsroom articles together.")
  var newsroomParameters: [String] = []

  @Flag(
    help:
      "Keep the shipped weights and fit the confidence calibration only (the newsroom beads are aligned with the shipped weights, which were fitted on PUD alone)."
  )
  var keepWeights = false

  @Option(
    help:
      "Write the calibration's beads (origin, article, source and target range, null, right, features) as TSV, to look at."
  )
  var writeCalibrationSamples: String?

  @Flag(
    help:
      "Also score each newsroom article's beads by a calibration fitted without that article: the ECE and the precision of pairs scored at least 0.9 to expect on new adapted articles."
  )
  var leaveOneArticleOut = false

  @Option(help: "Where to write the model.")
  var output = "Sources/Selaras/Resources/alignment-model.json"

  @Option(help: "Coordinate-search passes.")
  var passes = 4

  @Option(help: "Editions of the fit half to fit the weights on (each groups and edits its documents anew).")
  var editions = 4

  @Option(
    help:
      "Editions of the fit half to calibrate the confidence on (aligning them is quick; more wrong beads to learn from)."
  )
  var calibrationEditions = 16

  mutating func run() throws {
    let lexicon = try LanguageResources.installed().lexicon()
    let set = try DevelopmentSet(path: pud, half: .fit, editions: editions)
    let newsroom = try self.newsroom.map { try GoldFolder(path: $0) }
    let result =
      keepWeights
      ? (weights: NewsAlignmentScorer.Weights.fitted, score: AlignmentModel.bundled?.fitScore ?? 0, changes: [])
      : fitWeights(set, newsroom, lexicon)
    for change in result.changes {
      report([
        "bench": "align-fit", "pass": change.pass, "parameter": change.parameter, "value": change.value,
        "score": change.score,
      ])
    }
    // The confidence is calibrated on beads the weights were not fitted on: each of two
    // folds of the fit half's documents is aligned with weights fitted on the other, so
    // that the calibration sees the aligner as accurate as it is on new text, not as on
    // the text it was tuned on.
    var real: [(features: BeadFeatures, score: Double, right: Bool)] = []
    var sampleLines: [String] = []
    func note(_ origin: String, _ beads: [(article: String, bead: Bead, features: BeadFeatures, right: Bool)]) {
      sampleLines += beads.map {
        sampleRow("\(origin)\t\($0.article)\t\($0.bead.source)\t\($0.bead.target)", $0.features, $0.right)
      }
    }
    var mismatched: [(features: BeadFeatures, score: Double, right: Bool)] = []
    // The newsroom beads by article, for the leave-one-article-out estimate.
    var newsroomBeads: [(article: String, features: BeadFeatures, right: Bool)] = []
    var pudSamples: [(features: BeadFeatures, score: Double, right: Bool)] = []
    for k in 0..<2 {
      let tuning = try DevelopmentSet(path: pud, half: .fit, editions: editions, fold: (1 - k, 2))
      let held = try DevelopmentSet(path: pud, half: .fit, editions: calibrationEditions, fold: (k, 2))
      let weights = fitWeights(tuning, newsroom?.fold(1 - k), lexicon).weights
      let pudBeads = alignedBeads(held, lexicon, weights, .handSet)
      let pudBeadSamples = pudBeads.map { ($0.features, $0.bead.score, $0.right) }
      pudSamples += pudBeadSamples
      real += pudBeadSamples
      note("pud-\(k)", pudBeads)
      if let newsroom {
        let beads = folderBeads(newsroom.fold(k), lexicon, keepWeights ? result.weights : weights, .handSet)
        note("newsroom-\(k)", beads)
        newsroomBeads += beads.map { ($0.article, $0.features, $0.right) }
        let samples = beads.map { ($0.features, $0.bead.score, $0.right) }
        for _ in 0..<newsroomCalibrationCopies { real += samples }
      }
      mismatched += calibrationSamples(held.mismatched(), lexicon, weights, .handSet).filter { !$0.features.isNull }
      report(["bench": "align-fit", "calibration_fold": k, "beads": real.count])
    }
    if let path = writeCalibrationSamples {
      try (sampleLines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
    let fitted = fitCalibration(real: real, mismatched: mismatched)
    if leaveOneArticleOut {
      reportLeaveOneArticleOut(pud: pudSamples, newsroom: newsroomBeads, mismatched: mismatched)
    }
    let newsroomPart =
      newsroom.map {
        newsroomWeight == 0 && newsroomParameters.isEmpty
          ? ""
          : " and the newsroom articles (\($0.articles.count), weighing \(newsroomWeight) of the score)"
      } ?? ""
    let newsroomCalibration =
      self.newsroom.map {
        ", and on the newsroom articles in \(URL(fileURLWithPath: $0).lastPathComponent)/ (\(newsroom?.articles.count ?? 0) articles, "
          + (keepWeights ? "aligned with the shipped weights, " : "")
          + "each bead counted \(newsroomCalibrationCopies) times)"
      } ?? ""
    let calibrationPart =
      "confidence calibrated on two folds of its documents (\(calibrationEditions) editions), "
      + "each aligned with weights fitted on the other\(newsroomCalibration)"
    var command = "swift run -c release selaras-bench align-fit"
    if keepWeights { command += " --keep-weights" }
    if let folder = self.newsroom {
      command =
        "scripts/newsroom-split.sh /tmp/newsroom && \(command) --newsroom /tmp/newsroom/\(URL(fileURLWithPath: folder).lastPathComponent)"
      if newsroomCalibrationCopies != Self.defaultCopies {
        command += " --newsroom-calibration-copies \(newsroomCalibrationCopies)"
      }
    }
    var fittedOn =
      "PUD fit half (\(set.articles.count) articles; mean strict F1 presegmented and from raw text)\(newsroomPart), lexicon of "
      + "\(lexicon.count) entries; \(calibrationPart)"
    if keepWeights, let bundled = AlignmentModel.bundled {
      let marker = " — then, the weights kept, the "
      let weightsPart = bundled.fittedOn.components(separatedBy: marker)[0]
      fittedOn = weightsPart + marker + calibrationPart
    }
    let model = AlignmentModel(
      command: command, fittedOn: fittedOn, fitScore: (result.score * 10000).rounded() / 10000, weights: result.weights,
      calibration: fitted)
    try model.encoded().write(toFile: output, atomically: true, encoding: .utf8)
    report(["bench": "align-fit", "output": output, "fit_score": result.score, "changes": result.changes.count])
  }

  /// Each newsroom article's beads scored by a calibration fitted on every other bead (PUD's
  /// and the other articles', as many copies each as the real fit): the held-out figures to
  /// expect on new adapted articles, reported as one line. ECE over all the beads; precision
  /// over the pairs scored at least 0.9.
  private func reportLeaveOneArticleOut(
    pud: [(features: BeadFeatures, score: Double, right: Bool)],
    newsroom: [(article: String, features: BeadFeatures, right: Bool)],
    mismatched: [(features: BeadFeatures, score: Double, right: Bool)]
  ) {
    var probabilities: [Double] = []
    var outcomes: [Bool] = []
    var pairProbabilities: [Double] = []
    var pairOutcomes: [Bool] = []
    for article in Set(newsroom.map(\.article)).sorted() {
      let others = newsroom.filter { $0.article != article }.map { ($0.features, 0.0, $0.right) }
      var training = pud
      for _ in 0..<newsroomCalibrationCopies { training += others }
      let calibration = fitCalibration(real: training, mismatched: mismatched)
      for bead in newsroom where bead.article == article {
        let probability = calibration.probability(bead.features)
        probabilities.append(probability)
        outcomes.append(bead.right)
        if !bead.features.isNull {
          pairProbabilities.append(probability)
          pairOutcomes.append(bead.right)
        }
      }
    }
    let all = CalibrationReport(probabilities: probabilities, outcomes: outcomes)
    let pairs = CalibrationReport(probabilities: pairProbabilities, outcomes: pairOutcomes)
    report([
      "bench": "align-fit", "metric": "leave-one-article-out", "articles": Set(newsroom.map(\.article)).count,
      "beads": probabilities.count, "ece": all.expectedCalibrationError,
      "non_null_precision_at_0_9": pairs.precisionAtLeast09, "non_null_at_0_9": pairs.countAtLeast09,
    ])
  }

  /// The weights the coordinate search finds on `set` (and `newsroom`, weighing
  /// `newsroomWeight`), from the hand-set ones; with `newsroomParameters`, all the weights are
  /// fitted on `set` alone first, then only those on both.
  private func fitWeights(_ set: DevelopmentSet, _ newsroom: GoldFolder?, _ lexicon: Lexicon)
    -> (weights: NewsAlignmentScorer.Weights, score: Double, changes: [WeightSearch.Change])
  {
    var start = NewsAlignmentScorer.Weights()
    for (name, path) in NewsAlignmentScorer.Weights.fittedParameters where without.contains(name) {
      start[keyPath: path] = 0
    }
    guard let newsroom, !newsroomParameters.isEmpty else { return fitWeights(set, newsroom, lexicon, from: start) }
    let first = fitWeights(set, nil, lexicon, from: start)
    let second = fitWeights(
      set, newsroom, lexicon, from: first.weights,
      parameters: NewsAlignmentScorer.Weights.fittedParameters.filter { newsroomParameters.contains($0.name) })
    return (second.weights, second.score, first.changes + second.changes)
  }

  private func fitWeights(
    _ set: DevelopmentSet, _ newsroom: GoldFolder?, _ lexicon: Lexicon, from start: NewsAlignmentScorer.Weights,
    parameters: [(name: String, path: WritableKeyPath<NewsAlignmentScorer.Weights, Double>)] = NewsAlignmentScorer
      .Weights.fittedParameters
  ) -> (weights: NewsAlignmentScorer.Weights, score: Double, changes: [WeightSearch.Change]) {
    var search = WeightSearch()
    search.passes = passes
    search.parameters = parameters
    return search.fit(from: start) { weights in
      func align(_ source: [Sentence], _ target: [Sentence]) -> [Bead] {
        SentenceAligner().path(scorer(source, target, lexicon, weights, .handSet), posteriors: false).map {
          Bead(source: $0.source, target: $0.target, score: 1)
        }
      }
      let scores = set.evaluate(align)
      let pud = (scores.presegmented.strict.f1 + scores.raw.strict.f1) / 2
      guard let newsroom else { return pud }
      let newsroomScores = newsroom.evaluate(align)
      let news = (newsroomScores.presegmented.strict.f1 + newsroomScores.raw.strict.f1) / 2
      return (1 - newsroomWeight) * pud + newsroomWeight * news
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
    let poorText = BeadFeatures.pairPoorText
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

/// A bead as the sample files write it: where it comes from, whether it is null and right
/// (0 or 1), then its features, TAB-separated.
func sampleRow(_ origin: String, _ features: BeadFeatures, _ right: Bool) -> String {
  ([origin, features.isNull ? "1" : "0", right ? "1" : "0"] + features.values.map { String(format: "%.5f", $0) })
    .joined(separator: "\t")
}

/// Every bead the aligner chooses on the folder's presegmented articles, with its article's
/// name, its features and whether it is right.
func folderBeads(
  _ folder: GoldFolder, _ lexicon: Lexicon, _ weights: NewsAlignmentScorer.Weights, _ calibration: BeadCalibration
) -> [(article: String, bead: Bead, features: BeadFeatures, right: Bool)] {
  folder.articles.flatMap { article in
    scoredPath(article.name, article.goldSource, article.goldTarget, article.gold, lexicon, weights, calibration)
  }
}

/// Every bead the aligner chooses on the presegmented articles, with its article's name,
/// its features and whether it is right.
func alignedBeads(
  _ set: DevelopmentSet, _ lexicon: Lexicon, _ weights: NewsAlignmentScorer.Weights, _ calibration: BeadCalibration
) -> [(article: String, bead: Bead, features: BeadFeatures, right: Bool)] {
  set.articles.flatMap { item in
    scoredPath(item.article.name, item.goldSource, item.goldTarget, item.article.gold, lexicon, weights, calibration)
  }
}

/// The beads of one article's path, scored, with their features and whether the gold holds them.
private func scoredPath(
  _ name: String, _ source: [Sentence], _ target: [Sentence], _ gold: [Bead], _ lexicon: Lexicon,
  _ weights: NewsAlignmentScorer.Weights, _ calibration: BeadCalibration
) -> [(article: String, bead: Bead, features: BeadFeatures, right: Bool)] {
  let model = scorer(source, target, lexicon, weights, calibration)
  let path = SentenceAligner().path(model)
  let right = AlignmentEvaluation.correctness(of: path.map(\.bead), gold: gold)
  return zip(path, right).map { bead, right in
    var scored = bead.bead
    scored.score = model.confidence(of: bead)
    return (name, scored, model.features(of: bead), right)
  }
}

extension SentenceAligner.PathBead {
  /// The bead, unscored.
  var bead: Bead { Bead(source: source, target: target, score: 0) }
}
