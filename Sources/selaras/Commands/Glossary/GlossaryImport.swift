import ArgumentParser
import Foundation
import Selaras

extension Glossary {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import a glossary file into the store, in one transaction.",
      discussion: """
        tsv: OmegaT's source<TAB>target<TAB>comment. csv: a header row with source,target[,note,…].
        tbx: TBX-Basic (<martif>) or TBX v3 (<tbx>); external entities are never fetched.
        """)

    @Argument(help: "The glossary file.")
    var file: String

    @Option(help: "tsv, csv or tbx; by default from the file's extension.")
    var format: Glossary.Format?

    @OptionGroup var store: StoreOptions

    func run() throws {
      let format = try self.format ?? GlossaryFormat(fileExtension: URL(fileURLWithPath: file).pathExtension)
        ?? { throw ValidationError("cannot tell the format of \(file): give --format tsv|csv|tbx") }()
      let glossary = try format.reader.read(InputFile.text(file), file: file)
      glossary.diagnostics.forEach { printError($0.description) }
      let summary = try store.glossary().addGlossaryEntries(glossary.entries, source: file)
      print("\(summary.added) entries added, \(summary.extended) extended, \(summary.unchanged) already there")
    }
  }
}
