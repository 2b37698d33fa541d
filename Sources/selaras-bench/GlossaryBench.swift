import ArgumentParser
import Foundation
import Selaras
import SelarasDevelopment

struct GlossaryBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "glossary",
    abstract: "Lookup latency and scan throughput with a large generated glossary.")

  @Option(help: "The Corpora folder (its Indonesian texts are scanned).")
  var corpora = "Corpora"

  @Option(help: "The shipped glossary, added to the generated terms.")
  var glossary = "Glossaries/news-id-en.tsv"

  @Option(help: "How many generated concepts to add.")
  var terms = 100_000

  @Option(help: "Megabytes of article text to scan.")
  var megabytes = 1

  @Option(help: "The matching gold: a word, a term, and whether the term must match it.")
  var matchingGold = "Corpora/GlossaryMatching/matching-gold.tsv"

  @Flag(help: "Print each matching case decided wrongly, on stderr.")
  var showErrors = false

  func run() throws {
    try measureMatching()
    var entries = try TSVGlossaryReader.entries(readText(glossary), file: glossary).entries
    let shipped = entries.count
    // Made-up Indonesian-looking terms of one to three words (syllables from a fixed list,
    // a fixed seed), each with a made-up English side.
    var generator = SplitMix64(seed: 42)
    let syllables = ["ba", "da", "ka", "la", "ma", "na", "pa", "ra", "sa", "ta", "ri", "ku", "ne", "po", "gi", "ju"]
    func word() -> String {
      (0..<Int.random(in: 2...4, using: &generator)).map { _ in syllables.randomElement(using: &generator)! }.joined()
    }
    // Each Indonesian term once: a glossary does not hold the same term in a hundred concepts,
    // and matching reports every entry that has the term at a place.
    var made = Set(entries.flatMap { $0.terms.map { $0.text.lowercased() } })
    while entries.count - shipped < terms {
      let indonesian = (0..<Int.random(in: 1...3, using: &generator)).map { _ in word() }.joined(separator: " ")
      guard made.insert(indonesian).inserted else { continue }
      entries.append(TermEntry(terms: [Term(indonesian, language: .indonesian), Term("x" + word(), language: .english)]))
    }
    let morphology = try LanguageResources.installed().morphology()
    var matcher: GlossaryMatcher?
    let buildSeconds = medianSeconds(runs: 1) { matcher = GlossaryMatcher(entries: entries, morphology: morphology) }
    let queries = ["Kemenlu", "kementerian luar negeri", "drone-drone kamikaze", "memperkuat", "kemitraannya", "pemerintah"]
      + entries.dropFirst(shipped).prefix(994).map { $0.terms[0].text }
    var latencies: [Double] = []
    var found = 0
    for query in queries {
      var result: [Int] = []
      latencies.append(medianSeconds(runs: 1) { result = matcher!.lookup(query, language: .indonesian) })
      found += result.isEmpty ? 0 : 1
    }
    latencies.sort()
    report([
      "bench": "glossary", "metric": "lookup", "concepts": entries.count, "index_seconds": buildSeconds,
      "queries": queries.count, "found": found, "p50_ms": latencies[latencies.count / 2] * 1000,
      "p95_ms": latencies[latencies.count * 95 / 100] * 1000,
    ])
    var articles: [String] = []
    for name in try corpusNames(in: corpora) {
      articles.append(try readText(corporaFolder(corpora).file(name, .indonesian).path))
    }
    var collection: [String] = []
    var total = 0
    while total < megabytes * 1_000_000 {
      let article = articles[collection.count % articles.count]
      collection.append(article)
      total += article.utf8.count
    }
    var matches = 0
    let seconds = medianSeconds(runs: 3) {
      matches = collection.reduce(0) { $0 + matcher!.matches(in: $1, language: .indonesian).count }
    }
    report([
      "bench": "glossary", "metric": "scan", "concepts": entries.count, "megabytes": Double(total) / 1e6,
      "matches": matches, "seconds": seconds, "mb_per_s": Double(total) / 1e6 / seconds,
    ])
  }

  /// Precision and recall of matching on the gold cases, with the machine's Hunspell roots
  /// and without, overall and per kind of case.
  private func measureMatching() throws {
    let cases = try MatchingEvaluation.cases(readText(matchingGold), file: matchingGold)
    for (name, resources) in [("installed", LanguageResources.installed()), ("none", LanguageResources.none)] {
      let evaluation = MatchingEvaluation(cases, morphology: try resources.morphology())
      report([
        "bench": "glossary", "metric": "matching", "resources": name, "cases": cases.count,
        "precision": evaluation.precision, "recall": evaluation.recall,
        "false_matches": evaluation.falsePositives, "missed": evaluation.falseNegatives,
      ])
      if showErrors {
        for failure in evaluation.failures {
          FileHandle.standardError.write(
            Data("\(name)\t\(failure.mustMatch ? "missed" : "false match")\t\(failure.word)\t\(failure.term)\t\(failure.kind)\n".utf8))
        }
      }
    }
  }

}

/// A small, seeded random number generator, so that generated data is the same every run.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
