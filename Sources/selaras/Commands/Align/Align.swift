import ArgumentParser
import Foundation
import Selaras

struct Align: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "align",
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

  @OptionGroup var languages: LanguagePairOptions<English, Indonesian>

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
    let aligner = try ArticleAligner(
      sourceLanguage: languages.sourceLang, targetLanguage: languages.targetLang, lexicon: lexicon)
    var writer = AlignmentOutput(
      format: format ?? (batch == nil ? .tsv : .tmx), minScore: minScore, sourceLanguage: languages.sourceLang,
      targetLanguage: languages.targetLang, file: OutputFile(output))
    var units: [TranslationUnit] = []
    if let batch {
      try alignBatch(batch, aligner: aligner, writer: &writer, units: &units)
    } else {
      let article = try aligner.align(
        source: InputFile.text(source), target: InputFile.text(target), presegmented: presegmented)
      warnIfUnrelated(article, name: "\(source!) and \(target!)")
      writer.begin()
      try writer.write(article, name: nil)
      units += article.translationUnits(
        document: URL(fileURLWithPath: source!).lastPathComponent, minimumScore: minScore, sourceLanguage: languages.sourceLang,
        targetLanguage: languages.targetLang)
    }
    try writer.finish()
    if save {
      let summary = try store.memory().addUnits(units)
      printError("saved \(summary.added) pairs to the translation memory (\(summary.duplicates) already there)")
    }
  }

  private func alignBatch(
    _ folder: String, aligner: ArticleAligner, writer: inout AlignmentOutput, units: inout [TranslationUnit]
  ) throws {
    let pairs = ArticlePairFolder(URL(fileURLWithPath: folder))
    let (sourceLang, targetLang) = (languages.sourceLang, languages.targetLang)
    guard let names = try? pairs.names(sourceLang, targetLang) else {
      throw CommandError("\(folder): no such folder")
    }
    guard !names.isEmpty else {
      throw CommandError("\(folder): no NAME.\(sourceLang.language).txt / NAME.\(targetLang.language).txt pairs")
    }
    let texts = try names.map { name in
      try aligner.segment(
        source: InputFile.text(pairs.file(name, sourceLang).path), target: InputFile.text(pairs.file(name, targetLang).path),
        presegmented: presegmented)
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
      try writer.write(article, name: name)
      units += article.translationUnits(
        document: name, minimumScore: minScore, sourceLanguage: languages.sourceLang, targetLanguage: languages.targetLang)
    }
  }

  private func warnIfUnrelated(_ article: AlignedArticle, name: String) {
    if let mean = article.meanPairScore, mean < 0.5 {
      printError(
        "warning: \(name): mean bead score \(String(format: "%.2f", mean)); are these texts translations of each other?")
    }
  }
}
