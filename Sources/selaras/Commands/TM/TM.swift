import ArgumentParser

struct TM: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tm",
    abstract: "The translation memory: import and export TMX, fuzzy search, concordance.",
    subcommands: [Import.self, Search.self, Concordance.self, Delete.self, Export.self, Stats.self])
}
