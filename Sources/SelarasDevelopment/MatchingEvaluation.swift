import Foundation
import Selaras

/// Glossary matching scored against cases of a word and a term that must, or must not,
/// match (`Corpora/GlossaryMatching/matching-gold.tsv`).
public struct MatchingEvaluation: Sendable, Codable {
  public struct Case: Hashable, Sendable, Codable {
    public var word: String
    public var term: String
    public var mustMatch: Bool
    public var kind: String
  }

  public var truePositives = 0
  public var falsePositives = 0
  public var falseNegatives = 0
  public var trueNegatives = 0
  /// The cases decided wrongly.
  public var failures: [Case] = []

  public var precision: Double {
    truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
  }

  public var recall: Double {
    truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
  }

  /// The cases of a gold file: `word<TAB>term<TAB>1|0<TAB>kind`, `#` lines aside.
  public static func cases(_ text: String, file: String) throws -> [Case] {
    try text.split(separator: "\n").enumerated().compactMap { number, line in
      guard !line.hasPrefix("#"), !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count >= 3, fields[2] == "1" || fields[2] == "0" else {
        throw GlossaryFormatError.missingColumn(file: file, line: number + 1)
      }
      return Case(
        word: fields[0], term: fields[1], mustMatch: fields[2] == "1", kind: fields.count > 3 ? fields[3] : "")
    }
  }

  /// Decides every case: does an Indonesian glossary term written as the case's term match
  /// the whole word, with `morphology`?
  public init(_ cases: [Case], morphology: IndonesianMorphology) {
    for item in cases {
      let entry = TermEntry(terms: [Term(item.term, language: .indonesian), Term("term", language: .english)])
      let matcher = GlossaryMatcher(entries: [entry], morphology: morphology)
      let matched = matcher.matches(in: item.word, language: .indonesian).contains {
        $0.range == 0..<item.word.utf8.count
      }
      switch (item.mustMatch, matched) {
      case (true, true): truePositives += 1
      case (false, true): falsePositives += 1; failures.append(item)
      case (true, false): falseNegatives += 1; failures.append(item)
      case (false, false): trueNegatives += 1
      }
    }
  }
}
