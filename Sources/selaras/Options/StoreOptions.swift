import ArgumentParser
import Foundation
import Synchronization
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
    try Self.checkIsStore(url)
    return try SelarasDatabase(url: url)
  }

  /// Refuses an existing file that is not an SQLite database (an empty file, a text file
  /// named by mistake): opening it would turn it into a store, or fail with SQLite's number.
  /// Each path is checked once, before the process opens it: closing any descriptor of a
  /// database file drops every POSIX lock the process holds on it, SQLite's included.
  static func checkIsStore(_ url: URL) throws {
    guard checked.withLock({ $0.insert(url.path).inserted }) else { return }
    guard let handle = FileHandle(forReadingAtPath: url.path) else { return }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 16)) ?? Data()
    if header.isEmpty {
      throw CommandError("\(url.path): an empty file, not a Selaras store (remove it, or name another --db)")
    }
    guard header == Data("SQLite format 3\0".utf8) else {
      throw CommandError("\(url.path): not a Selaras store (not an SQLite database)")
    }
  }

  /// The store when it exists, else nil: commands that only read create no file. A
  /// PostgreSQL database named always exists.
  private func existingStore() throws -> (any TranslationMemory & GlossaryStore & LearnedLexiconStore)? {
    postgresURL != nil || FileManager.default.fileExists(atPath: url.path) ? try store() : nil
  }

  /// The database files already checked by ``checkIsStore(_:)``.
  private static let checked = Mutex<Set<String>>([])

  /// The translation memory in the store when it exists, else nil.
  func existingMemory() throws -> (any TranslationMemory)? {
    try existingStore()
  }

  /// The translation memory for a command that only reads it (`tm stats`, `search`,
  /// `concordance`, `export`): a store named that does not exist is an error naming its path,
  /// not an empty memory — a typo in `--db` must not look like a memory with nothing in it.
  func memoryToRead() throws -> any TranslationMemory {
    guard let memory = try existingStore() else {
      throw CommandError(
        "\(url.path): no Selaras store here (one is made by tm import, align --save or glossary add)")
    }
    return memory
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
