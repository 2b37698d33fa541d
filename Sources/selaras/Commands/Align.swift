import ArgumentParser
import Foundation
import Selaras
import SelarasStore

struct Align: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Align an English article with its Indonesian version, sentence by sentence.",
    discussion: """
      tsv:  one bead per line: source <TAB> target <TAB> score; an empty side is an empty field.
      json: {"source":[…],"target":[…],"beads":[{"source":[0],"target":[0,1],"score":0.93},…]},
            every sentence of both sides in exactly one bead.
      tmx:  TMX 1.4b, one <tu> per bead with both sides non-empty.
      --min-score leaves beads below the score out of tsv, tmx and --save; json always lists them all.
      --save also stores the pairs in the translation memory (--db), with the document and score.
      With --batch DIR, every NAME.en.txt / NAME.id.txt pair in DIR is aligned (tsv or tmx).
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case tsv, json, tmx
  }

  @Argument(help: "The English original (or - for standard input).")
  var source: String?

  @Argument(help: "Its Indonesian version.")
  var target: String?

  @Option(help: "The language of SOURCE.")
  var sourceLang: LanguageTag = .english

  @Option(help: "The language of TARGET.")
  var targetLang: LanguageTag = .indonesian

  @Flag(help: "Each non-empty line is one sentence.")
  var presegmented = false

  @Option(help: "Output format: tsv, json or tmx.")
  var format: Format?

  @Option(help: "Write to FILE instead of standard output.")
  var output: String?

  @Option(help: "Leave beads scoring below X (0…1) out of tsv and tmx.")
  var minScore: Double = 0

  @Option(help: "Align every NAME.en.txt / NAME.id.txt pair in DIR.")
  var batch: String?

  @Flag(help: "With --batch, align once, without the second pass that uses words learned from the batch.")
  var singlePass = false

  @Flag(help: "Also store the pairs in the translation memory.")
  var save = false

  @OptionGroup var store: StoreOptions

  func validate() throws {
    try sourceLang.validateSupported("--source-lang")
    try targetLang.validateSupported("--target-lang")
    guard (0...1).contains(minScore) else {
      throw ValidationError("--min-score must be between 0 and 1")
    }
    if batch != nil {
      guard source == nil && target == nil else {
        throw ValidationError("--batch takes a folder instead of SOURCE and TARGET")
      }
      guard output != nil else { throw ValidationError("--batch needs --output FILE") }
      guard format != .json else { throw ValidationError("--batch writes tsv or tmx") }
    } else {
      guard source != nil, target != nil else { throw ValidationError("give SOURCE and TARGET, or --batch DIR") }
      guard !(source == "-" && target == "-") else { throw ValidationError("only one of SOURCE and TARGET can be -") }
    }
  }

  func run() throws {
    // The glossary (shipped and stored) joins the word list, so that accepted terms anchor
    // the alignment.
    let lexicon = try LoadedGlossary.lexicon(adding: LoadedGlossary.entries(store))
    let aligner = try ArticleAligner(sourceLanguage: sourceLang, targetLanguage: targetLang, lexicon: lexicon)
    var writer = AlignmentOutput(
      format: format ?? (batch == nil ? .tsv : .tmx), minScore: minScore, sourceLanguage: sourceLang,
      targetLanguage: targetLang, file: OutputFile(output))
    var units: [TranslationUnit] = []
    if let batch {
      try alignBatch(batch, aligner: aligner, writer: &writer, units: &units)
    } else {
      let article = try aligner.align(
        source: InputFile.text(source), target: InputFile.text(target), presegmented: presegmented)
      warnIfUnrelated(article, name: "\(source!) and \(target!)")
      writer.begin()
      writer.write(article, name: nil)
      units += memoryUnits(article, document: URL(fileURLWithPath: source!).lastPathComponent)
    }
    try writer.finish()
    if save {
      let summary = try store.database().addUnits(units)
      printError("saved \(summary.added) pairs to the translation memory (\(summary.duplicates) already there)")
    }
  }

  /// The pairs of an article to store, with their provenance.
  private func memoryUnits(_ article: AlignedArticle, document: String) -> [TranslationUnit] {
    article.beads.filter { !$0.isNull && $0.score >= minScore }.map { bead in
      let (source, target) = article.texts(of: bead)
      return TranslationUnit(
        sourceLanguage: sourceLang, targetLanguage: targetLang, source: source, target: target, document: document,
        score: bead.score, creationTool: "Selaras")
    }
  }

  private func alignBatch(
    _ folder: String, aligner: ArticleAligner, writer: inout AlignmentOutput, units: inout [TranslationUnit]
  ) throws {
    guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      throw CommandError("\(folder): no such folder")
    }
    let sourceSuffix = ".\(sourceLang.language).txt"
    let names = files.filter { $0.hasSuffix(sourceSuffix) }.map { String($0.dropLast(sourceSuffix.count)) }.sorted()
      .filter { files.contains("\($0).\(targetLang.language).txt") }
    guard !names.isEmpty else {
      throw CommandError("\(folder): no NAME\(sourceSuffix) / NAME.\(targetLang.language).txt pairs")
    }
    var texts: [(source: [Sentence], target: [Sentence])] = []
    for name in names {
      let base = URL(fileURLWithPath: folder).appendingPathComponent(name).path
      texts.append(
        try aligner.segment(
          source: InputFile.text("\(base)\(sourceSuffix)"), target: InputFile.text("\(base).\(targetLang.language).txt"),
          presegmented: presegmented))
    }
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
      writer.write(article, name: name)
      units += memoryUnits(article, document: name)
    }
  }

  private func warnIfUnrelated(_ article: AlignedArticle, name: String) {
    if let mean = article.meanPairScore, mean < 0.5 {
      printError(
        "warning: \(name): mean bead score \(String(format: "%.2f", mean)); are these texts translations of each other?")
    }
  }
}

/// Renders aligned articles as tsv, json or tmx.
struct AlignmentOutput {
  let format: Align.Format
  let minScore: Double
  let sourceLanguage: LanguageTag
  let targetLanguage: LanguageTag
  var file: OutputFile
  private var tmx: TMXWriter { TMXWriter(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage) }

  init(format: Align.Format, minScore: Double, sourceLanguage: LanguageTag, targetLanguage: LanguageTag, file: OutputFile) {
    self.format = format
    self.minScore = minScore
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.file = file
  }

  mutating func begin() {
    if format == .tmx { file.write(tmx.header()) }
  }

  mutating func write(_ article: AlignedArticle, name: String?) {
    switch format {
    case .tsv:
      for bead in article.beads where bead.score >= minScore {
        let (source, target) = article.texts(of: bead)
        file.write("\(source)\t\(target)\t\(String(format: "%.3f", bead.score))\n")
      }
    case .json:
      let sources = article.source.map(\.text.jsonLiteral).joined(separator: ",")
      let targets = article.target.map(\.text.jsonLiteral).joined(separator: ",")
      let beads = article.beads.map { bead in
        "{\"source\":[\(bead.source.map(String.init).joined(separator: ","))],"
          + "\"target\":[\(bead.target.map(String.init).joined(separator: ","))],"
          + "\"score\":\(String(format: "%.3f", bead.score))}"
      }
      file.write("{\"source\":[\(sources)],\n\"target\":[\(targets)],\n\"beads\":[\n\(beads.joined(separator: ",\n"))\n]}\n")
    case .tmx:
      for bead in article.beads where !bead.isNull && bead.score >= minScore {
        let (source, target) = article.texts(of: bead)
        var properties = [("score", String(format: "%.3f", bead.score))]
        if let name { properties.append(("document", name)) }
        file.write(tmx.unit(TMXUnit(source: source, target: target, properties: properties)))
      }
    }
  }

  mutating func finish() throws {
    if format == .tmx { file.write(tmx.footer()) }
    try file.finish()
  }
}
