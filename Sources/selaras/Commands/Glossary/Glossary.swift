import ArgumentParser
import Selaras

struct Glossary: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "glossary",
    abstract: "Look up and find terms in the glossary.",
    discussion: "The glossary shipped in Glossaries/ is always there, read-only, as the base layer.",
    subcommands: [Lookup.self, Scan.self, Add.self, Remove.self, Import.self, Export.self, Extract.self, Check.self])

  typealias Format = GlossaryFormat
}

extension GlossaryFormat: ExpressibleByArgument {}
