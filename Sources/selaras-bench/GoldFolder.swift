import Foundation
import Selaras
import SelarasDevelopment

/// The article pairs of a Corpora-style folder with their gold (`NAME.en.lines`,
/// `NAME.id.lines`, `NAME.gold.json`, and the raw `NAME.en.txt`, `NAME.id.txt`), read and
/// segmented once: what `align-fit` fits on beside PUD, and what `align --corpora` scores.
struct GoldFolder {
  struct Article {
    var name: String
    var gold: [Bead]
    var goldSource: [Sentence]
    var goldTarget: [Sentence]
    /// The raw texts cut by the segmenter, when it cuts them as the gold does (nil when not:
    /// the raw score counts only those, since the gold beads are over the gold's sentences).
    var raw: (source: [Sentence], target: [Sentence])?
  }

  var articles: [Article]

  init(path: String) throws {
    let english = try SentenceSegmenter(language: .english)
    let indonesian = try SentenceSegmenter(language: .indonesian)
    let folder = corporaFolder(path)
    articles = try corpusNames(in: path).map { name in
      let source = english.presegmented(try readText(folder.file(name, .english, .lines).path))
      let target = indonesian.presegmented(try readText(folder.file(name, .indonesian, .lines).path))
      let rawSource = try english.segment(readText(folder.file(name, .english).path))
      let rawTarget = try indonesian.segment(readText(folder.file(name, .indonesian).path))
      let sameCut = rawSource.map(\.text) == source.map(\.text) && rawTarget.map(\.text) == target.map(\.text)
      return Article(
        name: name, gold: try folder.goldBeads(name), goldSource: source, goldTarget: target,
        raw: sameCut ? (rawSource, rawTarget) : nil)
    }
  }

  private init(articles: [Article]) {
    self.articles = articles
  }

  /// Every other article, from the `k`th: one of two folds, for fitting on one and
  /// calibrating on the other.
  func fold(_ k: Int) -> GoldFolder {
    GoldFolder(articles: articles.enumerated().filter { $0.offset % 2 == k }.map(\.element))
  }

  /// Strict and lax scores of `align` on the presegmented articles and on the raw ones.
  func evaluate(_ align: ([Sentence], [Sentence]) -> [Bead]) -> (presegmented: AlignmentEvaluation, raw: AlignmentEvaluation) {
    var result = (presegmented: AlignmentEvaluation(), raw: AlignmentEvaluation())
    for article in articles {
      result.presegmented = result.presegmented
        + AlignmentEvaluation(predicted: align(article.goldSource, article.goldTarget), gold: article.gold)
      if let raw = article.raw {
        result.raw = result.raw + AlignmentEvaluation(predicted: align(raw.source, raw.target), gold: article.gold)
      }
    }
    return result
  }
}
