import ArgumentParser
import Foundation
import Selaras

extension Glossary {
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Export the glossary (the shipped entries and the store) to a file.")

    @Option(help: "tsv, csv or tbx (TBX-Basic).")
    var format: Glossary.Format

    @Option(help: "The file to write (atomically), or - for standard output.")
    var output: String

    @Flag(help: "Leave out the shipped glossary: only what was added or imported.")
    var storeOnly = false

    @OptionGroup var store: StoreOptions

    func run() throws {
      let entries = try LoadedGlossary.entries(store, shipped: !storeOnly)
      var file = OutputFile(output)
      file.write(format.writer.write(entries))
      try file.finish()
    }
  }
}
