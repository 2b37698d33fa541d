import ArgumentParser
import Foundation
import Selaras

extension LexiconCommand {
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "Print the learned word translations that alignments use.",
      discussion: """
        lines: indonesian <TAB> english <TAB> count, sorted by the Indonesian word.
        json: {"translations":[{"indonesian":"kereta", "english":"train", "count":4.7, "used":true},…]}

        Examples:
          selaras lexicon list --all | grep -w kereta
          selaras lexicon list --json
        """)

    @Flag(help: "Also list the pairs not linked often enough to be used yet.")
    var all = false

    @OptionGroup var output: JSONOption

    @OptionGroup var store: StoreOptions

    private struct Output: Encodable {
      var translations: [LearnedWord]
    }

    func run() async throws {
      let words = try await LexiconCommand.learned(store).filter { all || $0.used }
      var standardOutput = StandardOutput()
      if output.json {
        try standardOutput.writeJSON(Output(translations: words))
      } else {
        for word in words {
          standardOutput.write("\(word.indonesian)\t\(word.english)\t\(String(format: "%.1f", word.count))\n")
        }
      }
      standardOutput.flush()
    }
  }
}
