import Foundation
import SelarasTestSupport
import Selaras
import SelarasDevelopment
import Testing

@Suite("The aligner's development set and fit")
struct DevelopmentSetTests {
  static let corpus: ParallelDocuments = {
    let url = Corpora.folder.url.appendingPathComponent("PUD/pud.en-id.tsv")
    return try! ParallelDocuments(tsv: String(contentsOf: url, encoding: .utf8))
  }()

  @Test("The PUD pairs group into documents, split by document into halves that share none")
  func halves() {
    let fit = Set(Self.corpus.half(.fit).map(\.id))
    let test = Set(Self.corpus.half(.test).map(\.id))
    #expect(fit.count + test.count == Self.corpus.documents.count)
    #expect(fit.isDisjoint(with: test))
    #expect(Self.corpus.documents.flatMap(\.pairs).count == 1000)
    #expect(fit.contains("n01001") && test.contains("n01002"))
  }

  @Test("A malformed line is reported with its number")
  func malformed() {
    #expect(throws: DevelopmentSetError.malformedLine(3)) {
      try ParallelDocuments(tsv: "sent_id\ten\tid\nn01001011\tA.\tB.\nn01001012\tonly two fields\n")
    }
  }

  @Test("Articles come out the same every time, with gold beads covering every sentence once, in order")
  func articles() {
    let first = DevelopmentArticles().articles(from: Self.corpus, half: .fit)
    let second = DevelopmentArticles().articles(from: Self.corpus, half: .fit)
    #expect(first.map(\.sourceText) == second.map(\.sourceText))
    #expect(first.map(\.targetText) == second.map(\.targetText))
    #expect(first.count >= 40)
    var shapes: Set<String> = []
    for article in first {
      #expect(article.gold.flatMap(\.source) == Array(article.sourceLines.indices))
      #expect(article.gold.flatMap(\.target) == Array(article.targetLines.indices))
      for (line, range) in zip(article.sourceLines, article.sourceRanges) {
        #expect(String(decoding: Array(article.sourceText.utf8)[range], as: UTF8.self) == line)
      }
      shapes.formUnion(article.gold.map { "\($0.source.count)-\($0.target.count)" })
    }
    // The common edits show up in one edition (2-2 and 1-3 need a clause boundary in the
    // right place and are rare).
    #expect(shapes.isSuperset(of: ["1-1", "1-0", "0-1", "2-1", "1-2"]))
  }

  @Test("The weight search is deterministic: the same data gives the same weights")
  func deterministicFit() throws {
    let articles = Array(DevelopmentArticles().articles(from: Self.corpus, half: .fit).prefix(2))
    let english = try SentenceSegmenter(language: .english)
    let indonesian = try SentenceSegmenter(language: .indonesian)
    func objective(_ weights: NewsAlignmentScorer.Weights) -> Double {
      var evaluation = AlignmentEvaluation()
      for article in articles {
        let scorer = NewsAlignmentScorer(
          source: english.presegmented(article.sourceLines.joined(separator: "\n")), sourceLanguage: .english,
          target: indonesian.presegmented(article.targetLines.joined(separator: "\n")), targetLanguage: .indonesian,
          weights: weights)
        evaluation = evaluation + AlignmentEvaluation(predicted: SentenceAligner().align(scorer), gold: article.gold)
      }
      return evaluation.strict.f1
    }
    var search = WeightSearch()
    search.passes = 1
    search.steps = [0.5, 2]
    let first = search.fit(from: NewsAlignmentScorer.Weights(), objective: objective)
    let second = search.fit(from: NewsAlignmentScorer.Weights(), objective: objective)
    #expect(first.weights == second.weights)
    #expect(first.changes == second.changes)
    #expect(first.score >= objective(NewsAlignmentScorer.Weights()))
  }

  @Test("Logistic regression finds the direction of the evidence, and gives the same coefficients twice")
  func logisticRegression() {
    // Right when the feature is high, with some noise either way.
    let xs = (0..<200).map { Double($0) / 200 }
    let rows = xs.map { [1, $0] }
    let labels = xs.enumerated().map { index, x in index % 10 == 0 ? x < 0.5 : x >= 0.5 }
    let beta = LogisticRegression.fit(rows: rows, labels: labels)
    #expect(beta == LogisticRegression.fit(rows: rows, labels: labels))
    #expect(beta[1] > 3)
    let midpoint = -beta[0] / beta[1]
    #expect(abs(midpoint - 0.5) < 0.05)
  }

  @Test("Logistic regression over a fixed offset fits only what the offset leaves")
  func logisticRegressionWithOffsets() {
    // Outcomes drawn deterministically with logit 1 + 4x: with 1 as an offset the one
    // coefficient left comes out near 4; without it, it has to stand in for the intercept.
    let xs = (0..<2000).map { Double($0 % 200) / 100 - 1 }
    let labels = xs.enumerated().map { index, x in
      Double((index * 7919) % 1000) / 1000 < 1 / (1 + exp(-(1 + 4 * x)))
    }
    let rows = xs.map { [$0] }
    let withOffset = LogisticRegression.fit(rows: rows, labels: labels, offsets: Array(repeating: 1, count: xs.count))
    #expect(abs(withOffset[0] - 4) < 0.5)
    let withoutOffset = LogisticRegression.fit(rows: rows, labels: labels)
    #expect(abs(withoutOffset[0] - 4) > abs(withOffset[0] - 4))
  }

  @Test("Calibration error is zero when probabilities match outcomes and large when they do not")
  func calibrationReport() {
    let outcomes = (0..<100).map { $0 % 5 != 0 }
    let matched = CalibrationReport(probabilities: Array(repeating: 0.8, count: 100), outcomes: outcomes)
    #expect(abs(matched.expectedCalibrationError) < 1e-9)
    let overconfident = CalibrationReport(probabilities: Array(repeating: 0.99, count: 100), outcomes: outcomes)
    #expect(abs(overconfident.expectedCalibrationError - 0.19) < 1e-9)
    #expect(overconfident.precisionAtLeast09 == 0.8)
  }

  @Test("The shipped model file decodes and is what the aligner uses")
  func shippedModel() throws {
    let model = try #require(AlignmentModel.bundled)
    #expect(NewsAlignmentScorer.Weights.fitted == model.weights)
    #expect(BeadCalibration.fitted == model.calibration)
    #expect(model.command.contains("selaras-bench align-fit"))
    let pair = BeadFeatures.pair(
      length: 0.5, numberMismatches: 1, extraSentences: 0, isHeadline: false, neighbour: 0, margin: 1, poorText: 0.25,
      posterior: 1, unpairedShare: 0, leastCovered: 0.5, joinable: 0)
    #expect(pair.values[BeadFeatures.pairNumberMismatches] == 1 && pair.values[BeadFeatures.pairPoorText] == 0.25)
    let null = BeadFeatures.null(resemblance: 0, neverPairs: 0, soft: 0, posterior: 1, unpairedShare: 0)
    #expect(model.calibration.pair.count == pair.values.count && model.calibration.null.count == null.values.count)
  }
}
