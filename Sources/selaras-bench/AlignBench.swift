import ArgumentParser
import Foundation
import Selaras
import SelarasDevelopment
import SelarasGlossaries

struct AlignBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "align",
    abstract: "Alignment P/R/F1 against Corpora/*.gold.json, and speed on synthetic long articles.")

  @Option(help: "The Corpora folder.")
  var corpora = "Corpora"

  @Option(help: "Sentence counts per side of the synthetic articles timed, comma-separated.")
  var sizes = "1000,10000,100000"

  @Flag(help: "Print each article's beads that differ from the gold, on stderr.")
  var showErrors = false

  @Flag(help: "Print the fit half's wrong pairs scored at least 0.9, with their features, on stderr.")
  var showConfidentErrors = false

  @Flag(help: "Report quality only.")
  var qualityOnly = false

  @Flag(help: "Report speed only.")
  var speedOnly = false

  private var lexicon = Lexicon()

  enum CodingKeys: CodingKey {
    case corpora, sizes, showErrors, showConfidentErrors, qualityOnly, speedOnly, builtInLexicon, pud, writeFitArticles, editions
    case writeFitSamples, learnFrom, learnFromPud, writeCorporaSamples
  }

  @Option(help: "Write the Corpora folder's beads (article, null, right, features) as TSV, presegmented.")
  var writeCorporaSamples: String?

  @Option(
    help: ArgumentHelp(
      "Align these Corpora-style folders, learn word translations from them as `selaras align --save` does, and score the Corpora folder again with what was learned.",
      valueName: "folder"))
  var learnFrom: [String] = []

  @Flag(help: "Learn from the PUD fit half's articles too (see --learn-from).")
  var learnFromPud = false

  @Flag(help: "Use only the built-in word list, not FreeDict.")
  var builtInLexicon = false

  @Option(help: "The PUD sentence pairs the development set is built from.")
  var pud = "Corpora/PUD/pud.en-id.tsv"

  @Option(help: "Editions of each PUD half to score (each groups and edits the documents anew; more is steadier).")
  var editions = 4

  @Option(help: "Write the fit half's development articles to this folder, to look at.")
  var writeFitArticles: String?

  @Option(help: "Write the fit half's beads as TSV (article, source, target, right, score, features), to look at.")
  var writeFitSamples: String?

  mutating func run() throws {
    lexicon = builtInLexicon ? .builtIn : try LanguageResources.installed().lexicon()
    report(["bench": "align", "metric": "lexicon", "entries": lexicon.count])
    let english = try SentenceSegmenter(language: .english)
    let indonesian = try SentenceSegmenter(language: .indonesian)
    var presegmented = AlignmentEvaluation()
    var vecalign = AlignmentEvaluation()
    var raw = AlignmentEvaluation()
    var scored = ScoredBeads()
    let names = try corpusNames(in: corpora)
    if speedOnly {
      return try measureSpeed(english: english, indonesian: indonesian, names: names)
    }
    let folder = try GoldFolder(path: corpora)
    for article in folder.articles {
      let beads = try align(article.goldSource, article.goldTarget)
      scored.add(beads, gold: article.gold)
      let evaluation = AlignmentEvaluation(predicted: beads, gold: article.gold)
      presegmented = presegmented + evaluation
      report([
        "bench": "align", "set": "article", "article": article.name, "strict_f1": evaluation.strict.f1,
        "lax_f1": evaluation.lax.f1,
      ])
      vecalign = vecalign + AlignmentEvaluation(predicted: beads, gold: article.gold, includeNullBeads: false)
      if showErrors { showDifferences(article.name, beads, article.gold, article.goldSource, article.goldTarget) }
      if let texts = article.raw {
        raw = raw + AlignmentEvaluation(predicted: try align(texts.source, texts.target), gold: article.gold)
      }
    }
    let articles = folder.articles
    reportQuality("corpora-presegmented", presegmented, articles: articles.count, nulls: "counted")
    reportQuality("corpora-presegmented", vecalign, articles: articles.count, nulls: "precision-only")
    reportQuality("corpora-raw-text", raw, articles: articles.filter { $0.raw != nil }.count, nulls: "counted")
    scored.emit("corpora-presegmented")
    if let path = writeCorporaSamples {
      let lines = folderBeads(folder, lexicon, .fitted, .fitted).map { sampleRow($0.article, $0.features, $0.right) }
      try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
    if !learnFrom.isEmpty || learnFromPud {
      try measureLearnedLexicon(articles)
    }
    try measureDevelopmentSet()
    try measureGlossaryLoop(articles)
    if !qualityOnly {
      try measureSpeed(english: english, indonesian: indonesian, names: names)
    }
  }

  /// Strict F1 on the PUD development set's halves, presegmented and from raw text, with
  /// the fitted model and without parts of it; the calibration of the confidence.
  private func measureDevelopmentSet() throws {
    let settings: [(name: String, lexicon: Lexicon, weights: NewsAlignmentScorer.Weights, calibration: BeadCalibration)] = [
      ("fitted", lexicon, .fitted, .fitted), ("no-fit", lexicon, NewsAlignmentScorer.Weights(), .handSet),
      ("no-lexicon", Lexicon(), .fitted, .fitted),
    ]
    for half in ParallelDocuments.Half.allCases {
      let set = try DevelopmentSet(path: pud, half: half, editions: editions)
      if half == .fit, let folder = writeFitArticles { try set.write(to: folder) }
      if half == .fit && showConfidentErrors { printConfidentErrors(set) }
      if half == .fit, let path = writeFitSamples { try writeSamples(set, to: path) }
      if half == .fit && showErrors {
        for item in set.articles {
          showDifferences(item.article.name, try align(item.goldSource, item.goldTarget), item.article.gold, item.goldSource, item.goldTarget)
        }
      }
      for setting in settings {
        let scores = set.evaluate { source, target in
          SentenceAligner().align(scorer(source, target, setting.lexicon, setting.weights, setting.calibration))
        }
        let name = setting.name == "fitted" ? "pud-\(half.rawValue)" : "pud-\(half.rawValue)-\(setting.name)"
        reportQuality("\(name)-presegmented", scores.presegmented, articles: set.articles.count, nulls: "counted")
        reportQuality("\(name)-raw-text", scores.raw, articles: set.articles.count, nulls: "counted")
        if setting.name != "no-lexicon" {
          reportCalibration(name, calibrationSamples(set, setting.lexicon, setting.weights, setting.calibration))
        }
      }
      try measureBatchLexicon(set, name: "pud-\(half.rawValue)", lexicon: lexicon)
      try measureBatchLexicon(set, name: "pud-\(half.rawValue)-no-lexicon", lexicon: Lexicon())
    }
  }

  /// The Corpora folder scored with the word translations learned from the `--learn-from`
  /// folders (and PUD's fit half): what a newsroom's store holds after it aligned and saved
  /// them, used by every later alignment.
  private func measureLearnedLexicon(_ articles: [GoldFolder.Article]) throws {
    let aligner = try ArticleAligner(lexicon: lexicon)
    var aligned: [AlignedArticle] = []
    for folder in learnFrom {
      aligned += try GoldFolder(path: folder).articles.map { aligner.align(source: $0.goldSource, target: $0.goldTarget) }
    }
    if learnFromPud {
      aligned += try DevelopmentSet(path: pud, half: .fit).articles.map {
        aligner.align(source: $0.goldSource, target: $0.goldTarget)
      }
    }
    let learner = LexiconLearner()
    let translations = learner.translations(from: aligned)
    let learned = learner.lexicon(from: translations)
    var combined = lexicon
    combined.merge(learned)
    report([
      "bench": "align", "set": "learned-lexicon", "articles": aligned.count, "links": translations.count,
      "entries": learned.count,
    ])
    var presegmented = AlignmentEvaluation()
    var raw = AlignmentEvaluation()
    var scored = ScoredBeads()
    for article in articles {
      let beads = try align(article.goldSource, article.goldTarget, lexicon: combined)
      scored.add(beads, gold: article.gold)
      presegmented = presegmented + AlignmentEvaluation(predicted: beads, gold: article.gold)
      if let texts = article.raw {
        raw = raw + AlignmentEvaluation(predicted: try align(texts.source, texts.target, lexicon: combined), gold: article.gold)
      }
    }
    reportQuality("corpora-learned-presegmented", presegmented, articles: articles.count, nulls: "counted")
    reportQuality("corpora-learned-raw-text", raw, articles: articles.filter { $0.raw != nil }.count, nulls: "counted")
    scored.emit("corpora-learned-presegmented")
  }

  /// The batch's second pass, with the words learned from the first pass's confident beads
  /// (no gold is used: a user's `--batch` does the same).
  private func measureBatchLexicon(_ set: DevelopmentSet, name: String, lexicon: Lexicon) throws {
    let aligner = try ArticleAligner(lexicon: lexicon)
    var firstPass = [AlignedArticle?](repeating: nil, count: set.articles.count)
    let presegmented = aligner.alignBatch(set.articles.map { ($0.goldSource, $0.goldTarget) }) { index, article in
      firstPass[index] = article
    }
    let raw = aligner.alignBatch(set.articles.map { ($0.rawSource, $0.rawTarget) })
    let scores = set.score(presegmented: presegmented.articles.map(\.beads), raw: raw.articles.map(\.beads))
    func mean(_ articles: [AlignedArticle]) -> Double {
      let scores = articles.flatMap { $0.beads.filter { !$0.isNull }.map(\.score) }
      return scores.reduce(0, +) / Double(max(1, scores.count))
    }
    let examples = presegmented.learned.translations.sorted { $0.key < $1.key }.prefix(12)
      .map { "\($0.key)=\($0.value.joined(separator: "/"))" }.joined(separator: " ")
    report([
      "bench": "align", "set": "\(name)-batch-lexicon", "metric": "learned", "entries": presegmented.learned.count,
      "mean_pair_score_first_pass": mean(firstPass.compactMap { $0 }), "mean_pair_score_second_pass": mean(presegmented.articles),
      "examples": examples,
    ])
    reportQuality("\(name)-batch-lexicon-presegmented", scores.presegmented, articles: set.articles.count, nulls: "counted")
    reportQuality("\(name)-batch-lexicon-raw-text", scores.raw, articles: set.articles.count, nulls: "counted")
  }

  /// The pairs the fitted model is sure of (≥ 0.9) and wrong, beside the gold beads that hold
  /// their sentences: what the confidence misses.
  private func printConfidentErrors(_ set: DevelopmentSet) {
    for item in set.articles {
      let model = scorer(item.goldSource, item.goldTarget, lexicon, .fitted, .fitted)
      let path = SentenceAligner().path(model)
      let right = AlignmentEvaluation.correctness(of: path.map(\.bead), gold: item.article.gold)
      for (pathBead, isRight) in zip(path, right) {
        var bead = pathBead.bead
        bead.score = model.confidence(of: pathBead)
        guard !isRight && bead.score >= 0.9 && !bead.source.isEmpty && !bead.target.isEmpty else { continue }
        let features = model.features(of: pathBead).values.map { String(format: "%.2f", $0) }
        let gold = item.article.gold.filter {
          !Set($0.source).isDisjoint(with: bead.source) || !Set($0.target).isDisjoint(with: bead.target)
        }
        var lines = [
          "\(item.article.name) \(bead.source)-\(bead.target) score \(String(format: "%.3f", bead.score)) gold "
            + gold.map { "\($0.source)-\($0.target)" }.joined(separator: " "),
          "  features " + features.joined(separator: " "),
        ]
        lines += gold.flatMap { $0.source }.map { "  EN \(item.goldSource[$0].text)" }
        lines += gold.flatMap { $0.target }.map { "  ID \(item.goldTarget[$0].text)" }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n\n").utf8))
      }
    }
  }

  /// Every bead the fitted model chooses on the fit half, one TSV line each.
  private func writeSamples(_ set: DevelopmentSet, to path: String) throws {
    var lines = ["article\tsource\ttarget\tright\tscore\tfeatures"]
    for sample in alignedBeads(set, lexicon, .fitted, .fitted) {
      let features = sample.features.values.map { String(format: "%.4f", $0) }
      lines.append(
        [sample.article, "\(sample.bead.source)", "\(sample.bead.target)", sample.right ? "1" : "0",
         String(format: "%.4f", sample.bead.score), features.joined(separator: ",")].joined(separator: "\t"))
    }
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
  }

  private func reportCalibration(_ set: String, _ samples: [(features: BeadFeatures, score: Double, right: Bool)]) {
    let all = CalibrationReport(probabilities: samples.map(\.score), outcomes: samples.map(\.right))
    let pairs = samples.filter { !$0.features.isNull }
    let nonNull = CalibrationReport(probabilities: pairs.map(\.score), outcomes: pairs.map(\.right))
    report([
      "bench": "align", "set": set, "metric": "calibration", "beads": samples.count, "ece": all.expectedCalibrationError,
      "precision_at_0_9": all.precisionAtLeast09, "beads_at_0_9": all.countAtLeast09,
      "non_null_precision_at_0_9": nonNull.precisionAtLeast09, "non_null_at_0_9": nonNull.countAtLeast09,
      "non_null_precision_at_0_5": nonNull.precisionAtLeast05, "non_null_at_0_5": nonNull.countAtLeast05,
    ])
  }

  /// The beads of the Corpora folder's articles, presegmented, against the gold: how well
  /// their scores are calibrated, and how many of the gold's splits (1-2) and other beads that
  /// are not 1-1 were found whole.
  private struct ScoredBeads {
    var samples: [(score: Double, right: Bool, null: Bool)] = []
    var shapes: [String: (gold: Int, found: Int)] = [:]

    /// A null bead is keyed by its sentence alone (where its empty side sits is a convention).
    private static func key(_ bead: Bead) -> [Int] {
      if bead.source.isEmpty { return [-1, bead.target.lowerBound] }
      if bead.target.isEmpty { return [bead.source.lowerBound, -1] }
      return [bead.source.lowerBound, bead.source.upperBound, bead.target.lowerBound, bead.target.upperBound]
    }

    mutating func add(_ beads: [Bead], gold: [Bead]) {
      let goldKeys = Set(gold.map(Self.key))
      let predicted = Set(beads.map(Self.key))
      samples += beads.map { ($0.score, goldKeys.contains(Self.key($0)), $0.isNull) }
      for bead in gold where !bead.isNull && (bead.source.count, bead.target.count) != (1, 1) {
        let shape = bead.source.count == 1 && bead.target.count == 2 ? "1_2" : "other_many"
        shapes[shape, default: (0, 0)].gold += 1
        if predicted.contains(Self.key(bead)) { shapes[shape, default: (0, 0)].found += 1 }
      }
    }

    func emit(_ set: String) {
      let all = CalibrationReport(probabilities: samples.map(\.score), outcomes: samples.map(\.right))
      let pairs = samples.filter { !$0.null }
      let nonNull = CalibrationReport(probabilities: pairs.map(\.score), outcomes: pairs.map(\.right))
      let split = shapes["1_2"] ?? (0, 0)
      let other = shapes["other_many"] ?? (0, 0)
      report([
        "bench": "align", "set": set, "metric": "calibration", "beads": samples.count, "ece": all.expectedCalibrationError,
        "non_null_precision_at_0_9": nonNull.precisionAtLeast09, "non_null_at_0_9": nonNull.countAtLeast09,
        "gold_1_2": split.gold, "recall_1_2": split.gold == 0 ? 0 : Double(split.found) / Double(split.gold),
        "gold_other_many": other.gold,
        "recall_other_many": other.gold == 0 ? 0 : Double(other.found) / Double(other.gold),
      ])
    }
  }

  private func align(_ source: [Sentence], _ target: [Sentence], lexicon: Lexicon? = nil) throws -> [Bead] {
    try ArticleAligner(lexicon: lexicon ?? self.lexicon).align(source: source, target: target).beads
  }

  /// The glossary loop of term capture: strict F1 on Corpora with the word list alone, with
  /// the shipped glossary added, and with the terms `glossary extract` proposes from the
  /// Corpora gold pairs added too (in-sample: the terms come from the articles aligned).
  private func measureGlossaryLoop(_ articles: [GoldFolder.Article]) throws {
    let pairs = articles.flatMap { article in
      article.gold.filter { !$0.isNull }.map { bead in
        AlignedPair(
          source: bead.source.map { article.goldSource[$0].text }.joined(separator: " "),
          target: bead.target.map { article.goldTarget[$0].text }.joined(separator: " "), origin: article.name)
      }
    }
    guard let url = BundledGlossaries.newsIndonesianEnglish else { throw BenchError("the shipped glossary is missing") }
    let shipped = try TSVGlossaryReader.entries(readText(url.path), file: url.lastPathComponent).entries
    var withShipped = lexicon
    withShipped.merge(Lexicon(glossary: shipped))
    let candidates = TermExtractor(lexicon: withShipped).candidates(pairs)
    let extracted = (candidates.filter { $0.kind == .acronym } + candidates.filter { $0.kind == .phrase }.prefix(20))
      .map { candidate in
        TermEntry(
          terms: candidate.indonesian.map { Term($0, language: .indonesian) }
            + candidate.english.map { Term($0, language: .english) })
      }
    var withExtracted = withShipped
    withExtracted.merge(Lexicon(glossary: extracted))
    // Without any word list too, where the glossary is the only lexical evidence.
    let glossaryOnly = Lexicon(glossary: shipped)
    let glossaryAndExtracted: Lexicon = {
      var lexicon = glossaryOnly
      lexicon.merge(Lexicon(glossary: extracted))
      return lexicon
    }()
    let settings: [(String, Lexicon)] = [
      ("none", Lexicon()), ("shipped-glossary", glossaryOnly), ("shipped+extracted", glossaryAndExtracted),
      ("word-list", lexicon), ("word-list+shipped-glossary", withShipped), ("word-list+shipped+extracted", withExtracted),
    ]
    for (name, lexicon) in settings {
      var evaluation = AlignmentEvaluation()
      // The confidence of the beads that match the gold: what --min-score keeps.
      var scores: [Double] = []
      for article in articles {
        let predicted = try align(article.goldSource, article.goldTarget, lexicon: lexicon)
        evaluation = evaluation + AlignmentEvaluation(predicted: predicted, gold: article.gold)
        let gold = Set(article.gold.filter { !$0.isNull }.map { "\($0.source)|\($0.target)" })
        scores += predicted.filter { gold.contains("\($0.source)|\($0.target)") }.map(\.score)
      }
      report([
        "bench": "align", "set": "glossary-loop", "lexicon": name, "entries": lexicon.count,
        "strict_f1": evaluation.strict.f1, "lax_f1": evaluation.lax.f1,
        "correct_pair_mean_score": scores.reduce(0, +) / Double(max(scores.count, 1)),
        "correct_pairs_below_0_5": scores.filter { $0 < 0.5 }.count,
      ])
    }
  }

  private func reportQuality(_ set: String, _ evaluation: AlignmentEvaluation, articles: Int, nulls: String) {
    report([
      "bench": "align", "set": set, "null_beads": nulls, "articles": articles,
      "strict_precision": evaluation.strict.precision, "strict_recall": evaluation.strict.recall,
      "strict_f1": evaluation.strict.f1, "lax_precision": evaluation.lax.precision,
      "lax_recall": evaluation.lax.recall, "lax_f1": evaluation.lax.f1,
    ])
  }

  private func showDifferences(_ name: String, _ beads: [Bead], _ gold: [Bead], _ source: [Sentence], _ target: [Sentence]) {
    func key(_ bead: Bead) -> String {
      "\(bead.source.isEmpty ? 0..<0 : bead.source)|\(bead.target.isEmpty ? 0..<0 : bead.target)"
    }
    let goldKeys = Set(gold.map(key))
    for bead in beads where !goldKeys.contains(key(bead)) {
      let text =
        "\(name) \(bead.source)->\(bead.target) \(String(format: "%.2f", bead.score))\n  EN: "
        + bead.source.map { source[$0].text }.joined(separator: " ") + "\n  ID: "
        + bead.target.map { target[$0].text }.joined(separator: " ") + "\n"
      FileHandle.standardError.write(Data(text.utf8))
    }
    // Each gold bead the path missed, with its cost beside the cost of the predicted beads
    // that hold its sentences: by how much the cost model prefers the wrong reading.
    let model = scorer(source, target, lexicon, .fitted, .fitted)
    for bead in SentenceAligner().path(model) where !goldKeys.contains(key(bead.bead)) {
      let features = model.features(of: bead).values.map { String(format: "%.2f", $0) }.joined(separator: " ")
      FileHandle.standardError.write(Data("  wrong \(bead.source)->\(bead.target) posterior \(String(format: "%.3f", bead.posterior)) features \(features)\n".utf8))
    }
    let predictedKeys = Set(beads.map(key))
    for bead in gold where !predictedKeys.contains(key(bead)) {
      let overlapping = beads.filter {
        !Set($0.source).isDisjoint(with: bead.source) || !Set($0.target).isDisjoint(with: bead.target)
      }
      let goldCost = model.cost(source: bead.source, target: bead.target)
      let predictedCost = overlapping.reduce(0) { $0 + model.cost(source: $1.source, target: $1.target) }
      let text =
        "  missed gold \(bead.source)->\(bead.target) cost \(String(format: "%.2f", goldCost)); predicted "
        + overlapping.map { "\($0.source)->\($0.target) \(String(format: "%.2f", model.cost(source: $0.source, target: $0.target)))" }
          .joined(separator: " ") + " sum \(String(format: "%.2f", predictedCost))\n"
      FileHandle.standardError.write(Data(text.utf8))
    }
  }

  /// Long articles made of Corpora sentences in order, with every 7th target sentence
  /// merged into the one before and every 11th source sentence dropped from the target.
  private func measureSpeed(english: SentenceSegmenter, indonesian: SentenceSegmenter, names: [String]) throws {
    var pairs: [(String, String)] = []
    for name in names {
      let gold = try corporaFolder(corpora).goldBeads(name)
      let source = try readLines(corporaFolder(corpora).file(name, .english, .lines).path)
      let target = try readLines(corporaFolder(corpora).file(name, .indonesian, .lines).path)
      for bead in gold where !bead.isNull {
        pairs.append((bead.source.map { source[$0] }.joined(separator: " "), bead.target.map { target[$0] }.joined(separator: " ")))
      }
    }
    for size in sizes.split(separator: ",").compactMap({ Int($0) }) {
      var source: [Sentence] = []
      var target: [Sentence] = []
      var index = 0
      while source.count < size {
        let (en, id) = pairs[index % pairs.count]
        source.append(Sentence(text: en, range: 0..<0, paragraph: 0))
        if index % 11 != 10 {
          if index % 7 == 6, let last = target.popLast() {
            target.append(Sentence(text: last.text + " " + id, range: 0..<0, paragraph: 0))
          } else {
            target.append(Sentence(text: id, range: 0..<0, paragraph: 0))
          }
        }
        index += 1
      }
      var beads: [Bead] = []
      let aligner = try ArticleAligner(lexicon: lexicon)
      let seconds = medianSeconds(runs: size >= 100_000 ? 1 : 3) {
        beads = aligner.align(source: source, target: target).beads
      }
      var scorer: NewsAlignmentScorer?
      let featureSeconds = medianSeconds(runs: 1) {
        scorer = NewsAlignmentScorer(
          source: source, sourceLanguage: .english, target: target, targetLanguage: .indonesian, lexicon: lexicon)
      }
      let searchSeconds = medianSeconds(runs: 1) { _ = SentenceAligner().align(scorer!) }
      // The search alone, without the posteriors and the confidence: what they add.
      let pathSeconds = medianSeconds(runs: 1) { _ = SentenceAligner().path(scorer!, posteriors: false) }
      report([
        "bench": "align", "metric": "speed", "features_seconds": featureSeconds, "search_seconds": searchSeconds,
        "path_only_seconds": pathSeconds,
        "source_sentences": source.count, "target_sentences": target.count,
        "beads": beads.count, "seconds": seconds, "source_sentences_per_s": Double(source.count) / seconds,
        "sentences_per_s": Double(source.count + target.count) / seconds,
      ])
    }
  }
}
