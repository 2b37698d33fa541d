import ArgumentParser
import Foundation
import Selaras

extension Glossary {
  struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "extract",
      abstract: "Propose glossary entries from aligned pairs: defined acronyms, and phrases that translate each other.",
      discussion: """
        lines: RANK<TAB>KIND<TAB>id terms<TAB>en terms<TAB>COUNT<TAB>SCORE<TAB>known|new<TAB>example origin
               (terms joined by "; ").
        json:  {"candidates":[{"rank":1, "kind":"acronym", "id":[…], "en":[…], "count":2, "score":2.0,
                "known":false,"example":{"source":…,"target":…,"origin":…}}]}

        `known` marks what the glossary (shipped or stored) already has; --new-only leaves it out. \
        --accept adds the chosen ranks to the store, the first term of each language preferred, \
        with the example's origin as the source.

        Examples:
          selaras glossary extract story.json --new-only
          selaras glossary extract --tm --min-count 3 --accept 1,2,5
        """)

    @OptionGroup var pairs: PairSource

    @Option(help: "Leave out candidates seen in fewer aligned pairs.")
    var minCount = 1

    @Option(help: "Show at most this many phrase candidates (acronyms are always all shown).")
    var top = 50

    @Option(help: "Ranks to add to the glossary store, comma-separated, or `all`.")
    var accept: String?

    @Flag(help: "Leave out candidates the glossary already has.")
    var newOnly = false

    @OptionGroup var output: JSONOption

    @OptionGroup var store: StoreOptions

    func validate() throws {
      guard minCount >= 1 else { throw ValidationError("--min-count must be at least 1") }
      if let accept, accept != "all", accept.split(separator: ",").contains(where: { Int($0) == nil }) {
        throw ValidationError("--accept takes ranks such as 1,3,4 or `all`")
      }
    }

    private struct Output: Encodable {
      var candidates: [Candidate]

      struct Candidate: Encodable {
        var rank: Int
        var kind: String
        var id: [String]
        var en: [String]
        var count: Int
        var score: DecimalNumber
        var known: Bool
        var example: PairOutput
      }

      /// The language data the run used.
      var resources = MachineResources.installed
    }

    func run() async throws {
      let glossary = try await LoadedGlossary.load(store)
      let lexicon = try LoadedGlossary.lexicon(adding: glossary.shippedFirst)
      let extractor = TermExtractor(lexicon: lexicon, minimumCount: minCount, glossary: glossary.matcher)
      let stored = try await pairs.pairs(store)
      let candidates = TermCandidate.shortlist(extractor.candidates(stored), phraseLimit: top, newOnly: newOnly)
      var standardOutput = StandardOutput()
      if output.json {
        let items = candidates.enumerated().map { index, candidate in
          Output.Candidate(
            rank: index + 1, kind: candidate.kind.rawValue, id: candidate.indonesian, en: candidate.english,
            count: candidate.count, score: DecimalNumber(candidate.score), known: candidate.isKnown,
            example: PairOutput(candidate.example))
        }
        try standardOutput.writeJSON(Output(candidates: items), layout: .itemsOnLines)
      } else {
        for (index, candidate) in candidates.enumerated() {
          standardOutput.write(
            "\(index + 1)\t\(candidate.kind.rawValue)\t\(candidate.indonesian.joined(separator: "; "))\t"
              + "\(candidate.english.joined(separator: "; "))\t\(candidate.count)\t"
              + "\(DecimalNumber(candidate.score).literal)\t\(candidate.isKnown ? "known" : "new")\t"
              + "\(candidate.example.origin)\n")
        }
      }
      standardOutput.flush()
      guard let accept else { return }
      let ranks =
        accept == "all" ? Array(candidates.indices) : accept.split(separator: ",").compactMap { Int($0) }.map { $0 - 1 }
      if let bad = ranks.first(where: { !candidates.indices.contains($0) }) {
        throw CommandError("--accept: there is no candidate \(bad + 1)")
      }
      let entries = ranks.compactMap { candidates[$0].glossaryEntry() }
      let summary = try await store.glossary().addGlossaryEntries(entries, source: "selaras glossary extract")
      printError("\(summary.added) entries added, \(summary.extended) extended, \(summary.unchanged) already there")
    }
  }
}
