import ArgumentParser
import Foundation
import Selaras

extension Glossary {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import a glossary file into the store, in one transaction.",
      discussion: """
        tsv: OmegaT's source<TAB>target<TAB>comment (OmegaT's glossary.txt, .utf8 and .tab are this form).
        csv: a header row with source,target[,note,…]. The delimited forms' columns are --source-lang and
        --target-lang (id and en by default; an en→id OmegaT project's glossary: --source-lang en
        --target-lang id). tbx: TBX-Basic (<martif>) or TBX v3 (<tbx>), which name their languages;
        external entities are never fetched.
        """)

    @Argument(help: "The glossary file.")
    var file: String

    @Option(help: "tsv, csv or tbx; by default from the file's extension.")
    var format: Glossary.Format?

    @OptionGroup var languages: LanguagePairOptions<Indonesian, English>

    @OptionGroup var store: StoreOptions

    func run() throws {
      let format = try self.format ?? GlossaryFormat(fileExtension: URL(fileURLWithPath: file).pathExtension)
        ?? { throw ValidationError("cannot tell the format of \(file): give --format tsv|csv|tbx") }()
      let glossary = try format.reader(source: languages.sourceLang, target: languages.targetLang)
        .read(InputFile.text(file), file: file)
      glossary.diagnostics.forEach { printError($0.description) }
      // An entry no store keeps (a control character, a language Selaras does not keep) is
      // left out with a warning, as the memory's readers leave out such units.
      let entries = glossary.entries.filter { entry in
        guard let problem = entry.storageProblem else { return true }
        printError("warning: \(file): entry skipped: \(problem)")
        return false
      }
      let summary = try store.glossary().addGlossaryEntries(entries, source: file)
      print(
        "\(summary.added) entries added, \(summary.extended) extended, \(summary.unchanged) already there"
          + (entries.count < glossary.entries.count ? ", \(glossary.entries.count - entries.count) skipped" : ""))
    }
  }
}
