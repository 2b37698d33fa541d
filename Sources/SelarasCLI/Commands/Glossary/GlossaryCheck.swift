import ArgumentParser
import Foundation
import Selaras

extension Glossary {
  struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract:
        "List aligned pairs whose translation ignores the glossary (a term without its translation, or a forbidden one).",
      discussion: """
        lines: ORIGIN<TAB>KIND<TAB>found<TAB>expected<TAB>used, KIND missing or forbidden; a count on stderr.
        json:  {"issues":[{"kind":"missing", "found":…, "lang":…, "expected":…, "used":null, "pair":{…}}]}

        Each glossary term in a pair's source needs one of its translations in the target. The check \
        uses the glossary store — the project's terms, as added, imported or accepted from extract; \
        --with-shipped adds the shipped general glossary, whose everyday words flag paraphrases too.

        Examples:
          selaras glossary check story.json
          selaras glossary check --tm --json
        """)

    @OptionGroup var pairs: PairSource

    @Flag(help: "Check against the shipped glossary too, not only the store.")
    var withShipped = false

    @OptionGroup var output: JSONOption

    @OptionGroup var store: StoreOptions

    private struct Output: Encodable {
      var issues: [Issue]

      struct Issue: Encodable {
        var kind: String
        var found: String
        var lang: String
        var expected: String
        var used: Nullable<String>
        var pair: PairOutput
      }

      /// The language data the run used.
      var resources = MachineResources.forMatching
    }

    func run() async throws {
      let glossary = try await LoadedGlossary.load(store, shipped: withShipped)
      guard !glossary.entries.isEmpty else {
        throw CommandError(
          "the glossary store is empty: add terms (glossary add, import, extract --accept) or pass --with-shipped")
      }
      let checker = TermChecker(glossary: glossary.matcher)
      let pairs = try await pairs.pairs(store)
      let issues = pairs.flatMap { pair in checker.issues(in: pair).map { (pair, $0) } }
      var standardOutput = StandardOutput()
      if output.json {
        let items = issues.map { pair, issue in
          Output.Issue(
            kind: issue.kind.rawValue, found: issue.found, lang: issue.foundLanguage.rawValue, expected: issue.expected,
            used: Nullable(issue.used), pair: PairOutput(pair))
        }
        try standardOutput.writeJSON(Output(issues: items), layout: .itemsOnLines)
      } else {
        for (pair, issue) in issues {
          standardOutput.write(
            "\(pair.origin)\t\(issue.kind.rawValue)\t\(issue.found)\t\(issue.expected)\t\(issue.used ?? "")\n")
        }
      }
      standardOutput.flush()
      printError("\(issues.count) issue\(issues.count == 1 ? "" : "s") in \(pairs.count) pairs")
    }
  }
}
