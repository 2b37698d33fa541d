import ArgumentParser
import Foundation
import Selaras

struct Align: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "align",
    abstract: "Align an English article with its Indonesian version, sentence by sentence.",
    discussion: """
      tsv:  one bead per line: source <TAB> target <TAB> score; an empty side is an empty field.
      json: {"source":[…], "target":[…], "beads":[{"source":[0], "target":[0,1], "score":0.93},…]},
            every sentence of both sides in exactly one bead.
      tmx:  TMX 1.4b, one <tu> per bead with both sides non-empty.

      A pair's score is the probability that the pair is right. An unpaired sentence's score is the \
      probability that it really has no counterpart (an addition, a drop, or page chrome). \
      --min-score leaves pairs scoring below it out of tsv, tmx and --save; unpaired sentences stay \
      in tsv unless --pairs-only; json always lists every bead.

      The direction is the store's (en→id for a new store) unless --source-lang/--target-lang name \
      one. Each side's language is read from its text: a side that reads as the other language is \
      a warning, and with --save an error unless --force.

      --save also stores the pairs in the translation memory (--db), with the document (the file's \
      name without language and extension: economy.en.txt → economy) and score.

      With --batch DIR, every NAME.en.txt / NAME.id.txt pair in DIR (or .html pages) is aligned, \
      tsv with a fourth column naming the document, or tmx; files without their other side, and \
      pairs with an empty side, are reported and skipped. Progress goes to stderr.

      Examples:
        selaras align Corpora/economy-bi-rate.en.txt Corpora/economy-bi-rate.id.txt
        selaras align story.en.txt story.id.txt --format json --output story.json
        selaras align story.en.txt story.id.txt --save --min-score 0.5
        selaras align --batch Corpora --format tmx --output corpora.tmx
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case tsv, json, tmx
  }

  @OptionGroup var pair: ArticlePairOptions

  @Option(help: "Output format: tsv, json or tmx.")
  var format: Format?

  @Flag(help: "The same as --format json.")
  var json = false

  @Option(help: "Write to FILE instead of standard output.")
  var output: String?

  @Option(help: "Leave pairs scoring below X (0…1) out of tsv, tmx and --save.")
  var minScore: Double = 0

  @Flag(help: "Leave unpaired sentences out of tsv (tmx and --save never hold them).")
  var pairsOnly = false

  @Option(help: "Align every NAME.en.txt / NAME.id.txt pair in DIR.")
  var batch: String?

  @Flag(help: "With --batch, align once, without the second pass that uses words learned from the batch.")
  var singlePass = false

  @Flag(help: "Also store the pairs in the translation memory.")
  var save = false

  @Flag(
    inversion: .prefixedNo,
    help: "Use the word translations learned from saved alignments, and with --save, learn from the pairs saved.")
  var learn = true

  @OptionGroup var store: StoreOptions

  func validate() throws {
    guard (0...1).contains(minScore) else {
      throw ValidationError("--min-score must be between 0 and 1")
    }
    if batch != nil {
      guard pair.source == nil && pair.target == nil else {
        throw ValidationError("--batch takes a folder instead of SOURCE and TARGET")
      }
      guard output != nil else { throw ValidationError("--batch needs --output FILE") }
      guard format != .json && !json else { throw ValidationError("--batch writes tsv or tmx") }
    } else {
      guard pair.source != nil, pair.target != nil else {
        throw ValidationError("give SOURCE and TARGET, or --batch DIR")
      }
      guard !(pair.source == "-" && pair.target == "-") else {
        throw ValidationError("only one of SOURCE and TARGET can be -")
      }
    }
  }

  func run() async throws {
    // The glossary (shipped and stored) joins the word list, so that accepted terms anchor
    // the alignment.
    let lexicon = try await LoadedGlossary.lexicon(
      adding: LoadedGlossary.entries(store), learned: learn ? store.learnedTranslations() : [])
    let direction = try await pair.languages.resolved(store)
    let aligner = try pair.aligner(direction, lexicon: lexicon)
    var writer = AlignmentOutput(
      format: json ? .json : format ?? (batch == nil ? .tsv : .tmx), minScore: minScore, pairsOnly: pairsOnly,
      sourceLanguage: direction.source, targetLanguage: direction.target, file: OutputFile(output))
    var units: [TranslationUnit] = []
    var aligned: [AlignedArticle] = []
    if let batch {
      aligned = try await alignBatch(batch, direction: direction, aligner: aligner, writer: &writer, units: &units)
    } else {
      let progress = ProgressNotice("aligning \(pair.source!) with \(pair.target!)")
      let article = try await pair.aligned(by: aligner, saving: save)
      progress.finish()
      aligned = [article]
      warnIfUnrelated(article, name: "\(pair.source!) and \(pair.target!)")
      writer.begin()
      try writer.write(article, name: nil)
      units += article.translationUnits(
        document: ArticlePairFolder.documentName(pair.source!), minimumScore: minScore,
        sourceLanguage: direction.source, targetLanguage: direction.target)
    }
    try writer.finish()
    if save {
      // A pair the memory cannot keep (a control character in the text) is left out, said so.
      let units = units.filter { unit in
        guard let problem = unit.storageProblem else { return true }
        printError("warning: not saved: \(problem): \(unit.source.prefix(60))")
        return false
      }
      let summary = try await store.memory(recording: direction).addUnits(units)
      printError("saved \(summary.added) pairs to \(store.name) (\(summary.duplicates) already there)")
      if learn {
        var learner = LexiconLearner()
        learner.minimumScore = max(minScore, learner.minimumScore)
        learner.sourceIsEnglish = direction.source == .english
        let translations = learner.translations(from: aligned)
        try await store.learnedLexicon().addLearnedTranslations(translations)
        printError("learned \(translations.count) word links from the saved pairs (selaras lexicon list)")
      }
    }
  }

  /// Aligns the batch, writes it, and returns its articles.
  private func alignBatch(
    _ folder: String, direction: LanguagePair, aligner: ArticleAligner, writer: inout AlignmentOutput,
    units: inout [TranslationUnit]
  ) async throws -> [AlignedArticle] {
    let pairs = ArticlePairFolder(URL(fileURLWithPath: folder))
    let (sourceLang, targetLang) = (direction.source, direction.target)
    guard let files = try? pairs.articles(sourceLang, targetLang) else {
      throw CommandError("\(folder): no such folder")
    }
    for file in (try? pairs.unpaired(sourceLang, targetLang)) ?? [] {
      printError("warning: \(folder)/\(file): skipped, its other side is missing")
    }
    guard !files.isEmpty else {
      throw CommandError(
        "\(folder): no NAME.\(sourceLang.language).txt / NAME.\(targetLang.language).txt pairs (or .html pages)")
    }
    var names: [String] = []
    var texts: [(source: [Sentence], target: [Sentence])] = []
    for article in files {
      let (source, target) = (
        try await ArticleInput.text(article.source.path), try await ArticleInput.text(article.target.path)
      )
      if let blank = ArticleInput.blankSide([(source, article.source.path), (target, article.target.path)]) {
        printError("warning: \(blank): skipped, \(ArticleInput.noTextToAlign)")
        continue
      }
      try SideLanguageCheck.check(
        source: source, target: target, names: (article.source.path, article.target.path), direction: direction,
        saving: save, force: pair.force)
      texts.append(try aligner.segment(source: source, target: target, presegmented: pair.presegmented))
      names.append(article.name)
    }
    guard !texts.isEmpty else { throw CommandError("\(folder): every article pair has an empty side") }
    func progress(_ index: Int, _ article: AlignedArticle) {
      printError("[\(index + 1)/\(names.count)] \(names[index]): \(article.beads.count) beads")
    }
    // Two passes unless --single-pass: the second uses the words learned from the first
    // pass's confident beads.
    let articles: [AlignedArticle]
    if singlePass {
      articles = texts.enumerated().map { index, texts in
        let article = aligner.align(source: texts.source, target: texts.target)
        progress(index, article)
        return article
      }
    } else {
      let batch = aligner.alignBatch(texts, firstPass: progress)
      printError("second pass with \(batch.learned.count) word translations learned from the confident beads")
      articles = batch.articles
    }
    writer.begin()
    for (name, article) in zip(names, articles) {
      warnIfUnrelated(article, name: name)
      try writer.write(article, name: name)
      units += article.translationUnits(
        document: name, minimumScore: minScore, sourceLanguage: sourceLang, targetLanguage: targetLang)
    }
    return articles
  }

  private func warnIfUnrelated(_ article: AlignedArticle, name: String) {
    if let mean = article.meanPairScore, mean < 0.5 {
      printError(
        "warning: \(name): mean bead score \(String(format: "%.2f", mean)); are these texts translations of each other?"
      )
    }
  }
}
