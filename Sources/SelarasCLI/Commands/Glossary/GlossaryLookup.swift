import ArgumentParser
import Foundation
import Selaras

extension Glossary {
  struct Lookup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lookup",
      abstract: "Find the entries for a term, in either language, inflected forms and acronyms included.",
      discussion: """
        lines: per entry, its terms a line per language, its note, and `from: store|shipped`;
               the store's entries (added, imported, accepted) first.
        json: {"query":…, "entries":[{"terms":[{"text":…, "lang":…, "status":…}], "note":…, "origin":"store"|"shipped"}]}

        Finding nothing is no error (exit 0): it says so on stderr, and json has no entries.

        Examples:
          selaras glossary lookup Kemenlu
          selaras glossary lookup "kamikaze drones" --lang en --json
        """)

    @Argument(help: "The term: `Kemenlu`, `kementerian luar negeri`, `drone-drone kamikaze`.")
    var term: String

    @Option(help: "Only match terms in this language (id or en).")
    var lang: LanguageTag?

    @OptionGroup var output: JSONOption

    @OptionGroup var store: StoreOptions

    func validate() throws {
      try lang?.validateSupported("--lang")
    }

    private struct Output: Encodable {
      var query: String
      var entries: [GlossaryEntryAnswer]
      /// The language data the run used.
      var resources = MachineResources.forMatching
    }

    func run() async throws {
      let glossary = try await LoadedGlossary.load(store)
      let found = glossary.matcher.lookup(term, language: lang)
      var standardOutput = StandardOutput()
      if output.json {
        try standardOutput.writeJSON(Output(query: term, entries: found.map(glossary.answer)))
      } else {
        standardOutput.write(
          found.map { glossary.entries[$0].text + "\nfrom: \(glossary.origins[$0].rawValue)" }.joined(separator: "\n\n")
            + (found.isEmpty ? "" : "\n"))
      }
      standardOutput.flush()
      if found.isEmpty {
        printError("no glossary entry matches '\(term)'")
      }
    }
  }
}
