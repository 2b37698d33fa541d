import Foundation
import SelarasTestSupport
import Testing

@Suite("selaras glossary")
struct GlossaryCommandTests {
  @Test("lookup prints the entry with its synonyms in both languages")
  func lookup() throws {
    let result = try CommandRunner.run(["glossary", "lookup", "Kemenlu"])
    #expect(result.status == 0)
    #expect(
      result.stdout.hasPrefix(
        "id: Kementerian Luar Negeri; Kemenlu\nen: Foreign Ministry; Ministry of Foreign Affairs\n"))
  }

  @Test("lookup --json, and inflected forms")
  func lookupJSON() throws {
    let result = try CommandRunner.run(["glossary", "lookup", "drone-drone kamikaze", "--json"])
    #expect(result.status == 0)
    struct Output: Decodable {
      struct Entry: Decodable {
        struct Term: Decodable {
          var text: String
          var lang: String
          var status: String
        }
        var terms: [Term]
      }
      var query: String
      var entries: [Entry]
    }
    let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
    #expect(output.entries.count == 1)
    #expect(output.entries[0].terms.map(\.text) == ["drone kamikaze", "kamikaze drone"])
  }

  @Test("lookup of nothing known did its job: exit 0, nothing on stdout, a message on stderr, as tm search")
  func notFound() throws {
    let result = try CommandRunner.run(["glossary", "lookup", "xyzzy"])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "no glossary entry matches 'xyzzy'\n")
  }

  @Test("scan lists terms with byte offsets and translations")
  func scan() throws {
    let input = "Pemerintah AS memperkuat kemitraannya dengan Kemenlu."
    let result = try CommandRunner.run(["glossary", "scan", "-", "--lang", "id"], stdin: Data(input.utf8))
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        0-10\tPemerintah\tpemerintah\tgovernment\tshipped
        11-13\tAS\tAS\tUnited States\tshipped
        14-24\tmemperkuat\tmemperkuat\tstrengthen\tshipped
        25-37\tkemitraannya\tkemitraan\tpartnership\tshipped
        45-52\tKemenlu\tKemenlu\tForeign Ministry\tshipped

        """)
  }
}

@Suite("selaras glossary add, import, export")
struct GlossaryStoreCommandTests {
  @Test("add goes in the store's direction (en→id for a new store), then lookup finds the entry in inflected form")
  func add() throws {
    let database = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(database) }
    let added = try CommandRunner.run(
      ["glossary", "add", "hypersonic missile", "rudal hipersonik", "--domain", "security"], database: database)
    #expect(added.status == 0)
    #expect(added.stdout == "added: en: hypersonic missile | id: rudal hipersonik\n")
    #expect(added.stderr == "glossary store: \(database.path)\n")
    let found = try CommandRunner.run(["glossary", "lookup", "rudal-rudal hipersonik"], database: database)
    #expect(found.stdout == "en: hypersonic missile\nid: rudal hipersonik\nfrom: store\n")
  }

  @Test(
    "The issue's drone strike: stored English → Indonesian in a new store; a store made id→en takes id→en by default, and en→id only when told"
  )
  func addFollowsTheStoresDirection() throws {
    let database = TemporaryFile.url("sqlite")
    let reversed = TemporaryFile.url("sqlite")
    defer { [database, reversed].forEach(TemporaryFile.removeDatabase) }
    #expect(
      try CommandRunner.run(["glossary", "add", "drone strike", "serangan drone"], database: database).status == 0)
    let lookup = try CommandRunner.run(["glossary", "lookup", "serangan drone", "--json"], database: database)
    #expect(lookup.stdout.contains(#"{"text":"drone strike","lang":"en""#), "\(lookup.stdout)")
    #expect(lookup.stdout.contains(#"{"text":"serangan drone","lang":"id""#), "\(lookup.stdout)")

    // A store made for id→en keeps that direction for every later command.
    let first = try CommandRunner.run(
      ["glossary", "add", "Kemenlu", "Foreign Ministry", "--source-lang", "id"], database: reversed)
    #expect(first.stdout == "added: id: Kemenlu | en: Foreign Ministry\n")
    let second = try CommandRunner.run(["glossary", "add", "Kemenkeu", "Finance Ministry"], database: reversed)
    #expect(second.stdout == "added: id: Kemenkeu | en: Finance Ministry\n")
    let onPurpose = try CommandRunner.run(
      ["glossary", "add", "drone strike", "serangan drone", "--target-lang", "id", "--json"], database: reversed)
    #expect(onPurpose.stdout.hasPrefix(#"{"added":1,"extended":0,"unchanged":0,"removed":[],"store":"#))
    let found = try CommandRunner.run(["glossary", "lookup", "serangan drone", "--json"], database: reversed)
    #expect(found.stdout.contains(#"{"text":"drone strike","lang":"en""#), "\(found.stdout)")
    let stats = try CommandRunner.run(["tm", "stats"], database: reversed)
    #expect(stats.stdout.contains("direction: id→en\n"), "\(stats.stdout)")
  }

  @Test(
    "remove takes every entry holding the term, says what went, and is no error when nothing matches; add --replace corrects an entry in one step"
  )
  func removeAndReplace() throws {
    let database = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(database) }
    // The wrong way round, on purpose, then undone.
    #expect(
      try CommandRunner.run(
        ["glossary", "add", "serangan drone", "drone strike", "--source-lang", "en"], database: database
      ).status == 0)
    #expect(try CommandRunner.run(["glossary", "add", "Foreign Ministry", "Kemenlu"], database: database).status == 0)
    let removed = try CommandRunner.run(["glossary", "remove", "Serangan Drone"], database: database)
    #expect(removed.status == 0)
    #expect(removed.stdout == "removed: en: serangan drone | id: drone strike\n")
    #expect(removed.stderr == "1 entry removed from \(database.path)\n")
    let nothing = try CommandRunner.run(["glossary", "remove", "serangan drone", "--json"], database: database)
    #expect(nothing.status == 0)
    #expect(nothing.stdout == "{\"removed\":[],\"store\":\"\(database.path)\"}\n")
    #expect(nothing.stderr.hasPrefix("no entry of"))
    let replaced = try CommandRunner.run(
      ["glossary", "add", "Foreign Ministry", "Kementerian Luar Negeri", "--replace"], database: database)
    #expect(
      replaced.stdout
        == "removed: en: Foreign Ministry | id: Kemenlu\nadded: en: Foreign Ministry | id: Kementerian Luar Negeri\n")
    let lookup = try CommandRunner.run(["glossary", "lookup", "Foreign Ministry", "--json"], database: database)
    #expect(
      !lookup.stdout.contains("Kemenlu\",\"lang\":\"id\",\"status\":\"preferred\"}],\"note\":null,\"origin\":\"store\"")
    )
    #expect(lookup.stdout.contains("Kementerian Luar Negeri"))
    let missingStore = try CommandRunner.run(["glossary", "remove", "x", "--db", TemporaryFile.url("sqlite").path])
    #expect(missingStore.status == 1 && missingStore.stderr.contains("no Selaras store here"))
  }

  @Test(
    "import → export → import keeps concepts, synonyms, notes and non-ASCII text", arguments: ["tsv", "csv", "tbx"])
  func roundTrip(format: String) throws {
    let source = TemporaryFile.url("tsv")
    let exported = TemporaryFile.url(format)
    defer {
      try? FileManager.default.removeItem(at: source)
      try? FileManager.default.removeItem(at: exported)
    }
    try
      "\u{FEFF}Kemenlu\tForeign Ministry\tacronym\r\nKementerian Luar Negeri\tForeign Ministry\r\nTeheran\tTehran\tibu kota Iran — “ibu kota”\r\n"
      .write(to: source, atomically: true, encoding: .utf8)
    let first = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(first) }
    #expect(try CommandRunner.run(["glossary", "import", source.path], database: first).status == 0)
    let export = try CommandRunner.run(
      ["glossary", "export", "--format", format, "--output", exported.path, "--store-only"], database: first)
    #expect(export.status == 0)
    let second = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(second) }
    let imported = try CommandRunner.run(["glossary", "import", exported.path], database: second)
    #expect(imported.stdout == "2 entries added, 0 extended, 0 already there\n")
    let again = try CommandRunner.run(
      ["glossary", "export", "--format", format, "--output", "-", "--store-only"], database: second)
    #expect(again.stdout == (try String(contentsOf: exported, encoding: .utf8)))
    #expect(again.stdout.contains("ibu kota Iran — “ibu kota”"))
    let lookup = try CommandRunner.run(["glossary", "lookup", "Kemenlu", "--json"], database: second)
    #expect(lookup.stdout.contains("\"Kementerian Luar Negeri\""))
  }

  @Test("A malformed file fails with file:line and imports nothing")
  func badFile() throws {
    let database = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(database) }
    let file = TemporaryFile.url("tsv")
    defer { try? FileManager.default.removeItem(at: file) }
    try "drone laut\tsea drone\nOJK Financial Services Authority\n".write(to: file, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run(["glossary", "import", file.path], database: database)
    #expect(result.status == 1)
    #expect(result.stderr == "Error: \(file.path):2: expected source<TAB>target[<TAB>comment]\n")
    let export = try CommandRunner.run(
      ["glossary", "export", "--format", "tsv", "--output", "-", "--store-only"], database: database)
    #expect(!export.stdout.contains("drone laut"))
  }
}

@Suite("selaras glossary extract and check")
struct TermCaptureCommandTests {
  /// The alignment `selaras align --format json` writes for a Corpora pair.
  private func alignment(_ name: String) throws -> URL {
    let result = try CommandRunner.run([
      "align", "Corpora/\(name).en.lines", "Corpora/\(name).id.lines", "--presegmented", "--format", "json",
    ])
    #expect(result.status == 0)
    let file = TemporaryFile.url("json")
    try result.stdout.write(to: file, atomically: true, encoding: .utf8)
    return file
  }

  @Test(
    "extract proposes the acronyms an article defines, with full form and English; --accept stores them; check then passes the article and flags a planted pair"
  )
  func loop() throws {
    let lavrov = try alignment("diplomacy-lavrov-tehran")
    let dengue = try alignment("health-dengue")
    defer { for file in [lavrov, dengue] { try? FileManager.default.removeItem(at: file) } }
    let database = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(database) }
    let found = try CommandRunner.run(
      ["glossary", "extract", lavrov.path, dengue.path, "--json"], database: database)
    #expect(found.status == 0)
    struct Output: Decodable {
      struct Candidate: Decodable {
        var rank: Int
        var kind: String
        var id: [String]
        var en: [String]
      }
      var candidates: [Candidate]
    }
    let candidates = try JSONDecoder().decode(Output.self, from: Data(found.stdout.utf8)).candidates
    let acronyms = candidates.filter { $0.kind == "acronym" }
    #expect(
      acronyms.map(\.id) == [
        ["Kementerian Luar Negeri", "Kemenlu"], ["demam berdarah dengue", "DBD"],
        ["Kementerian Kesehatan", "Kemenkes"],
        ["Organisasi Kesehatan Dunia", "WHO"],
      ])
    // "Dengue fever" as the dateline-led sentence has it: `JAKARTA, Jan. 15 (Reuters) - Dengue fever cases…`
    #expect(
      acronyms.map(\.en) == [
        ["foreign ministry"], ["Dengue fever", "DBD"], ["health ministry"], ["World Health Organization", "WHO"],
      ])
    #expect(candidates.contains { $0.id == ["drone kamikaze"] && $0.en == ["kamikaze drones"] })

    // Nothing to check against yet: the store is empty.
    let empty = try CommandRunner.run(["glossary", "check", lavrov.path], database: database)
    #expect(empty.status == 1)
    #expect(empty.stderr.contains("the glossary store is empty"))

    let ranks = acronyms.map { String($0.rank) }.joined(separator: ",")
    let accepted = try CommandRunner.run(
      ["glossary", "extract", lavrov.path, dengue.path, "--accept", ranks], database: database)
    #expect(accepted.status == 0)
    #expect(accepted.stderr == "4 entries added, 0 extended, 0 already there\n")

    let clean = try CommandRunner.run(["glossary", "check", lavrov.path, dengue.path], database: database)
    #expect(clean.status == 0)
    #expect(clean.stdout == "")
    #expect(clean.stderr.hasPrefix("0 issues in "))

    let planted = TemporaryFile.url("json")
    defer { try? FileManager.default.removeItem(at: planted) }
    try #"""
    {"source":["Russia's Health Ministry said Lavrov would arrive in Tehran on Monday."],
     "target":["Kemenlu Rusia menyatakan Lavrov akan tiba di Teheran pada Senin."],
     "beads":[{"source":[0],"target":[0],"score":0.9}]}
    """#.write(to: planted, atomically: true, encoding: .utf8)
    let flagged = try CommandRunner.run(["glossary", "check", planted.path, "--json"], database: database)
    #expect(flagged.status == 0)
    #expect(
      flagged.stdout.contains(
        #""kind":"missing","found":"Health Ministry","lang":"en","expected":"Kementerian Kesehatan""#))
    #expect(flagged.stderr == "1 issue in 1 pairs\n")
  }

  @Test("extract and check refuse what is not an alignment, and take --tm")
  func inputs() throws {
    let bad = TemporaryFile.url("json")
    defer { try? FileManager.default.removeItem(at: bad) }
    try "[1, 2, 3]".write(to: bad, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run(["glossary", "extract", bad.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(bad.path): not an alignment"))
    let both = try CommandRunner.run(["glossary", "extract", bad.path, "--tm"])
    #expect(both.status == 64)
    let missing = try CommandRunner.run(["glossary", "check", "no-such.json", "--with-shipped"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("no-such.json"))

    let database = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(database) }

    let saved = try CommandRunner.run(
      ["align", "Corpora/health-dengue.en.lines", "Corpora/health-dengue.id.lines", "--presegmented", "--save"],
      database: database)
    #expect(saved.status == 0)
    let fromMemory = try CommandRunner.run(["glossary", "extract", "--tm"], database: database)
    #expect(fromMemory.status == 0)
    #expect(fromMemory.stdout.contains("acronym\tKementerian Kesehatan; Kemenkes\thealth ministry\t1\t1.000\tknown\t"))
  }

  @Test("A derived word does not reach the base word's entry: keuangan is not money, Kedutaan Besar is no Duta Besar")
  func noDerivation() throws {
    let database = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(database) }
    let pairs = [
      ("uang", "money"), ("satu", "one"), ("jalan", "road"), ("tahan", "hold"), ("ada", "exist"),
      ("sehat", "healthy"), ("main", "play"), ("usaha", "effort"), ("adil", "fair"),
    ]
    for (indonesian, english) in pairs {
      #expect(
        try CommandRunner.run(["glossary", "add", indonesian, english, "--source-lang", "id"], database: database)
          .status
          == 0)
    }
    let derived = [
      "keuangan", "persatuan", "perjalanan", "pertahanan", "keadaan", "kesehatan", "permainan", "perusahaan",
      "pengadilan",
    ]
    for (word, (_, english)) in zip(derived, pairs) {
      let result = try CommandRunner.run(["glossary", "lookup", word], database: database)
      #expect(!result.stdout.contains("en: \(english)\n"), "\(word): \(result.stdout)")
    }
    // Inflection still reaches the stored word.
    let inflected = try CommandRunner.run(["glossary", "lookup", "uangnya"], database: database)
    #expect(inflected.stdout.contains("money"))
    let scan = try CommandRunner.run(
      ["glossary", "scan", "-", "--lang", "id"], stdin: Data("Kedutaan Besar Rusia di Jakarta membantah.".utf8),
      database: database)
    #expect(scan.status == 0)
    #expect(!scan.stdout.contains("Duta Besar"), "\(scan.stdout)")
  }

  @Test("The user's own entry comes first, marked as the store's, with the shipped one after it")
  func storeFirst() throws {
    let database = TemporaryFile.url("sqlite")
    defer { TemporaryFile.removeDatabase(database) }
    #expect(
      try CommandRunner.run(
        ["glossary", "add", "perkuat", "strengthen (our style)", "--source-lang", "id"], database: database
      )
      .status == 0)
    let lookup = try CommandRunner.run(["glossary", "lookup", "perkuat", "--json"], database: database)
    struct Output: Decodable {
      struct Entry: Decodable {
        struct Term: Decodable { var text: String }
        var terms: [Term]
        var origin: String
      }
      var entries: [Entry]
    }
    let entries = try JSONDecoder().decode(Output.self, from: Data(lookup.stdout.utf8)).entries
    #expect(entries.map(\.origin) == ["store", "shipped"])
    #expect(entries.first?.terms.map(\.text) == ["perkuat", "strengthen (our style)"])
    let scan = try CommandRunner.run(
      ["glossary", "scan", "-", "--lang", "id"], stdin: Data("Indonesia memperkuat pertahanan.".utf8),
      database: database)
    let lines = scan.stdout.split(separator: "\n")
    #expect(lines.first == "10-20\tmemperkuat\tperkuat\tstrengthen (our style)\tstore")
    #expect(lines.dropFirst().first?.hasSuffix("\tshipped") == true)
  }

  @Test(
    "glossary import leaves out, with a warning, an entry its own export could not carry; glossary add refuses one language on both sides and control characters"
  )
  func unstorableEntries() throws {
    let database = TemporaryFile.url("sqlite")
    let tsv = TemporaryFile.url("tsv")
    let tbx = TemporaryFile.url("tbx")
    defer {
      TemporaryFile.removeDatabase(database)
      for file in [tsv, tbx] { try? FileManager.default.removeItem(at: file) }
    }
    try "Kemenlu\tForeign Ministry\n\u{1}\u{2}\tcontrol\nOJK\tFinancial Services Authority\n".write(
      to: tsv, atomically: true, encoding: .utf8)
    let imported = try CommandRunner.run(["glossary", "import", tsv.path, "--db", database.path])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("2 entries added") && imported.stdout.contains("1 skipped"), "\(imported.stdout)")
    #expect(imported.stderr.contains("U+0001"), "\(imported.stderr)")
    // The store's export imports back whole.
    #expect(
      try CommandRunner.run([
        "glossary", "export", "--format", "tbx", "--store-only", "--output", tbx.path, "--db", database.path,
      ]).status == 0)
    let again = try CommandRunner.run(["glossary", "import", tbx.path, "--db", database.path])
    #expect(
      again.status == 0 && again.stdout.contains("0 entries added, 0 extended, 2 already there"),
      "\(again.stdout) \(again.stderr)")
    let same = try CommandRunner.run(
      [
        "glossary", "add", "drone strike", "serangan drone", "--source-lang", "en", "--target-lang", "en", "--db",
        database.path,
      ])
    #expect(same.status != 0 && same.stderr.contains("both 'en'"), "\(same.stderr)")
    let control = try CommandRunner.run(["glossary", "add", "a\u{7}b", "x", "--db", database.path])
    #expect(control.status != 0 && control.stderr.contains("U+0007"), "\(control.stderr)")
  }
}

@Suite("selaras glossary and OmegaT's glossary")
struct OmegaTGlossaryTests {
  @Test("An en→id OmegaT glossary.txt goes in with --source-lang en and comes out the same way round")
  func omegaTDirection() throws {
    let database = TemporaryFile.url("sqlite")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omegat-\(UUID())")
    defer {
      TemporaryFile.removeDatabase(database)
      try? FileManager.default.removeItem(at: folder)
    }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let glossary = folder.appendingPathComponent("glossary.txt")
    try "hypersonic missile\trudal hipersonik\tfrom the defence desk\nceasefire\tgencatan senjata\n"
      .write(to: glossary, atomically: true, encoding: .utf8)
    let imported = try CommandRunner.run(
      ["glossary", "import", glossary.path, "--source-lang", "en", "--target-lang", "id"], database: database)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.hasPrefix("2 entries added"))
    // Stored the right way round: the English term is English.
    let lookup = try CommandRunner.run(["glossary", "lookup", "rudal-rudal hipersonik", "--json"], database: database)
    #expect(lookup.stdout.contains(#"{"text":"rudal hipersonik","lang":"id""#), "\(lookup.stdout)")
    #expect(lookup.stdout.contains(#"{"text":"hypersonic missile","lang":"en""#), "\(lookup.stdout)")
    // Out again for the same project, its extension telling the format.
    let exported = folder.appendingPathComponent("out.txt")
    let export = try CommandRunner.run(
      ["glossary", "export", "--output", exported.path, "--source-lang", "en", "--target-lang", "id", "--store-only"],
      database: database)
    #expect(export.status == 0, "\(export.stderr)")
    let rows = try String(contentsOf: exported, encoding: .utf8).split(separator: "\n")
    #expect(rows.contains { $0.hasPrefix("hypersonic missile\trudal hipersonik") })
    #expect(rows.contains { $0.hasPrefix("ceasefire\tgencatan senjata") })
    // The store the import made records en→id: every later command defaults to it, and
    // standard output (the default) is tsv; id→en only when asked.
    let storeDirection = try CommandRunner.run(["glossary", "export", "--store-only"], database: database)
    #expect(storeDirection.stdout.contains("hypersonic missile\trudal hipersonik"), "\(storeDirection.stdout)")
    let indonesianFirst = try CommandRunner.run(
      ["glossary", "export", "--output", "-", "--format", "tsv", "--store-only", "--source-lang", "id"],
      database: database)
    #expect(indonesianFirst.stdout.contains("rudal hipersonik\thypersonic missile"))
    let unknown = try CommandRunner.run(["glossary", "export", "--output", "x.dat"], database: database)
    #expect(unknown.status != 0 && unknown.stderr.contains("cannot tell the format of x.dat"))
  }
}
