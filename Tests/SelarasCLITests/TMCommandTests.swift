import Foundation
import SelarasTestSupport
import Testing

@Suite("selaras tm")
struct TMCommandTests {
  private let fixture = "Tests/SelarasTests/Fixtures/tmx/omegat-style.tmx"

  @Test("import reports what it added and skipped; stats count it")
  func importAndStats() throws {
    let database = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(database) }
    let result = try CommandRunner.run(["tm", "import", fixture], database: database)
    #expect(result.status == 0)
    #expect(result.stdout == "2 units added, 0 already there, 2 skipped\n")
    #expect(result.stderr.contains("omegat-style.tmx:20: warning: tu with 1 tuv, skipped"))
    #expect(result.stderr.hasSuffix("memory: \(database.path)\n"), "the store written to is named")
    let again = try CommandRunner.run(["tm", "import", fixture, "--json"], database: database)
    #expect(again.stdout == "{\"added\":0,\"duplicates\":2,\"skipped\":2,\"store\":\"\(database.path)\"}\n")
    let stats = try CommandRunner.run(["tm", "stats", "--json"], database: database)
    #expect(
      stats.stdout
        == "{\"units\":2,\"documents\":0,\"pairs\":{\"en→id\":2},\"store\":\"\(database.path)\",\"direction\":\"en→id\"}\n"
    )
    let text = try CommandRunner.run(["tm", "stats"], database: database)
    #expect(text.stdout.hasPrefix("store: \(database.path)\ndirection: en→id\n2 units from 0 documents\n"))
  }

  @Test("search prints match percentages; --json for scripts; concordance finds phrases")
  func search() throws {
    let database = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(database) }
    _ = try CommandRunner.run(["tm", "import", fixture], database: database)
    let found = try CommandRunner.run(["tm", "search", "The rupiah fell 1.5% on Tuesday."], database: database)
    // Only the number differs: 99, and the stored target gets the new number, marked.
    #expect(
      found.stdout
        == "99%\tThe rupiah fell 1.2% on Tuesday.\tRupiah melemah 1,5 persen pada Selasa.\tOmegaT\t1\tsubstituted 1,2→1,5\n"
    )
    let substituted = try CommandRunner.run(
      ["tm", "search", "The rupiah fell 1.5% on Tuesday.", "--json"], database: database)
    #expect(
      substituted.stdout
        == "{\"matches\":[{\"score\":99,\"source\":\"The rupiah fell 1.2% on Tuesday.\",\"target\":\"Rupiah melemah 1,5 persen pada Selasa.\",\"origin\":\"OmegaT\",\"id\":1,\"storedTarget\":\"Rupiah melemah 1,2 persen pada Selasa.\",\"substituted\":[{\"from\":\"1,2\",\"to\":\"1,5\"}]}]}\n"
    )
    let json = try CommandRunner.run(
      ["tm", "search", "BI mempertahankan suku bunga.", "--lang", "id", "--json"], database: database)
    #expect(
      json.stdout
        == "{\"matches\":[{\"score\":80,\"source\":\"BI mempertahankan suku bunga acuan.\",\"target\":\"Bank Indonesia kept its benchmark rate unchanged.\",\"origin\":\"OmegaT\",\"id\":2}]}\n"
    )
    let concordance = try CommandRunner.run(["tm", "concordance", "suku bunga", "--lang", "id"], database: database)
    #expect(concordance.stdout.hasPrefix("BI mempertahankan suku bunga acuan.\t"))
    // Without --lang, search and concordance take the store's source language (en), as every
    // command does; finding nothing is exit 0 with a line on stderr, as in glossary lookup.
    let english = try CommandRunner.run(["tm", "concordance", "benchmark rate"], database: database)
    #expect(english.stdout.hasPrefix("Bank Indonesia kept its benchmark rate unchanged.\t"), "\(english.stdout)")
    for command in [["tm", "concordance", "interest rate"], ["tm", "search", "Gold was flat in Asian trade."]] {
      let none = try CommandRunner.run(command, database: database)
      #expect(none.status == 0 && none.stdout.isEmpty, "\(command)")
      #expect(none.stderr.hasPrefix("no English segment of \(database.path)"), "\(none.stderr)")
    }
  }

  @Test("align --save fills the memory; export writes TMX that imports back whole")
  func saveAndExport() throws {
    let database = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(database) }
    let aligned = try CommandRunner.run(
      ["align", "Corpora/economy-bi-rate.en.txt", "Corpora/economy-bi-rate.id.txt", "--save", "--min-score", "0.5"],
      database: database)
    #expect(aligned.status == 0)
    let pairs = aligned.stdout.split(separator: "\n").filter { !$0.hasPrefix("\t") && !$0.contains("\t\t") }.count
    #expect(pairs > 5)
    #expect(aligned.stderr.contains("saved \(pairs) pairs to \(database.path) (0 already there)"))
    let exported = TemporaryFile.url("tmx")
    defer { try? FileManager.default.removeItem(at: exported) }
    #expect(try CommandRunner.run(["tm", "export", "--output", exported.path], database: database).status == 0)
    let text = try String(contentsOf: exported, encoding: .utf8)
    // One naming rule, as --batch names it: the file's name without language and extension.
    #expect(text.contains("<prop type=\"x-document\">economy-bi-rate</prop>"))
    // Exporting again replaces the file whole, with nothing left beside it. The header's
    // creation date is the time of the export, so it is left out of the comparison.
    #expect(try CommandRunner.run(["tm", "export", "--output", exported.path], database: database).status == 0)
    let undated = { (text: String) in
      text.replacingOccurrences(of: #"creationdate="\d{8}T\d{6}Z"/>"#, with: "", options: .regularExpression)
    }
    #expect(try undated(String(contentsOf: exported, encoding: .utf8)) == undated(text))
    let folder = exported.deletingLastPathComponent().path
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder).filter {
        $0.hasSuffix(".tmp") && $0.contains(exported.lastPathComponent)
      }.isEmpty)
    let other = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(other) }
    let imported = try CommandRunner.run(["tm", "import", exported.path], database: other)
    #expect(imported.stdout == "\(pairs) units added, 0 already there, 0 skipped\n")
  }

  @Test("A malformed TMX fails with line and column and imports nothing")
  func malformed() throws {
    let database = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(database) }
    let file = TemporaryFile.url("tmx")
    defer { try? FileManager.default.removeItem(at: file) }
    try """
    <tmx version="1.4"><header srclang="en"/><body>
    <tu><tuv xml:lang="en"><seg>Good.</seg></tuv><tuv xml:lang="id"><seg>Baik.</seg></tuv></tu>
    <tu><tuv xml:lang="en"><seg>Broken.</tuv></tu>
    """.write(to: file, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run(["tm", "import", file.path], database: database)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("Error: \(file.path):3:"))
    let stats = try CommandRunner.run(["tm", "stats", "--json"], database: database)
    #expect(stats.stdout.hasPrefix("{\"units\":0,"))
  }

  @Test("Languages other than Indonesian and English are left out with a warning naming the line")
  func otherLanguages() throws {
    let database = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(database) }
    let file = TemporaryFile.url("tmx")
    defer { try? FileManager.default.removeItem(at: file) }
    try """
    <tmx version="1.4"><header srclang="en"/><body>
    <tu><tuv xml:lang="fr"><seg>Bonjour.</seg></tuv><tuv xml:lang="de"><seg>Hallo.</seg></tuv></tu>
    <tu><tuv xml:lang="en"><seg>Good.</seg></tuv><tuv xml:lang="fr"><seg>Bon.</seg></tuv>
    <tuv xml:lang="id-ID"><seg>Baik.</seg></tuv></tu>
    </body></tmx>
    """.write(to: file, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run(["tm", "import", file.path], database: database)
    #expect(result.status == 0)
    #expect(result.stdout == "1 units added, 0 already there, 2 skipped\n")
    #expect(result.stderr.contains("\(file.path):2: warning: tu in fr, de skipped: Selaras keeps en and id"))
    #expect(result.stderr.contains("\(file.path):3: warning: tuv in fr left out: Selaras keeps en and id"))
    let stats = try CommandRunner.run(["tm", "stats", "--json"], database: database)
    #expect(stats.stdout.hasPrefix("{\"units\":1,"))
  }

  @Test("TMX goes both ways with translate-toolkit: its po2tmx output imports whole, and it reads our export back")
  func translateToolkit() throws {
    let pairs = [
      ("The rupiah fell 1.2% on Tuesday.", "Rupiah melemah 1,2 persen pada Selasa."),
      (
        "BI kept its rate at 6.00% & pledged to defend the <rupiah>.",
        "BI menahan suku bunga & berjanji menjaga <rupiah>."
      ),
      ("Kyiv’s power grid was hit by “kamikaze” drones.", "Jaringan listrik Kyiv dihantam drone “kamikaze”."),
    ]
    let po = TemporaryFile.url("po")
    let theirs = TemporaryFile.url("tmx")
    let ours = TemporaryFile.url("tmx")
    let database = TemporaryFile.url("sqlite")
    defer {
      for file in [po, theirs, ours] { try? FileManager.default.removeItem(at: file) }
      TemporaryFile.removeDatabase(database)
    }
    func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
    let entries = pairs.map { "msgid \(quoted($0.0))\nmsgstr \(quoted($0.1))\n" }
    try ("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n" + entries.joined(separator: "\n"))
      .write(to: po, atomically: true, encoding: .utf8)
    let converted = try CommandRunner.run(
      ["-l", "id", po.path, theirs.path], tool: URL(fileURLWithPath: "/usr/bin/po2tmx"))
    #expect(converted.status == 0, "po2tmx (translate-toolkit): \(converted.stderr)")
    let imported = try CommandRunner.run(["tm", "import", theirs.path], database: database)
    #expect(imported.stdout == "3 units added, 0 already there, 0 skipped\n")
    #expect(try CommandRunner.run(["tm", "export", "--output", ours.path], database: database).status == 0)
    // translate-toolkit's own TMX reader, from the Python it is installed for.
    let read = try CommandRunner.run(
      [
        "-c",
        "import json, sys\nfrom translate.storage import tmx\n"
          + "units = tmx.tmxfile.parsefile(sys.argv[1]).units\n"
          + "print(json.dumps([[u.source, u.target] for u in units if u.source]))",
        ours.path,
      ], tool: URL(fileURLWithPath: "/usr/bin/python3"))
    #expect(read.status == 0, "\(read.stderr)")
    let units = try JSONDecoder().decode([[String]].self, from: Data(read.stdout.utf8))
    #expect(units == pairs.map { [$0.0, $0.1] })
  }
}

