import Foundation
import Selaras
import SelarasDevelopment

/// The aligner's development set, read and segmented once: the PUD article pairs of one
/// half, each presegmented (gold sentences) and cut from raw text by the segmenter.
struct DevelopmentSet {
  struct Article {
    var article: DevelopmentArticle
    var goldSource: [Sentence]
    var goldTarget: [Sentence]
    var rawSource: [Sentence]
    var rawTarget: [Sentence]
  }

  var half: ParallelDocuments.Half
  var articles: [Article]

  init(path: String, half: ParallelDocuments.Half, editions: Int = 1, fold: (k: Int, n: Int)? = nil) throws {
    let corpus: ParallelDocuments
    do {
      corpus = try ParallelDocuments(tsv: readText(path))
    } catch let error as DevelopmentSetError {
      throw BenchError("\(path): \(error)")
    }
    let english = try SentenceSegmenter(language: .english)
    let indonesian = try SentenceSegmenter(language: .indonesian)
    self.half = half
    let generated = (0..<editions).flatMap { DevelopmentArticles().articles(from: corpus, half: half, edition: $0, fold: fold) }
    articles = try generated.map { article in
      Article(
        article: article, goldSource: english.presegmented(article.sourceLines.joined(separator: "\n")),
        goldTarget: indonesian.presegmented(article.targetLines.joined(separator: "\n")),
        rawSource: try english.segment(article.sourceText), rawTarget: try indonesian.segment(article.targetText))
    }
  }

  /// Strict and lax scores of `align` on the presegmented articles and on the raw ones.
  func evaluate(_ align: ([Sentence], [Sentence]) -> [Bead]) -> (presegmented: AlignmentEvaluation, raw: AlignmentEvaluation) {
    score(
      presegmented: articles.map { align($0.goldSource, $0.goldTarget) },
      raw: articles.map { align($0.rawSource, $0.rawTarget) })
  }

  /// Strict and lax scores of beads already aligned, one list per article in order: over
  /// the gold sentences, and over the raw text's sentences by the text they cover.
  func score(presegmented: [[Bead]], raw: [[Bead]]) -> (presegmented: AlignmentEvaluation, raw: AlignmentEvaluation) {
    var result = (presegmented: AlignmentEvaluation(), raw: AlignmentEvaluation())
    for (index, item) in articles.enumerated() {
      result.presegmented = result.presegmented + AlignmentEvaluation(predicted: presegmented[index], gold: item.article.gold)
      result.raw =
        result.raw
        + AlignmentEvaluation(
          predicted: raw[index], predictedSource: item.rawSource.map(\.range), predictedTarget: item.rawTarget.map(\.range),
          gold: item.article.gold, goldSource: item.article.sourceRanges, goldTarget: item.article.targetRanges)
    }
    return result
  }

  /// The same articles with each one's Indonesian replaced by the next one's: texts that are
  /// not translations of each other, whose every pair is wrong.
  func mismatched() -> DevelopmentSet {
    var result = self
    for index in articles.indices {
      let next = articles[(index + 1) % articles.count]
      result.articles[index].goldTarget = next.goldTarget
      result.articles[index].rawTarget = next.rawTarget
      result.articles[index].article.gold = []
    }
    return result
  }

  /// Writes each article as Corpora does (`NAME.en.txt`, `.id.txt`, `.en.lines`, `.id.lines`,
  /// `.gold.json`), to look at.
  func write(to directory: String) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for item in articles {
      let article = item.article
      let base = "\(directory)/\(article.name)"
      try article.sourceText.write(toFile: base + ".en.txt", atomically: true, encoding: .utf8)
      try article.targetText.write(toFile: base + ".id.txt", atomically: true, encoding: .utf8)
      try (article.sourceLines.joined(separator: "\n") + "\n").write(toFile: base + ".en.lines", atomically: true, encoding: .utf8)
      try (article.targetLines.joined(separator: "\n") + "\n").write(toFile: base + ".id.lines", atomically: true, encoding: .utf8)
      let gold = article.gold.map { "[\(Array($0.source)),\(Array($0.target))]" }.joined(separator: ",\n ")
      try ("[" + gold + "]\n").write(toFile: base + ".gold.json", atomically: true, encoding: .utf8)
    }
  }
}
