import ArgumentParser
import Selaras

extension TM {
  struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "search",
      abstract: "Find stored segments like TEXT, with match percentages (token Levenshtein).",
      discussion: """
        lines: SCORE%<TAB>source<TAB>target<TAB>origin, best first.
        json:  {"matches":[{"score":87,"source":…,"target":…,"origin":…}]}
        """)

    @Argument(help: "The segment to look for.")
    var text: String

    @OptionGroup var language: LanguageOption<English>

    @Option(help: "The lowest match percentage to show.")
    var minScore = 70

    @Option(help: "The most matches to show.")
    var limit = 10

    @OptionGroup var output: JSONOption

    @OptionGroup var store: StoreOptions

    func validate() throws {
      guard (0...100).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 100") }
      guard limit > 0 else { throw ValidationError("--limit must be positive") }
    }

    private struct Output: Encodable {
      var matches: [UnitOutput]
    }

    func run() throws {
      let options = MemorySearchOptions(language: language.lang, minimumScore: minScore, limit: limit)
      let matches = try store.memoryToRead().search(text, options: options)
      var standardOutput = StandardOutput()
      if output.json {
        try standardOutput.writeJSON(Output(matches: matches.map { UnitOutput($0.unit, score: $0.score) }))
      } else {
        for match in matches {
          standardOutput.write("\(match.score)%\t" + UnitOutput(match.unit).line)
        }
      }
      standardOutput.flush()
    }
  }
}
