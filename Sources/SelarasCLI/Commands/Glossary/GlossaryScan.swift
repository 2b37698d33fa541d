import ArgumentParser
import Foundation
import Selaras

extension Glossary {
  struct Scan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "scan",
      abstract: "List every glossary term found in a text, with its place and preferred translation.",
      discussion: """
        lines: START-END<TAB>text as written<TAB>term<TAB>translation<TAB>store|shipped (UTF-8 byte
               offsets); where the store and the shipped glossary both have the term, the store's first.
        json:  {"matches":[{"start":…, "end":…, "text":…, "term":…, "translation":…, "origin":"store"|"shipped"}]}

        Without --lang, the language is read from the text. Finding nothing is no error: it says so \
        on stderr.

        Examples:
          selaras glossary scan Corpora/economy-bi-rate.id.txt
          selaras glossary scan story.en.txt --json
        """)

    @Argument(help: "The text file, or - for standard input.")
    var file: String?

    @OptionGroup var language: LanguageOption

    @OptionGroup var output: JSONOption

    @OptionGroup var store: StoreOptions

    private struct Output: Encodable {
      var matches: [GlossaryScanAnswer]

      /// The language data the run used.
      var resources = MachineResources.forMatching
    }

    func run() async throws {
      let glossary = try await LoadedGlossary.load(store)
      let text = try await ArticleInput.text(file)
      // The text's language: --lang, else what its words say, else the store's source language.
      let lang =
        if let known = language.lang ?? LanguageIdentification.language(of: text) {
          known
        } else {
          try await language.resolved(store)
        }
      let matches = glossary.scanAnswers(text, language: lang)
      var standardOutput = StandardOutput()
      if output.json {
        try standardOutput.writeJSON(Output(matches: matches), layout: .itemsOnLines)
      } else {
        for match in matches {
          standardOutput.write(
            "\(match.start)-\(match.end)\t\(match.text)\t\(match.term)\t\(match.translation.value ?? "")\t"
              + "\(match.origin.rawValue)\n")
        }
      }
      standardOutput.flush()
      if matches.isEmpty { printError("no glossary term found in \(file ?? "-") (read as \(lang.name))") }
    }
  }
}
