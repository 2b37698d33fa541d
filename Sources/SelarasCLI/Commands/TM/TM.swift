import ArgumentParser

struct TM: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tm",
    abstract: "The translation memory: import and export TMX, fuzzy search, concordance, delete.",
    discussion: """
      Examples:
        selaras tm import project.tmx
        selaras tm search "Bank Indonesia kept its benchmark rate unchanged"
        selaras tm delete --document economy-bi-rate
      """,
    subcommands: [Import.self, Search.self, Concordance.self, Delete.self, Export.self, Stats.self])
}
