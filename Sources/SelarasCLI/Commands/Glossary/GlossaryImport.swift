import ArgumentParser
import Foundation
import Selaras

extension Glossary {
  struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import a glossary file into the store, in one transaction.",
      discussion: """
        tsv: OmegaT's source<TAB>target<TAB>comment (OmegaT's glossary.txt, .utf8 and .tab are this \
        form). csv: a header row with source,target[,note,…]. The delimited forms' columns are the \
        store's direction (en→id for a new store) unless --source-lang/--target-lang say otherwise. \
        tbx: TBX-Basic (<martif>) or TBX v3 (<tbx>), which name their languages; external entities \
        are never fetched.
        json: {"added":…,"extended":…,"unchanged":…,"skipped":…,"store":"…"}

        Examples:
          selaras glossary import omegat/glossary/glossary.txt
          selaras glossary import terms.csv --source-lang id --target-lang en
          selaras glossary import newsroom.tbx --json
        """)

    @Argument(help: "The glossary file.")
    var file: String

    @Option(help: "tsv, csv or tbx; by default from the file's extension.")
    var format: Glossary.Format?

    @OptionGroup var languages: LanguagePairOptions

    @OptionGroup var output: JSONOption

    @OptionGroup var store: StoreOptions

    func run() async throws {
      let format =
        try self.format ?? GlossaryFormat(fileExtension: URL(fileURLWithPath: file).pathExtension)
        ?? { throw ValidationError("cannot tell the format of \(file): give --format tsv|csv|tbx") }()
      let direction = try await languages.resolved(store)
      let glossary = try format.reader(source: direction.source, target: direction.target)
        .read(InputFile.text(file), file: file)
      glossary.diagnostics.forEach { printError($0.description) }
      // An entry no store keeps (a control character, a language Selaras does not keep) is
      // left out with a warning, as the memory's readers leave out such units.
      let entries = glossary.entries.filter { entry in
        guard let problem = entry.storageProblem else { return true }
        printError("warning: \(file): entry skipped: \(problem)")
        return false
      }
      let summary = try await store.glossary(recording: direction).addGlossaryEntries(entries, source: file)
      let skipped = glossary.entries.count - entries.count
      if output.json {
        var standardOutput = StandardOutput()
        try standardOutput.writeJSON(
          Output(
            added: summary.added, extended: summary.extended, unchanged: summary.unchanged, skipped: skipped,
            store: store.name))
        standardOutput.flush()
      } else {
        print(
          "\(summary.added) entries added, \(summary.extended) extended, \(summary.unchanged) already there"
            + (skipped > 0 ? ", \(skipped) skipped" : ""))
      }
      printError("glossary store: \(store.name)")
    }

    private struct Output: Encodable {
      var added: Int
      var extended: Int
      var unchanged: Int
      var skipped: Int
      var store: String
    }
  }
}
