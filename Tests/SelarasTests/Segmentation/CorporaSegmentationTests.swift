import Foundation
import Selaras
import Testing

/// Scores the segmenter against the gold segmentation of every article in Corpora/.
@Suite("Corpora gold segmentation")
struct CorporaSegmentationTests {
  static let corpora = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Corpora")

  static var articles: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: corpora.path)) ?? []
    return names.filter { $0.hasSuffix(".gold.json") }.map { String($0.dropLast(".gold.json".count)) }.sorted()
  }

  @Test("Boundary F1 ≥ 0.995 on the Corpora gold", arguments: ["id", "en"])
  func corporaF1(language: String) throws {
    #expect(Self.articles.count >= 8)
    let segmenter = try SentenceSegmenter(language: LanguageTag(language))
    var score = BoundaryScore()
    for name in Self.articles {
      let text = try String(contentsOf: Self.corpora.appendingPathComponent("\(name).\(language).txt"), encoding: .utf8)
      let gold = try String(contentsOf: Self.corpora.appendingPathComponent("\(name).\(language).lines"), encoding: .utf8)
        .split(separator: "\n").map(String.init)
      score = score + BoundaryScore(predicted: try segmenter.segment(text).map(\.text), gold: gold)
    }
    #expect(score.f1 >= 0.995, "F1 \(score.f1): \(score)")
  }
}
