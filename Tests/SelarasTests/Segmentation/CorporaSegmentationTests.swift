import Foundation
import SelarasTestSupport
import Selaras
import Testing

/// Scores the segmenter against the gold segmentation of every article in Corpora/.
@Suite("Corpora gold segmentation")
struct CorporaSegmentationTests {
  @Test("Boundary F1 ≥ 0.995 on the Corpora gold", arguments: ["id", "en"])
  func corporaF1(language: String) throws {
    #expect(Corpora.articles.count >= 8)
    let segmenter = try SentenceSegmenter(language: LanguageTag(language))
    var score = BoundaryScore()
    for name in Corpora.articles {
      let text = try String(contentsOf: Corpora.folder.file(name, LanguageTag(language)), encoding: .utf8)
      let gold = try String(contentsOf: Corpora.folder.file(name, LanguageTag(language), .lines), encoding: .utf8)
        .split(separator: "\n").map(String.init)
      score = score + BoundaryScore(predicted: try segmenter.segment(text).map(\.text), gold: gold)
    }
    #expect(score.f1 >= 0.995, "F1 \(score.f1): \(score)")
  }
}
