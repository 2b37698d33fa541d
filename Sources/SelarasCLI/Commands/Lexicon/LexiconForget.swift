import ArgumentParser
import Foundation
import Selaras

extension LexiconCommand {
  struct Forget: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "forget",
      abstract: "Forget what was learned for an Indonesian word, or everything.",
      discussion: """
        Examples:
          selaras lexicon forget kereta
          selaras lexicon forget --all --json
        """)

    @Argument(help: "The Indonesian word whose learned translations to forget.")
    var word: String?

    @Flag(help: "Forget every learned translation.")
    var all = false

    @OptionGroup var output: JSONOption

    @OptionGroup var store: StoreOptions

    func validate() throws {
      guard (word == nil) != !all else { throw ValidationError("give a WORD or --all") }
    }

    private struct Output: Encodable {
      var forgotten: Int
    }

    func run() async throws {
      // Nothing to forget without a store, and no store made to forget nothing in.
      let forgotten =
        try await store.existingLearnedLexicon() == nil
        ? 0 : store.learnedLexiconToChange().forgetLearnedTranslations(indonesian: word)
      var standardOutput = StandardOutput()
      if output.json {
        try standardOutput.writeJSON(Output(forgotten: forgotten))
      } else {
        standardOutput.write("forgot \(forgotten) learned translation\(forgotten == 1 ? "" : "s")\n")
      }
      standardOutput.flush()
    }
  }
}
