import ArgumentParser
import Selaras

struct Glossary: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "glossary",
    abstract: "Look up, find, add, remove, import and export terms in the glossary.",
    discussion: """
      The glossary shipped in Glossaries/ is always there, read-only, as the base layer under the \
      store's entries.

      Examples:
        selaras glossary lookup Kemenlu
        selaras glossary add "kamikaze drone" "drone kamikaze"
        selaras glossary export --output glossary.tbx
      """,
    subcommands: [Lookup.self, Scan.self, Add.self, Remove.self, Import.self, Export.self, Extract.self, Check.self])

  typealias Format = GlossaryFormat
}

extension GlossaryFormat: ExpressibleByArgument {}
