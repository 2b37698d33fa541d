import Foundation
import SelarasTestSupport
import Testing

@Suite("selaras tm import FILE.xlf")
struct XLIFFImportCommandTests {
  private func stats(_ database: URL) throws -> String {
    try CommandRunner.run(["tm", "stats", "--json"], database: database).stdout
  }

  @Test("A pre-translated story, translated on, goes back into the memory: finished targets only, unless --all-states")
  func translatedBack() throws {
    let database = TemporaryFile.url("sqlite")
    let story = TemporaryFile.url("txt")
    let xliff = TemporaryFile.url("xlf")
    defer {
      TemporaryFile.removeDatabase(database)
      try? FileManager.default.removeItem(at: story)
      try? FileManager.default.removeItem(at: xliff)
    }
    try "The rupiah fell against the dollar.\n\nExports rose sharply in the third quarter.\n\nImports fell.\n"
      .write(to: story, atomically: true, encoding: .utf8)
    #expect(try CommandRunner.run(["pretranslate", story.path, "--output", xliff.path]).status == 0)
    // The translator's work: the first two done, the third still to review.
    var text = try String(contentsOf: xliff, encoding: .utf8)
    let translations = [
      ("The rupiah fell against the dollar.", "Rupiah melemah terhadap dolar.", "translated"),
      ("Exports rose sharply in the third quarter.", "Ekspor naik tajam pada kuartal ketiga.", "final"),
      ("Imports fell.", "Impor turun.", "needs-review-translation"),
    ]
    for (source, target, state) in translations {
      let line = "<source xml:lang=\"en\">\(source)</source>\n"
      text = text.replacingOccurrences(
        of: line, with: line + "          <target xml:lang=\"id\" state=\"\(state)\">\(target)</target>\n")
    }
    try text.write(to: xliff, atomically: true, encoding: .utf8)
    let imported = try CommandRunner.run(["tm", "import", xliff.path], database: database)
    #expect(imported.status == 0, "\(imported.stderr)")
    // The unit still to review is skipped, and counted and named as skipped.
    #expect(imported.stdout == "2 units added, 0 already there, 1 skipped\n")
    #expect(imported.stderr.contains("skipped: its target is needs-review-translation (--all-states takes it)"))
    let search = try CommandRunner.run(["tm", "search", "Exports rose sharply in the third quarter.", "--json"], database: database)
    #expect(search.stdout.contains("\"target\":\"Ekspor naik tajam pada kuartal ketiga.\",\"origin\":\"\(story.lastPathComponent)\""))
    let all = try CommandRunner.run(["tm", "import", xliff.path, "--all-states"], database: database)
    #expect(all.stdout == "1 units added, 2 already there, 0 skipped\n")
  }

  @Test("An XLIFF written by translate-toolkit's po2xliff imports whole")
  func fromTranslateToolkit() throws {
    let database = TemporaryFile.url("sqlite")
    let po = TemporaryFile.url("po")
    let xliff = TemporaryFile.url("xlf")
    defer {
      TemporaryFile.removeDatabase(database)
      try? FileManager.default.removeItem(at: po)
      try? FileManager.default.removeItem(at: xliff)
    }
    let entries = [
      ("Bank Indonesia kept its benchmark rate unchanged.", "BI mempertahankan suku bunga acuan."),
      ("The rupiah fell 1.2% on Tuesday.", "Rupiah melemah 1,2 persen pada Selasa."),
      ("Inflation slowed to 1.71% in October.", "Inflasi melambat menjadi 1,71 persen pada Oktober."),
    ]
    try ("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
      + entries.map { "msgid \"\($0.0)\"\nmsgstr \"\($0.1)\"\n" }.joined(separator: "\n"))
      .write(to: po, atomically: true, encoding: .utf8)
    let converted = try CommandRunner.run([po.path, xliff.path], tool: URL(fileURLWithPath: "/usr/bin/po2xliff"))
    #expect(converted.status == 0, "po2xliff (translate-toolkit): \(converted.stderr)")
    // po2xliff names no target language (a PO file has none): this one is made Indonesian,
    // as a translator's tool would.
    let text = try String(contentsOf: xliff, encoding: .utf8)
      .replacingOccurrences(of: "source-language=\"en-US\"", with: "source-language=\"en-US\" target-language=\"id\"")
    try text.write(to: xliff, atomically: true, encoding: .utf8)
    let imported = try CommandRunner.run(["tm", "import", xliff.path], database: database)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout == "3 units added, 0 already there, 0 skipped\n")
  }

  @Test("A hostile, malformed or other-language XLIFF is one error with its place, and nothing is imported")
  func badXLIFF() throws {
    let database = TemporaryFile.url("sqlite")
    let file = TemporaryFile.url("xlf")
    defer {
      TemporaryFile.removeDatabase(database)
      try? FileManager.default.removeItem(at: file)
    }
    let unit = "<trans-unit id=\"1\"><source>Stocks rose.</source><target state=\"translated\">Saham naik.</target></trans-unit>"
    let cases = [
      ("<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY lol \"lol\">]>\n<xliff version=\"1.2\"><file original=\"a\" "
        + "source-language=\"en\" target-language=\"id\"><body>\(unit)<trans-unit id=\"2\"><source>&lol;</source>"
        + "<target state=\"translated\">x</target></trans-unit></body></file></xliff>", "entities are never expanded"),
      ("<xliff version=\"1.2\"><file original=\"a\" source-language=\"en\" target-language=\"id\"><body>\(unit)</body>",
        "not well-formed XML"),
      ("<xliff version=\"1.2\"><file original=\"a\" source-language=\"fr\" target-language=\"de\"><body>\(unit)"
        + "</body></file></xliff>", "a file from fr to de: Selaras keeps en and id"),
    ]
    for (content, reason) in cases {
      try content.write(to: file, atomically: true, encoding: .utf8)
      let result = try CommandRunner.run(["tm", "import", file.path], database: database)
      #expect(result.status == 1)
      #expect(result.stderr.hasPrefix("Error: \(file.path):") && result.stderr.contains(reason), "\(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1)
      #expect(try stats(database).hasPrefix("{\"units\":0,"))
    }
  }
}
