import Foundation
import SelarasTestSupport
import Selaras
import Testing

@Suite("Word translations learned from a batch")
struct LexiconLearnerTests {
  /// The Corpora pairs, cut from raw text.
  static let texts: [(source: [Sentence], target: [Sentence])] = {
    let aligner = try! ArticleAligner(lexicon: Lexicon())
    return Corpora.articles.map { name in
      let english = try! String(
        contentsOf: Corpora.folder.file(name, .english), encoding: .utf8)
      let indonesian = try! String(
        contentsOf: Corpora.folder.file(name, .indonesian), encoding: .utf8)
      return try! aligner.segment(source: english, target: indonesian)
    }
  }()

  @Test("IBM Model 1 over the confident beads finds news words an aligner without a lexicon lacked")
  func learnsFromCorpora() throws {
    let aligner = try ArticleAligner(lexicon: Lexicon())
    let articles = Self.texts.map { aligner.align(source: $0.source, target: $0.target) }
    let learned = LexiconLearner().learn(from: articles)
    #expect(learned.translations["juta"] == ["million"])
    #expect(learned.translations["pendaki"] == ["climbers"])
    #expect(learned.translations["tahun"] == ["year"])
    // Names and loanwords spelled alike are matched already and never learned.
    #expect(learned.translations.allSatisfy { word, english in !english.contains(word) })
    // Only confident beads teach: with a floor no bead reaches, nothing is learned.
    var strict = LexiconLearner()
    strict.minimumScore = 1.01
    #expect(strict.learn(from: articles).count == 0)
  }

  @Test("The second pass of a batch uses what the first learned: its pairs score higher, and it aligns no worse")
  func secondPass() throws {
    let aligner = try ArticleAligner(lexicon: Lexicon())
    let first = Self.texts.map { aligner.align(source: $0.source, target: $0.target) }
    let batch = aligner.alignBatch(Self.texts)
    #expect(batch.learned.count > 0)
    let firstMean = first.compactMap(\.meanPairScore).reduce(0, +)
    let secondMean = batch.articles.compactMap(\.meanPairScore).reduce(0, +)
    #expect(secondMean > firstMean)
  }
}
