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
