import Foundation
import Testing

@Suite("selaras segment")
struct SegmentCommandTests {
  @Test("lines: one sentence per line, matching the gold of a Corpora article")
  func linesMatchGold() throws {
    let result = try CommandRunner.run(["segment", "Corpora/disaster-cianjur-quake.id.txt", "--lang", "id"])
    #expect(result.status == 0)
    let gold = try String(
      contentsOf: CommandRunner.root.appendingPathComponent("Corpora/disaster-cianjur-quake.id.lines"), encoding: .utf8)
    #expect(result.stdout == gold)
  }

  @Test("json: text, UTF-8 byte offsets, paragraph and boilerplate flag per sentence")
  func json() throws {
    let input = "Bisnis.com, JAKARTA – BI menahan suku bunga.\n\nNyaman tanpa iklan. Langganan BisnisPro\n"
    let result = try CommandRunner.run(["segment", "-", "--lang", "id", "--format", "json"], stdin: Data(input.utf8))
    #expect(result.status == 0)
    struct Output: Decodable {
      struct Item: Decodable, Equatable {
        var text: String
        var start: Int
        var end: Int
        var paragraph: Int
        var boilerplate: Bool
      }
      var lang: String
      var sentences: [Item]
    }
    let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
    #expect(output.lang == "id")
    #expect(
      output.sentences == [
        .init(text: "Bisnis.com, JAKARTA – BI menahan suku bunga.", start: 0, end: 46, paragraph: 0, boilerplate: false),
        .init(text: "Nyaman tanpa iklan.", start: 48, end: 67, paragraph: 1, boilerplate: true),
        .init(text: "Langganan BisnisPro", start: 68, end: 87, paragraph: 1, boilerplate: true),
      ])
    let bytes = Array(input.utf8)
    for sentence in output.sentences {
      #expect(String(decoding: bytes[sentence.start..<sentence.end], as: UTF8.self) == sentence.text)
    }
  }

  @Test("Standard input without a file argument; empty input prints nothing")
  func standardInput() throws {
    let result = try CommandRunner.run(["segment", "--lang", "en"], stdin: Data("It rained. Roads flooded.".utf8))
    #expect(result.stdout == "It rained.\nRoads flooded.\n")
    let empty = try CommandRunner.run(["segment", "--lang", "en"], stdin: Data())
    #expect(empty.status == 0)
    #expect(empty.stdout.isEmpty)
  }

  @Test("Invalid UTF-8 fails with the byte offset")
  func invalidUTF8() throws {
    let result = try CommandRunner.run(["segment", "--lang", "id"], stdin: Data([0x42, 0x49, 0x20, 0xC3, 0x28]))
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "Error: <stdin>: invalid UTF-8 at byte offset 3\n")
  }

  @Test("A missing file fails naming it")
  func missingFile() throws {
    let result = try CommandRunner.run(["segment", "Corpora/no-such-article.id.txt", "--lang", "id"])
    #expect(result.status == 1)
    #expect(result.stderr == "Error: Corpora/no-such-article.id.txt: no such file\n")
  }

  @Test("An unknown language is a usage error")
  func unknownLanguage() throws {
    let result = try CommandRunner.run(["segment", "Corpora/economy-bi-rate.en.txt", "--lang", "fr"])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("Error: unsupported language 'fr' for --lang: use id or en\n"))
  }
}
