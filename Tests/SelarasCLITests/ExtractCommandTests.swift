import Foundation
import Testing

@Suite("selaras extract")
struct ExtractCommandTests {
  static let pages = "Tests/SelarasTests/Fixtures/pages"

  @Test("json: one object per page, in argument order, with the contract's keys and paragraph kinds")
  func json() throws {
    let result = try CommandRunner.run([
      "extract", "\(Self.pages)/economy-bi-rate.id.html", "\(Self.pages)/economy-bi-rate.en.html", "--format", "json",
    ])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    struct Page: Decodable {
      var source: String
      var url: String?
      var title: String
      var language: String?
      var paragraphs: [[String: String]]
    }
    let first = try JSONDecoder().decode(Page.self, from: Data(lines[0].utf8))
    #expect(first.source.hasSuffix("economy-bi-rate.id.html") && first.url == nil)
    #expect(first.title == "BI Tahan Suku Bunga Acuan 6,00 Persen, Siap Jaga Rupiah")
    #expect(first.language == "id")
    #expect(
      first.paragraphs.first == [
        "kind": "caption",
        "text": "Gubernur Bank Indonesia Perry Warjiyo memberikan keterangan pers di Jakarta, Rabu (20/11/2024).",
      ])
    #expect(first.paragraphs.contains { $0["kind"] == "credit" && $0["text"] == "Bisnis/Arief Hermawan P" })
    #expect(!first.paragraphs.contains { ($0["text"] ?? "").hasPrefix("Baca juga") })
    // The keys in the contract's order, absent values as null.
    #expect(lines[0].hasPrefix("{\"source\":") && lines[0].contains(",\"url\":null,\"title\":"))
    let second = try JSONDecoder().decode(Page.self, from: Data(lines[1].utf8))
    #expect(second.language == "en")
  }

  @Test(
    "text: the title, a blank line, the paragraphs; a text file or a missing page is refused and nothing is written")
  func textAndErrors() throws {
    let result = try CommandRunner.run(["extract", "\(Self.pages)/weather-jakarta-floods.id.html"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("Banjir Rendam Sejumlah Wilayah Jakarta Usai Hujan Deras Semalaman\n\n"))
    #expect(!result.stdout.contains("(dal/dal)"))
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("extract-\(UUID()).txt")
    let text = try CommandRunner.run([
      "extract", "\(Self.pages)/economy-bi-rate.id.html", "Corpora/economy-bi-rate.id.txt", "--output", output.path,
    ])
    #expect(text.status != 0)
    #expect(text.stderr.contains("Corpora/economy-bi-rate.id.txt: not an HTML page"))
    #expect(!FileManager.default.fileExists(atPath: output.path))
    let missing = try CommandRunner.run(["extract", "no-such-page.html"])
    #expect(missing.status != 0 && missing.stderr.contains("no-such-page.html: no such file"))
    let deep = try CommandRunner.run(
      ["extract", "-"], stdin: Data(("<html><body>" + String(repeating: "<div>", count: 100_000)).utf8))
    #expect(deep.status != 0 && deep.stderr.contains("nested more than 512 deep"))
    // A full disk behind standard output is one error line, not a trap.
    let full = try CommandRunner.run(
      ["-c", "\"$0\" extract \(Self.pages)/economy-bi-rate.id.html > /dev/full", CommandRunner.executable.path],
      tool: URL(fileURLWithPath: "/bin/sh"))
    #expect(full.status == 1 && full.stderr.split(separator: "\n").count == 1, "\(full.stderr)")
  }

  @Test("align reads two pages as it reads their articles' texts: headline with headline, no chrome paired")
  func alignPages() throws {
    let result = try CommandRunner.run([
      "align", "\(Self.pages)/economy-bi-rate.en.html", "\(Self.pages)/economy-bi-rate.id.html", "--format", "tsv",
    ])
    #expect(result.status == 0)
    let rows = result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    #expect(rows.first?[0] == "Indonesia central bank holds rate at 6.00%, pledges to defend rupiah")
    #expect(rows.first?[1] == "BI Tahan Suku Bunga Acuan 6,00 Persen, Siap Jaga Rupiah")
    #expect(!result.stdout.contains("Baca juga") && !result.stdout.contains("ADVERTISEMENT"))
    // The rate decision's lead pairs with its Indonesian lead.
    #expect(rows.contains { $0[0].hasPrefix("JAKARTA, Nov 20 (Reuters)") && $0[1].hasPrefix("Bisnis.com, JAKARTA") })
  }
}
