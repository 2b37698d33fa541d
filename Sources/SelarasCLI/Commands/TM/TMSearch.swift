import ArgumentParser
import Selaras

extension TM {
  struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "search",
      abstract: "Find stored segments like TEXT, with match percentages (token Levenshtein).",
      discussion: """
        lines: SCORE%<TAB>source<TAB>target<TAB>origin<TAB>id, best first (the id is what tm delete takes), \
        and a last column when the target is a suggestion: "substituted 6,00→6,25" (the query's numbers, \
        dates, times and weekdays written into the stored target), "not substituted 1.5" (a value it \
        could not carry: the target still holds the stored one there).
        json:  {"matches":[{"score":87, "source":…, "target":…, "origin":…, "id":…, "storedTarget":…, \
        "substituted":[{"from":"6,00", "to":"6,25"}], "unsubstituted":[…]}]} (the last three only when \
        the target is a suggestion)

        Scores: 100 the same segment; 95–99 the same words, other numbers, dates or formatting (quotes, \
        dashes, a final full stop, spacing, case); 94 and below, words differ (token Levenshtein). A \
        story's dateline is not part of the match.

        TEXT is in the store's source language unless --lang names the other. Finding nothing is no \
        error (exit 0): it says so on stderr.

        Examples:
          selaras tm search "Bank Indonesia kept its benchmark rate unchanged"
          selaras tm search "suku bunga acuan" --lang id --min-score 50 --json
        """)

    @Argument(help: "The segment to look for.")
    var text: String

    @OptionGroup var language: LanguageOption

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

    func run() async throws {
      let memory = try await store.memoryToRead()
      let lang = try await language.resolved(store)
      let options = MemorySearchOptions(language: lang, minimumScore: minScore, limit: limit)
      let matches = try await memory.search(text, options: options)
      var standardOutput = StandardOutput()
      if output.json {
        try standardOutput.writeJSON(Output(matches: matches.map(UnitOutput.init)))
      } else {
        for match in matches {
          standardOutput.write("\(match.score)%\t" + UnitOutput(match).line)
        }
      }
      standardOutput.flush()
      if matches.isEmpty {
        printError("no \(lang.name) segment of \(store.name) matches at \(minScore)% or more")
      }
    }
  }
}
