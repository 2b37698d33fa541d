import ArgumentParser
import Foundation
import Selaras

extension Glossary {
  struct Remove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "remove",
      abstract: "Remove the glossary store's entries that hold a term, in one step.",
      discussion: """
        Every entry holding TERM (its exact text, in any case; in --lang only when given) is removed \
        whole, with all its terms, and listed. The shipped glossary cannot be changed. Removing \
        nothing is no error: it says so on stderr.
        json: {"removed":[{"terms":[{"text":…, "lang":…, "status":…}], "note":…, "origin":"store"}], "store":"…"}

        Examples:
          selaras glossary remove "drone strike"
          selaras glossary remove Kemenlu --lang id --json
        """)

    @Argument(help: "The term whose entries go.")
    var term: String

    @Option(help: "Only entries holding the term in this language (id or en).")
    var lang: LanguageTag?

    @OptionGroup var output: JSONOption

    @OptionGroup var store: StoreOptions

    func validate() throws {
      try lang?.validateSupported("--lang")
      guard !term.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw ValidationError("the term cannot be empty")
      }
    }

    private struct Output: Encodable {
      var removed: [GlossaryEntryAnswer]
      var store: String
    }

    func run() async throws {
      let removed = try await store.glossaryToChange().removeGlossaryEntries(holding: term, language: lang)
      if output.json {
        var standardOutput = StandardOutput()
        try standardOutput.writeJSON(
          Output(removed: removed.map { GlossaryEntryAnswer($0, origin: .store) }, store: store.name))
        standardOutput.flush()
      } else {
        for entry in removed {
          print("removed: " + entry.line)
        }
      }
      printError(
        removed.isEmpty
          ? "no entry of \(store.name) holds '\(term)'\(lang.map { " in \($0)" } ?? "")"
          : "\(removed.count) entr\(removed.count == 1 ? "y" : "ies") removed from \(store.name)")
    }
  }
}
