import Foundation
import SelarasTestSupport
import Testing

/// A translator's day with the store (issue 28): one direction, undo, where the data lives, a
/// store only its owner may write, a store another process is writing to.
@Suite("selaras and its store")
struct StoreCommandTests {
  private let english = "Corpora/economy-bi-rate.en.txt"
  private let indonesian = "Corpora/economy-bi-rate.id.txt"

  @Test("align with the files swapped: a warning on its own; with --save refused, nothing stored; --force saves")
  func swappedSides() throws {
    let database = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(database) }
    let plain = try CommandRunner.run(["align", indonesian, english], database: database)
    #expect(plain.status == 0)
    #expect(
      plain.stderr.contains(
        "warning: \(indonesian) and \(english) look swapped: \(indonesian) reads as Indonesian, \(english) as English (the direction is en→id)"
      ), "\(plain.stderr)")
    let refused = try CommandRunner.run(["align", indonesian, english, "--save"], database: database)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("look swapped") && refused.stderr.contains("nothing saved"), "\(refused.stderr)")
    #expect(!FileManager.default.fileExists(atPath: database.path), "a refused save makes no store")
    // The right way round says nothing about languages.
    let right = try CommandRunner.run(["align", english, indonesian], database: database)
    #expect(!right.stderr.contains("reads as"), "\(right.stderr)")
    let forced = try CommandRunner.run(["align", indonesian, english, "--save", "--force"], database: database)
    #expect(
      forced.status == 0 && forced.stderr.contains("warning: ") && forced.stderr.contains("saved "), "\(forced.stderr)")
    // Named on purpose, the direction is the command's: no warning, and the pairs go id→en;
    // the store keeps the direction it was made with.
    let named = try CommandRunner.run(
      ["align", indonesian, english, "--source-lang", "id", "--save"], database: database)
    #expect(named.status == 0 && !named.stderr.contains("reads as"), "\(named.stderr)")
    let stats = try CommandRunner.run(["tm", "stats", "--json"], database: database)
    #expect(stats.stdout.contains(#""direction":"en→id""#), "\(stats.stdout)")
    #expect(stats.stdout.contains(#""id→en":"#), "\(stats.stdout)")

    // A store made by a command that named id→en records id→en.
    let other = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(other) }
    #expect(
      try CommandRunner.run(["align", indonesian, english, "--source-lang", "id", "--save"], database: other).status
        == 0)
    #expect(try CommandRunner.run(["tm", "stats"], database: other).stdout.contains("direction: id→en\n"))
  }

  @Test("tm delete removes by id or by document, each in one step, says what went, and names ids it did not find")
  func deleteUnits() throws {
    let database = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(database) }
    #expect(
      try CommandRunner.run(["align", "--batch", "Corpora", "--output", "/dev/null", "--save"], database: database)
        .status == 0)
    let before = try CommandRunner.run(["tm", "stats"], database: database).stdout
    let found = try CommandRunner.run(
      ["tm", "search", "Bank Indonesia", "--min-score", "10", "--json"], database: database)
    struct Found: Decodable {
      struct Match: Decodable {
        var source: String
        var origin: String
        var id: Int64
      }
      var matches: [Match]
    }
    let match = try #require(try JSONDecoder().decode(Found.self, from: Data(found.stdout.utf8)).matches.first)
    let deleted = try CommandRunner.run(["tm", "delete", String(match.id), "999999"], database: database)
    #expect(deleted.status == 0)
    #expect(deleted.stdout.hasPrefix("\(match.id)\t\(match.source)\t"), "\(deleted.stdout)")
    #expect(deleted.stderr.contains("no unit 999999 in \(database.path)"))
    #expect(deleted.stderr.contains("1 unit removed from \(database.path)"))
    let again = try CommandRunner.run(["tm", "search", match.source, "--json"], database: database)
    #expect(!again.stdout.contains("\"id\":\(match.id)}"))

    // Every document named once, by one rule, as tm stats counts them: one per story.
    let stories = try FileManager.default.contentsOfDirectory(
      atPath: CommandRunner.root.appendingPathComponent("Corpora").path
    )
    .filter { $0.hasSuffix(".en.txt") }.count
    #expect(before.contains("from \(stories) documents"), "\(before)")
    let document = try CommandRunner.run(["tm", "delete", "--document", match.origin, "--json"], database: database)
    #expect(document.status == 0)
    #expect(document.stdout.hasPrefix("{\"removed\":[\n{\"source\":"), "\(document.stdout.prefix(80))")
    #expect(!document.stdout.contains("\"id\":\(match.id)}"), "already gone")
    let after = try CommandRunner.run(["tm", "stats"], database: database).stdout
    #expect(after.contains("from \(stories - 1) documents"), "\(after)")
    #expect(try CommandRunner.run(["tm", "delete"], database: database).status == 64)
    let noStore = try CommandRunner.run(["tm", "delete", "1", "--db", TemporaryFile.url("sqlite").path])
    #expect(noStore.status == 1 && noStore.stderr.contains("no Selaras store here"))
  }

  @Test(
    "The default store is under $HOME (not the password file's home), named on stderr by the command that writes; an unwritable home is one clear line"
  )
  func storeUnderHome() throws {
    let home = TemporaryFile.folder()
    defer { try? FileManager.default.removeItem(at: home) }
    let environment: [String: String?] = [
      "SELARAS_DB": nil, "XDG_DATA_HOME": nil, "SELARAS_POSTGRES": nil, "HOME": home.path,
    ]
    let added = try CommandRunner.run(
      ["glossary", "add", "kamikaze drone", "drone kamikaze"], environment: environment)
    let expected = home.appendingPathComponent(".local/share/selaras/selaras.sqlite").path
    #expect(added.status == 0)
    #expect(added.stderr == "glossary store: \(expected)\n")
    #expect(FileManager.default.fileExists(atPath: expected))
    let stats = try CommandRunner.run(["tm", "stats"], environment: environment)
    #expect(stats.stdout.hasPrefix("store: \(expected)\n"))

    var nowhere = environment
    // Nowhere a folder can be made, even by root.
    nowhere["HOME"] = "/proc/selaras-nowhere"
    let failed = try CommandRunner.run(["glossary", "add", "kamikaze drone", "drone kamikaze"], environment: nowhere)
    #expect(failed.status == 1)
    #expect(failed.stderr.split(separator: "\n").count == 1, "\(failed.stderr)")
    #expect(
      failed.stderr.hasPrefix("Error: /proc/selaras-nowhere/.local/share/selaras: cannot make the store's folder here")
        && failed.stderr.contains("--db"), "\(failed.stderr)")
  }

  @Test(
    "Commands that read never write: a store another account made, mode 444, is searched and counted, its file untouched"
  )
  func readOnlyStore() throws {
    let folder = TemporaryFile.folder()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = folder.appendingPathComponent("shared.sqlite")
    #expect(try CommandRunner.run(["align", english, indonesian, "--save"], database: database).status == 0)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: database.path)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
    let bytes = try Data(contentsOf: database)
    // As root every file is writable: the reader runs as nobody, as the issue's user did.
    let asOther: [String] =
      getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    func run(_ arguments: [String]) throws -> CommandRunner.Result {
      try CommandRunner.run(
        Array(asOther.dropFirst()) + [CommandRunner.executable.path] + arguments + ["--db", database.path],
        tool: URL(fileURLWithPath: asOther.first ?? CommandRunner.executable.path),
        environment: ["HOME": "/nonexistent"])
    }
    let search = try run(
      [
        "tm", "search",
        "Bank Indonesia also kept its deposit facility rate at 5.50% and its lending facility rate at 6.75%.",
      ])
    #expect(search.status == 0, "\(search.stderr)")
    #expect(
      search.stdout.contains("%\tBank Indonesia also kept its deposit facility rate at 5.25%"), "\(search.stdout)")
    #expect(
      !FileManager.default.fileExists(atPath: database.path + "-wal"), "the writer's log went into the file at its end")
    #expect(try run(["tm", "stats"]).stdout.contains("direction: en→id"))
    #expect(try run(["glossary", "lookup", "Kemenlu"]).status == 0)
    let write = try run(["glossary", "add", "kamikaze drone", "drone kamikaze"])
    #expect(write.status == 1)
    #expect(write.stderr.hasPrefix("Error: \(database.path): read-only here"), "\(write.stderr)")
    #expect(try Data(contentsOf: database) == bytes)
  }

  @Test(
    "A store another process is writing to: the command says it waits, for how long and for whom, then says who holds it"
  )
  func busyStore() throws {
    let database = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(database) }
    #expect(
      try CommandRunner.run(["glossary", "add", "ceasefire", "gencatan senjata"], database: database).status == 0)
    // A writer that holds the store: Python's sqlite3 in a write transaction.
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    holder.arguments = [
      "-c",
      "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        + "c.execute('BEGIN IMMEDIATE'); print('held', flush=True); time.sleep(20)",
      database.path,
    ]
    let ready = Pipe()
    holder.standardOutput = ready
    try holder.run()
    defer { holder.terminate() }
    _ = ready.fileHandleForReading.availableData
    let started = Date()
    let blocked = try CommandRunner.run(
      ["glossary", "add", "kamikaze drone", "drone kamikaze", "--wait", "1"], database: database)
    #expect(Date().timeIntervalSince(started) < 10)
    #expect(blocked.status == 1)
    let lines = blocked.stderr.split(separator: "\n").map(String.init)
    let pid = holder.processIdentifier
    #expect(lines.first?.hasPrefix("\(database.path) is busy: pid \(pid) (python3 -c ") == true, "\(blocked.stderr)")
    #expect(lines.first?.hasSuffix(") is writing to it; waiting up to 1 s") == true, "\(blocked.stderr)")
    #expect(
      lines.last?.hasPrefix("Error: \(database.path): still busy: pid \(holder.processIdentifier) (python3") == true,
      "\(blocked.stderr)")
    #expect(lines.last?.hasSuffix("or wait longer with --wait SECONDS") == true)
    holder.terminate()
    holder.waitUntilExit()
    let later = try CommandRunner.run(["glossary", "add", "kamikaze drone", "drone kamikaze"], database: database)
    #expect(later.status == 0, "\(later.stderr)")
  }

  @Test("A batch names each document in its tsv, by the rule a single --save uses, and reports a file without its other side")
  func batchNames() throws {
    let folder = try TemporaryFile.folder(copying: ["economy-bi-rate.en.txt", "economy-bi-rate.id.txt"])
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(
      at: CommandRunner.root.appendingPathComponent("Corpora/courts-syl-verdict.en.txt"),
      to: folder.appendingPathComponent("orphan.en.txt"))
    let output = folder.appendingPathComponent("batch.tsv")
    let batch = try CommandRunner.run(["align", "--batch", folder.path, "--format", "tsv", "--output", output.path])
    #expect(batch.status == 0, "\(batch.stderr)")
    #expect(batch.stderr.contains("warning: \(folder.path)/orphan.en.txt: skipped, its other side is missing"))
    let rows = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
    #expect(!rows.isEmpty && rows.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).last == "economy-bi-rate" })
    #expect(rows.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 4 })
  }
}
