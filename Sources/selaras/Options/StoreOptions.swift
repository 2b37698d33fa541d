import ArgumentParser
import Foundation
import Selaras
import SelarasStore

/// `--db PATH`, shared by every command.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "The Selaras database.",
      discussion: "Default: $SELARAS_DB, else $XDG_DATA_HOME/selaras/selaras.sqlite, else ~/.local/share/selaras/selaras.sqlite.",
      valueName: "path"))
  var path: String?

  /// The database file: `--db`, else the environment's default.
  var url: URL {
    if let path { return URL(fileURLWithPath: path) }
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["SELARAS_DB"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    let dataHome =
      environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share").path
    return URL(fileURLWithPath: dataHome).appendingPathComponent("selaras/selaras.sqlite")
  }

  /// The database, created (with its folder) when it does not exist yet: for commands that write.
  func database() throws -> SelarasDatabase {
    try SelarasDatabase(url: url)
  }

  /// The database when it exists, else nil: commands that only read create no file.
  func existingDatabase() throws -> SelarasDatabase? {
    FileManager.default.fileExists(atPath: url.path) ? try database() : nil
  }

  /// The translation memory in the database when it exists, else nil.
  func existingMemory() throws -> (any TranslationMemory)? {
    try existingDatabase()
  }

  /// The glossary store in the database when it exists, else nil.
  func existingGlossary() throws -> (any GlossaryStore)? {
    try existingDatabase()
  }

  /// The glossary store, its database created when needed: for commands that add terms.
  func glossary() throws -> any GlossaryStore {
    try database()
  }

  /// The translation memory, its database created when needed: for commands that add units.
  func memory() throws -> any TranslationMemory {
    try database()
  }
}
