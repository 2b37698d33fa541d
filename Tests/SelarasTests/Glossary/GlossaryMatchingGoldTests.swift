import Foundation
import Selaras
import SelarasDevelopment
import SelarasTestSupport
import Testing

/// Glossary matching against the matching gold: words from the UD Indonesian treebanks and
/// terms that must, or must not, match them (Corpora/GlossaryMatching/SOURCE.md).
@Suite("Glossary matching gold")
struct GlossaryMatchingGoldTests {
  static let file = Corpora.root.appendingPathComponent("Corpora/GlossaryMatching/matching-gold.tsv")

  @Test("Precision ≥ 0.99 and recall ≥ 0.95 on 300+ balanced cases, with and without Hunspell roots")
  func floor() throws {
    let cases = try MatchingEvaluation.cases(String(contentsOf: Self.file, encoding: .utf8), file: Self.file.path)
    #expect(cases.count >= 300)
    let positives = cases.filter(\.mustMatch).count
    #expect(abs(positives - (cases.count - positives)) <= cases.count / 10, "must-match and must-not cases in balance")
    for resources in [LanguageResources.none, LanguageResources.installed()] {
      let evaluation = MatchingEvaluation(cases, morphology: try resources.morphology())
      #expect(evaluation.precision >= 0.99, "\(resources): \(evaluation.failures.filter { !$0.mustMatch }.prefix(5))")
      #expect(evaluation.recall >= 0.95, "\(resources): \(evaluation.failures.filter(\.mustMatch).prefix(5))")
    }
  }
}