@Suite("selaras tm and a store that is not there")
struct MissingStoreTests {
  @Test("A typo in --db, an empty file or a text file is an error naming the path, and no file is made or changed")
  func notAStore() throws {
    let folder = TemporaryFile.folder()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let typo = folder.appendingPathComponent("typo.sqlite")
    for command in [["tm", "stats"], ["tm", "search", "Stocks rose."], ["tm", "concordance", "rupiah"]] {
      let result = try CommandRunner.run(command + ["--db", typo.path])
      #expect(result.status == 1, "\(command)")
      #expect(
        result.stderr
          == "Error: \(typo.path): no Selaras store here (one is made by tm import, align --save or glossary add)\n")
    }
    #expect(!FileManager.default.fileExists(atPath: typo.path))
    let empty = folder.appendingPathComponent("empty.txt")
    FileManager.default.createFile(atPath: empty.path, contents: Data())
    let emptyResult = try CommandRunner.run(["tm", "stats", "--db", empty.path])
    #expect(emptyResult.status == 1 && emptyResult.stderr.contains("an empty file, not a Selaras store"))
    #expect(try Data(contentsOf: empty).isEmpty)
    let notes = folder.appendingPathComponent("notes.txt")
    try "Kemenlu = Foreign Ministry\n".write(to: notes, atomically: true, encoding: .utf8)
    let textResult = try CommandRunner.run(["glossary", "add", "Kemenlu", "Foreign Ministry", "--db", notes.path])
    #expect(textResult.status == 1 && textResult.stderr.contains("not a Selaras store (not an SQLite database)"))
    #expect(try String(contentsOf: notes, encoding: .utf8) == "Kemenlu = Foreign Ministry\n")
  }
}
