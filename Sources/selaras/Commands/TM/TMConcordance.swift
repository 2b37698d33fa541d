import ArgumentParser
import Selaras

extension TM {
  struct Concordance: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "concordance",
      abstract: "Find stored segments that contain PHRASE, with their translations.",
      discussion: "lines: source<TAB>target<TAB>origin. json: {\"units\":[{\"source\":…,\"target\":…,\"origin\":…}]}")

    @Argument(help: "The phrase, matched word for word in order.")
    var phrase: String

    @OptionGroup var language: LanguageOption<Indonesian>

    @Option(help: "The most units to show.")
    var limit = 50

    @OptionGroup var output: JSONOption

    @OptionGroup var store: StoreOptions

    private struct Output: Encodable {
      var units: [UnitOutput]
    }

    func run() throws {
      let units = try store.memoryToRead().concordance(phrase, language: language.lang, limit: limit)
      var standardOutput = StandardOutput()
      if output.json {
        try standardOutput.writeJSON(Output(units: units.map { UnitOutput($0) }))
      } else {
        for unit in units {
          standardOutput.write(UnitOutput(unit).line)
        }
      }
      standardOutput.flush()
    }
  }
}
