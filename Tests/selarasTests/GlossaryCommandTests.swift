import Foundation
import Testing

@Suite("selaras glossary")
struct GlossaryCommandTests {
  @Test("lookup prints the entry with its synonyms in both languages")
  func lookup() throws {
    let result = try CommandRunner.run(["glossary", "lookup", "Kemenlu"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("id: Kementerian Luar Negeri; Kemenlu\nen: Foreign Ministry; Ministry of Foreign Affairs\n"))
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

  @Test("lookup of nothing known exits 1 with a message")
  func notFound() throws {
    let result = try CommandRunner.run(["glossary", "lookup", "xyzzy"])
    #expect(result.status == 1)
    #expect(result.stderr == "no glossary entry matches 'xyzzy'\n")
  }

  @Test("scan lists terms with byte offsets and translations")
  func scan() throws {
    let input = "Pemerintah AS memperkuat kemitraannya dengan Kemenlu."
    let result = try CommandRunner.run(["glossary", "scan", "-", "--lang", "id"], stdin: Data(input.utf8))
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        0-10\tPemerintah\tpemerintah\tgovernment
        11-13\tAS\tAS\tUnited States
        14-24\tmemperkuat\tmemperkuat\tstrengthen
        25-37\tkemitraannya\tkemitraan\tpartnership
        45-52\tKemenlu\tKemenlu\tForeign Ministry

        """)
  }
}

@Suite("selaras glossary add, import, export")
struct GlossaryStoreCommandTests {
  @Test("add, then lookup finds the new entry in inflected form")
  func add() throws {
    let database = CommandRunner.temporaryFile("sqlite")
    let added = try CommandRunner.run(
      ["glossary", "add", "rudal hipersonik", "hypersonic missile", "--domain", "security"], database: database)
    #expect(added.status == 0)
    #expect(added.stdout == "added\n")
    let found = try CommandRunner.run(["glossary", "lookup", "rudal-rudal hipersonik"], database: database)
    #expect(found.stdout == "id: rudal hipersonik\nen: hypersonic missile\n")
  }

  @Test("import → export → import keeps concepts, synonyms, notes and non-ASCII text", arguments: ["tsv", "csv", "tbx"])
  func roundTrip(format: String) throws {
    let source = CommandRunner.temporaryFile("tsv")
    let exported = CommandRunner.temporaryFile(format)
    defer {
      try? FileManager.default.removeItem(at: source)
      try? FileManager.default.removeItem(at: exported)
    }
    try "\u{FEFF}Kemenlu\tForeign Ministry\tacronym\r\nKementerian Luar Negeri\tForeign Ministry\r\nTeheran\tTehran\tibu kota Iran — “ibu kota”\r\n"
      .write(to: source, atomically: true, encoding: .utf8)
    let first = CommandRunner.temporaryFile("sqlite")
    #expect(try CommandRunner.run(["glossary", "import", source.path], database: first).status == 0)
    let export = try CommandRunner.run(
      ["glossary", "export", "--format", format, "--output", exported.path, "--store-only"], database: first)
    #expect(export.status == 0)
    let second = CommandRunner.temporaryFile("sqlite")
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
    let database = CommandRunner.temporaryFile("sqlite")
    let file = CommandRunner.temporaryFile("tsv")
    defer { try? FileManager.default.removeItem(at: file) }
    try "drone laut\tsea drone\nOJK Financial Services Authority\n".write(to: file, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run(["glossary", "import", file.path], database: database)
    #expect(result.status == 1)
    #expect(result.stderr == "Error: \(file.path):2: expected source<TAB>target[<TAB>comment]\n")
    let export = try CommandRunner.run(["glossary", "export", "--format", "tsv", "--output", "-", "--store-only"], database: database)
    #expect(!export.stdout.contains("drone laut"))
  }
}
