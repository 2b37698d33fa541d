import ArgumentParser
import Foundation
import Selaras
import SelarasPostgres
import SelarasStore
import Synchronization

/// `--db PATH` or `--postgres URL`, shared by every command that uses the store.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "The Selaras database.",
      discussion:
        "Default: $SELARAS_DB, else $XDG_DATA_HOME/selaras/selaras.sqlite, else $HOME/.local/share/selaras/selaras.sqlite.",
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

  @Option(
    name: .customLong("wait"),
    help: ArgumentHelp(
      "How long to wait for a store another process is writing to, in seconds.", valueName: "seconds"))
  var wait: Double = 30

  func validate() throws {
    if path != nil && postgres != nil {
      throw ValidationError("--db and --postgres name two stores; give one")
    }
    guard wait >= 0 && wait <= 86_400 else { throw ValidationError("--wait must be between 0 and 86400 seconds") }
  }

  typealias Store = any TranslationMemory & GlossaryStore & LearnedLexiconStore & LanguagePairRecord

  /// The PostgreSQL URL in use: `--postgres`, else `$SELARAS_POSTGRES` unless `--db` is given.
  private var postgresURL: String? {
    if let postgres { return postgres }
    guard path == nil else { return nil }
    return ProcessInfo.processInfo.environment["SELARAS_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Whether the store is a PostgreSQL database.
  var usesPostgres: Bool { postgresURL != nil }

  /// The database file: `--db`, else the environment's default. The home folder is `$HOME`,
  /// as the shell and the documentation say, not the account's entry in the password file.
  var url: URL {
    if let path { return URL(fileURLWithPath: path) }
    let environment = ProcessInfo.processInfo.environment
    func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
    if let path = value("SELARAS_DB") { return URL(fileURLWithPath: path) }
    let dataHome =
      value("XDG_DATA_HOME")
      ?? (value("HOME") ?? FileManager.default.homeDirectoryForCurrentUser.path) + "/.local/share"
    return URL(fileURLWithPath: dataHome).appendingPathComponent("selaras/selaras.sqlite")
  }

  /// The store as messages name it: the file's path, or the PostgreSQL database without its
  /// password.
  var name: String {
    guard let postgresURL else { return url.path }
    guard var components = URLComponents(string: postgresURL) else { return "the PostgreSQL database" }
    components.password = nil
    return components.string ?? "the PostgreSQL database"
  }

  /// The store opened for writing: the PostgreSQL database when one is named, else the
  /// SQLite file, created (with its folder) when it does not exist yet. A store new to a
  /// direction records `direction` (en→id unless given).
  private func writableStore(recording direction: LanguagePair? = nil) async throws -> Store {
    let store = try await opened(readOnly: false)
    if try await store.languagePair() == nil {
      let recorded = if let direction { direction } else { try await inferredDirection(store) }
      try await store.recordLanguagePair(recorded ?? .englishToIndonesian)
    }
    return store
  }

  /// The store opened once per process and mode, kept open until the process ends: closing
  /// any descriptor of a database file drops every POSIX lock the process holds on it.
  private func opened(readOnly: Bool) async throws -> Store {
    let key = "\(readOnly ? "r" : "w") \(postgresURL ?? url.path)"
    if let store = Self.open.withLock({ $0[key] }) { return store }
    StoreInUse.name.withLock { $0 = name }
    let store: Store
    if let postgresURL {
      store = try await PostgresMemory(
        location: PostgresLocation(url: postgresURL, password: ProcessInfo.processInfo.environment["PGPASSWORD"]))
    } else {
      try Self.checkIsStore(url)
      let (name, wait) = (self.name, self.wait)
      let busy = SelarasDatabase.BusyWait(timeout: wait) {
        printError(
          "\(name) is busy: \(StoreInUse.holder(of: name) ?? "another process") is writing to it; waiting up to \(Int(wait)) s"
        )
      }
      let folder = url.deletingLastPathComponent()
      do {
        if !readOnly { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
      } catch {
        let reason = (error as? CocoaError)?.underlying.map { ($0 as NSError).localizedDescription } ?? "\(error)"
        throw CommandError(
          "\(folder.path): cannot make the store's folder here (\(reason)); name a store with --db or $SELARAS_DB")
      }
      do {
        store = try SelarasDatabase(url: url, readOnly: readOnly, busy: busy)
      } catch let error as SelarasDatabaseError {
        throw CommandError(error.description)
      }
    }
    Self.open.withLock { $0[key] = store }
    return store
  }

  /// The stores this process opened, by mode and location.
  private static let open = Mutex<[String: Store]>([:])

  /// Closes every store the process opened, as it ends: a closed SQLite store has its
  /// write-ahead log checkpointed into the file and removed.
  static func closeAll() {
    let stores = open.withLock { open in
      defer { open.removeAll() }
      return Array(open.values)
    }
    _ = consume stores
  }

  /// Refuses an existing file that is not an SQLite database (an empty file, a text file
  /// named by mistake): opening it would turn it into a store, or fail with SQLite's number.
  /// Each path is checked once, before the process opens it (see ``opened(readOnly:)``).
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

  /// The database files already checked by ``checkIsStore(_:)``.
  private static let checked = Mutex<Set<String>>([])

  /// The store opened to read when it exists, else nil: commands that only read create,
  /// migrate and write nothing, and a store that only its owner may write can be searched.
  /// A PostgreSQL database named always exists.
  private func existingStore() async throws -> Store? {
    postgresURL != nil || FileManager.default.fileExists(atPath: url.path) ? try await opened(readOnly: true) : nil
  }

  /// The direction the store was made for; for a store older than recorded directions, the
  /// one most of its units go in; en→id for a new store.
  func direction() async throws -> LanguagePair {
    guard let store = try await existingStore() else { return .englishToIndonesian }
    if let recorded = try await store.languagePair() { return recorded }
    return try await inferredDirection(store) ?? .englishToIndonesian
  }

  /// The language pair of most of the store's units, when it has any.
  private func inferredDirection(_ store: Store) async throws -> LanguagePair? {
    try await store.memoryStatistics().languagePairs.max { ($0.value, $1.key) < ($1.value, $0.key) }
      .flatMap { LanguagePair($0.key) }
  }

  /// The translation memory in the store when it exists, else nil.
  func existingMemory() async throws -> (any TranslationMemory)? {
    try await existingStore()
  }

  /// The translation memory for a command that only reads it (`tm stats`, `search`,
  /// `concordance`, `export`): a store named that does not exist is an error naming its path,
  /// not an empty memory — a typo in `--db` must not look like a memory with nothing in it.
  func memoryToRead() async throws -> any TranslationMemory {
    guard let memory = try await existingStore() else {
      throw CommandError("\(url.path): no Selaras store here (one is made by tm import, align --save or glossary add)")
    }
    return memory
  }

  /// The glossary store when it exists, else nil.
  func existingGlossary() async throws -> (any GlossaryStore)? {
    try await existingStore()
  }

  /// The glossary store, created when needed: for commands that add terms.
  func glossary(recording direction: LanguagePair? = nil) async throws -> any GlossaryStore {
    try await writableStore(recording: direction)
  }

  /// The word translations learned from alignments when the store exists, else nil.
  func existingLearnedLexicon() async throws -> (any LearnedLexiconStore)? {
    try await existingStore()
  }

  /// The word translations learned from saved alignments; none without a store.
  func learnedTranslations() async throws -> [LearnedTranslation] {
    try await existingLearnedLexicon()?.learnedTranslations() ?? []
  }

  /// The learned lexicon's store, created when needed: for commands that learn.
  func learnedLexicon() async throws -> any LearnedLexiconStore {
    try await writableStore()
  }

  /// The translation memory, created when needed: for commands that add or remove units.
  func memory(recording direction: LanguagePair? = nil) async throws -> any TranslationMemory {
    try await writableStore(recording: direction)
  }

  /// For commands that remove: the store when it exists, opened to write, else an error
  /// naming it (removing from nothing must not make a store).
  private func storeToChange() async throws -> Store {
    guard postgresURL != nil || FileManager.default.fileExists(atPath: url.path) else {
      throw CommandError("\(url.path): no Selaras store here")
    }
    return try await writableStore()
  }

  /// The memory, for commands that remove units; see ``storeToChange()``.
  func memoryToChange() async throws -> any TranslationMemory {
    try await storeToChange()
  }

  /// The learned lexicon, for commands that forget; see ``storeToChange()``.
  func learnedLexiconToChange() async throws -> any LearnedLexiconStore {
    try await storeToChange()
  }

  /// The glossary store, for commands that remove entries; see ``storeToChange()``.
  func glossaryToChange() async throws -> any GlossaryStore {
    try await storeToChange()
  }
}
