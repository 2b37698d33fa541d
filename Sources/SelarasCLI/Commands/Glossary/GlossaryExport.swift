import ArgumentParser
import Foundation
import Selaras

extension Glossary {
  struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Export the glossary (the shipped entries and the store) to a file.",
      discussion: """
        The delimited forms' columns are the store's direction (en→id for a new store) unless \
        --source-lang/--target-lang say otherwise: an en→id OmegaT project's glossary.txt is \
        `--output glossary.txt --source-lang en`. The format comes from --output's extension (.tsv, \
        .txt, .utf8, .tab, .csv, .tbx) unless --format names one; standard output is tsv.

        Examples:
          selaras glossary export --output glossary.tbx
          selaras glossary export --store-only > terms.tsv
          selaras glossary export --output omegat/glossary/glossary.txt --source-lang en
        """)

    @Option(help: "tsv, csv or tbx (TBX-Basic); by default from --output's extension, tsv on standard output.")
    var format: Glossary.Format?

    @OptionGroup var languages: LanguagePairOptions

    @Option(help: "The file to write (atomically), or - for standard output (the default).")
    var output = "-"

    @Flag(help: "Leave out the shipped glossary: only what was added or imported.")
    var storeOnly = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
      guard
        format != nil || output == "-"
          || GlossaryFormat(fileExtension: URL(fileURLWithPath: output).pathExtension) != nil
      else {
        throw ValidationError("cannot tell the format of \(output): give --format tsv|csv|tbx")
      }
    }

    func run() async throws {
      let format = self.format ?? GlossaryFormat(fileExtension: URL(fileURLWithPath: output).pathExtension) ?? .tsv
      let direction = try await languages.resolved(store)
      let entries = try await LoadedGlossary.entries(store, shipped: !storeOnly)
      var file = OutputFile(output)
      file.write(format.writer(source: direction.source, target: direction.target).write(entries))
      try file.finish()
    }
  }
}
