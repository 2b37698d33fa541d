import Foundation
import SelarasTestSupport
import Testing

@Suite("selaras merge")
struct MergeCommandTests {
  @Test("pretranslate, the translator fills the rest, merge: the Indonesian article, paragraph by paragraph")
  func roundTrip() throws {
    let database = TemporaryFile.url("sqlite")
    let xliff = TemporaryFile.url("xlf")
    let article = TemporaryFile.url("txt")
    defer {
      TemporaryFile.removeDatabase(database)
      try? FileManager.default.removeItem(at: xliff)
      try? FileManager.default.removeItem(at: article)
    }
    #expect(
      try CommandRunner.run(
        ["align", "Corpora/economy-bi-rate.en.txt", "Corpora/economy-bi-rate.id.txt", "--save"], database: database
      ).status == 0)
    #expect(
      try CommandRunner.run(
        ["pretranslate", "Corpora/economy-bi-rate.en.txt", "--output", xliff.path], database: database
      ).status == 0)
    var text = try String(contentsOf: xliff, encoding: .utf8)
    // Units the memory filled (their own target, not an alt-trans's).
    let filled = text.components(separatedBy: "\n          <target ").count - 1
    // The translator's work: every unit still without a target gets one (a unit's own
    // source line is indented by 10, an alt-trans's by 12).
    var added: [String] = []
    var lines = text.components(separatedBy: "\n")
    var index = 0
    var translatable = true
    while index < lines.count {
      let line = lines[index]
      if line.hasPrefix("        <trans-unit ") { translatable = !line.contains("translate=\"no\"") }
      if translatable, line.hasPrefix("          <source "), index + 1 < lines.count,
        !lines[index + 1].hasPrefix("          <target ")
      {
        let translation = "Terjemahan \(added.count + 1)."
        added.append(translation)
        lines.insert("          <target xml:lang=\"id\" state=\"translated\">\(translation)</target>", at: index + 1)
      }
      index += 1
    }
    text = lines.joined(separator: "\n")
    try text.write(to: xliff, atomically: true, encoding: .utf8)
    let merged = try CommandRunner.run(["merge", xliff.path, "--output", article.path])
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(
      merged.stderr.hasPrefix("\(filled + added.count) units translated, 0 kept their source"), "\(merged.stderr)")
    let result = try String(contentsOf: article, encoding: .utf8)
    let paragraphs = result.components(separatedBy: "\n\n")
    // One paragraph per group, as the source had them.
    #expect(paragraphs.count == text.components(separatedBy: "<group ").count - 1)
    // The memory's Indonesian: the headline and the lead come back as the Indonesian article has them.
    #expect(paragraphs.first == "BI Tahan Suku Bunga Acuan 6,00 Persen, Siap Jaga Rupiah")
    #expect(result.contains("Bisnis.com, JAKARTA – Bank Indonesia (BI) mempertahankan suku bunga acuan BI Rate"))
    for translation in added { #expect(result.contains(translation)) }
    #expect(filled > 0 && !added.isEmpty)
    #expect(!result.contains("Bank Indonesia kept its benchmark interest rate"))
  }

  @Test("A unit without a target keeps its source and is counted; a missing or non-XLIFF file is one error")
  func untranslatedAndErrors() throws {
    let xliff = TemporaryFile.url("xlf")
    defer { try? FileManager.default.removeItem(at: xliff) }
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
      <file original="x.txt" source-language="en" target-language="id" datatype="plaintext"><body>
        <group id="p1"><trans-unit id="1"><source>Stocks fell.</source><target>Saham <ph id="1">&lt;b&gt;</ph>turun.</target></trans-unit>
        <trans-unit id="2"><source>Bonds rose.</source></trans-unit></group>
        <group id="p2"><trans-unit id="3" translate="no"><source>Read more:</source></trans-unit></group>
        <trans-unit id="4"><source>One. Two.</source>
          <seg-source><mrk mtype="seg" mid="1">One.</mrk> <mrk mtype="seg" mid="2">Two.</mrk></seg-source>
          <target><mrk mtype="seg" mid="1">Satu.</mrk> <mrk mtype="seg" mid="2">Dua.</mrk></target></trans-unit>
      </body></file>
    </xliff>
    """.write(to: xliff, atomically: true, encoding: .utf8)
    let merged = try CommandRunner.run(["merge", xliff.path])
    #expect(merged.status == 0)
    #expect(merged.stdout == "Saham turun. Bonds rose.\n\nRead more:\n\nSatu. Dua.\n")
    #expect(
      merged.stderr == "2 units translated, 1 kept their source (no target), 1 not to translate kept as they are\n")
    let missing = try CommandRunner.run(["merge", "no-such.xlf"])
    #expect(missing.status == 1 && missing.stderr.contains("no-such.xlf: no such file"))
    let notXLIFF = try CommandRunner.run(["merge", "Corpora/economy-bi-rate.gold.json"])
    #expect(notXLIFF.status == 1 && notXLIFF.stderr.split(separator: "\n").count == 1)
  }
}
