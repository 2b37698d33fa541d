import ArgumentParser
import Selaras

extension TM {
  struct Concordance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "concordance",
      abstract: "Find stored segments that contain PHRASE, with their translations.",
      discussion: """
        lines: source<TAB>target<TAB>origin<TAB>id. json: {"units":[{"source":…, "target":…, "origin":…, "id":…}]}

        Units closest to the phrase come first (the match score of tm search, the phrase against the \
        segment: the shortest segments holding it, mostly), then the earlier stored.

        PHRASE is in the store's source language unless --lang names the other. Finding nothing is no \
        error (exit 0): it says so on stderr.

        Examples:
          selaras tm concordance "interest rate"
          selaras tm concordance "suku bunga" --lang id --json
        """)

    @Argument(help: "The phrase, matched word for word in order.")
    var phrase: String

    @OptionGroup var language: LanguageOption

    @Option(help: "The most units to show.")
    var limit = 50

    @OptionGroup var output: JSONOption

    @OptionGroup var store: StoreOptions

    private struct Output: Encodable {
      var units: [UnitOutput]
    }

    func run() async throws {
      let memory = try await store.memoryToRead()
      let lang = try await language.resolved(store)
      let units = try await memory.concordance(phrase, language: lang, limit: limit)
      var standardOutput = StandardOutput()
      if output.json {
        try standardOutput.writeJSON(Output(units: units.map { UnitOutput($0.unit, id: $0.id) }))
      } else {
        for unit in units {
          standardOutput.write(UnitOutput(unit.unit, id: unit.id).line)
        }
      }
      standardOutput.flush()
      if units.isEmpty { printError("no \(lang.name) segment of \(store.name) holds '\(phrase)'") }
    }
  }
}
