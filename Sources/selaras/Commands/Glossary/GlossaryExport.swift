import ArgumentParser
import Foundation
import Selaras

extension Glossary {
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Export the glossary (the shipped entries and the store) to a file.",
      discussion: """
        The delimited forms' columns are --source-lang and --target-lang (id and en by default): an en→id
        OmegaT project's glossary.txt is `--format tsv --source-lang en --target-lang id`.
        """)

    @Option(help: "tsv, csv or tbx (TBX-Basic); by default from --output's extension.")
    var format: Glossary.Format?

    @OptionGroup var languages: LanguagePairOptions<Indonesian, English>

    @Option(help: "The file to write (atomically), or - for standard output.")
    var output: String

    @Flag(help: "Leave out the shipped glossary: only what was added or imported.")
    var storeOnly = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
      guard format != nil || GlossaryFormat(fileExtension: URL(fileURLWithPath: output).pathExtension) != nil else {
        throw ValidationError("cannot tell the format of \(output): give --format tsv|csv|tbx")
      }
    }

    func run() throws {
      let format = self.format ?? GlossaryFormat(fileExtension: URL(fileURLWithPath: output).pathExtension)!
      let entries = try LoadedGlossary.entries(store, shipped: !storeOnly)
      var file = OutputFile(output)
      file.write(format.writer(source: languages.sourceLang, target: languages.targetLang).write(entries))
      try file.finish()
    }
  }
}
