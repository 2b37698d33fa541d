import ArgumentParser
import Foundation
import Selaras
import SelarasPostgres
import SelarasStore

/// `--db PATH` or `--postgres URL`, shared by every command that uses the store.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "The Selaras database.",
      discussion: "Default: $SELARAS_DB, else $XDG_DATA_HOME/selaras/selaras.sqlite, else ~/.local/share/selaras/selaras.sqlite.",
      valueName: "path"))
  var path: String?

  @Option(
    name: .customLong("postgres"),
    help: ArgumentHelp(
      "A PostgreSQL database instead of the SQLite file: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.",
      discussion:
        "Default: $SELARAS_POSTGRES when no --db is given. Without a password in the URL, $PGPASSWORD is used. The schema is created on first use.",
      valueName: "url"))
  var postgres: String?

  func validate() throws {
    if path != nil && postgres != nil {
      throw ValidationError("--db and --postgres name two stores; give one")
    }
  }

  /// The PostgreSQL URL in use: `--postgres`, else `$SELARAS_POSTGRES` unless `--db` is given.
  private var postgresURL: String? {
    if let postgres { return postgres }
    guard path == nil else { return nil }
    return ProcessInfo.processInfo.environment["SELARAS_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Whether the store is a PostgreSQL database.
  var usesPostgres: Bool { postgresURL != nil }

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

  /// The store: the PostgreSQL database when one is named, else the SQLite file, created
  /// (with its folder) when it does not exist yet: for commands that write.
  private func store() throws -> any TranslationMemory & GlossaryStore & LearnedLexiconStore {
    if let postgresURL {
      return try PostgresMemory(
        location: PostgresLocation(url: postgresURL, password: ProcessInfo.processInfo.environment["PGPASSWORD"]))
    }
    return try SelarasDatabase(url: url)
  }

  /// The store when it exists, else nil: commands that only read create no file. A
  /// PostgreSQL database named always exists.
  private func existingStore() throws -> (any TranslationMemory & GlossaryStore & LearnedLexiconStore)? {
    postgresURL != nil || FileManager.default.fileExists(atPath: url.path) ? try store() : nil
  }

  /// The translation memory in the store when it exists, else nil.
  func existingMemory() throws -> (any TranslationMemory)? {
    try existingStore()
  }

  /// The glossary store when it exists, else nil.
  func existingGlossary() throws -> (any GlossaryStore)? {
    try existingStore()
  }

  /// The glossary store, created when needed: for commands that add terms.
  func glossary() throws -> any GlossaryStore {
    try store()
  }

  /// The word translations learned from alignments when the store exists, else nil.
  func existingLearnedLexicon() throws -> (any LearnedLexiconStore)? {
    try existingStore()
  }

  /// The word translations learned from saved alignments; none without a store.
  func learnedTranslations() throws -> [LearnedTranslation] {
    try existingLearnedLexicon()?.learnedTranslations() ?? []
  }

  /// The learned lexicon's store, created when needed: for commands that learn.
  func learnedLexicon() throws -> any LearnedLexiconStore {
    try store()
  }

  /// The translation memory, created when needed: for commands that add units.
  func memory() throws -> any TranslationMemory {
    try store()
  }
}
