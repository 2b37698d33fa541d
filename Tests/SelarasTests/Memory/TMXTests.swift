import Foundation
import SelarasTestSupport
import Testing

@testable import Selaras

@Suite("TMX")
struct TMXTests {
  static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("tmx")

  private func read(_ url: URL, _ reader: TMXReader = TMXReader()) throws -> ([TranslationUnit], [Diagnostic]) {
    var units: [TranslationUnit] = []
    let diagnostics = try reader.read(url) { units.append($0) }
    return (units, diagnostics)
  }

  @Test("TMX from another tool: languages in any case and region, inline markup stripped, props and notes kept")
  func otherTool() throws {
    let (units, diagnostics) = try read(Self.fixtures.appendingPathComponent("omegat-style.tmx"))
    #expect(
      units.map(\.source) == ["The rupiah fell 1.2% on Tuesday.", "Bank Indonesia kept its benchmark rate unchanged."])
    #expect(units.map(\.target) == ["Rupiah melemah 1,2 persen pada Selasa.", "BI mempertahankan suku bunga acuan."])
    #expect(units.allSatisfy { $0.sourceLanguage == .english && $0.targetLanguage == .indonesian })
    #expect(units[1].user == "budi")
    #expect(units[1].creationDate == TMXWriter.parseDate("20231121T080000Z"))
    #expect(
      units[1].properties == [
        .init(type: "x-context", value: "economy"), .init(type: "note", value: "checked by the desk"),
      ])
    #expect(diagnostics.map(\.message) == ["tu with 1 tuv, skipped", "empty segment, tu skipped"])
  }

  @Test(
    "TMX dates read and write as the Gregorian calendar does, leap days and 1969 included",
    arguments: [
      "20240229T235959Z", "19691231T120000Z", "20000301T000000Z", "21001231T235959Z", "19700101T000000Z",
    ])
  func dates(text: String) throws {
    let date = try #require(TMXWriter.parseDate(text))
    #expect(TMXWriter.date(date) == text)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    let expected = [0..<4, 4..<6, 6..<8, 9..<11, 11..<13, 13..<15].map {
      Int(text.dropFirst($0.lowerBound).prefix($0.count))!
    }
    #expect([parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second] == expected.map { $0 })
    #expect(TMXWriter.parseDate("20241301T000000Z") == nil)
  }

  @Test("Inline codes can become numbered placeholders")
  func placeholders() throws {
    let (units, _) = try read(
      Self.fixtures.appendingPathComponent("omegat-style.tmx"), TMXReader(inlineMarkup: .placeholders))
    #expect(units[0].source == "The rupiah fell {1}1.2%{2} on Tuesday.")
  }

  @Test("A tu the memory could not keep is skipped with a warning: a control character XML allows (U+0080), one language on both sides")
  func unstorableUnits() throws {
    let file = TemporaryFile.url("tmx")
    defer { try? FileManager.default.removeItem(at: file) }
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header srclang="en" creationtool="x" creationtoolversion="1" segtype="sentence" \
    o-tmf="x" adminlang="en" datatype="plaintext"/><body>
    <tu><tuv xml:lang="en"><seg>Next&#x80;line.</seg></tuv><tuv xml:lang="id"><seg>Baris.</seg></tuv></tu>
    <tu><tuv xml:lang="en"><seg>Stocks rose.</seg></tuv><tuv xml:lang="en-GB"><seg>Shares rose.</seg></tuv></tu>
    <tu><tuv xml:lang="en"><seg>The rupiah fell.</seg></tuv><tuv xml:lang="id"><seg>Rupiah melemah.</seg></tuv></tu>
    </body></tmx>
    """.write(to: file, atomically: true, encoding: .utf8)
    let (units, diagnostics) = try read(file)
    #expect(units.map(\.source) == ["The rupiah fell."])
    #expect(diagnostics.count == 2)
    #expect(diagnostics.first?.description.contains("U+0080") == true, "\(diagnostics)")
    #expect(diagnostics.last?.description.contains("both 'en'") == true, "\(diagnostics)")
  }

  @Test("Inline codes count only inside a segment")
  func codesOutsideSegments() throws {
    let file = TemporaryFile.url("tmx")
    defer { try? FileManager.default.removeItem(at: file) }
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header srclang="en" creationtool="x" creationtoolversion="1" segtype="sentence" \
    o-tmf="x" adminlang="en" datatype="plaintext"/><body><tu>
    <tuv xml:lang="en"><bpt i="1">&lt;b&gt;</bpt><seg>The rupiah <ph>&lt;br/&gt;</ph>fell.</seg></tuv>
    <tuv xml:lang="id"><seg>Rupiah melemah.</seg><ept i="1">&lt;/b&gt;</ept></tuv>
    </tu></body></tmx>
    """.write(to: file, atomically: true, encoding: .utf8)
    let (units, _) = try read(file, TMXReader(inlineMarkup: .placeholders))
    #expect(units.map(\.source) == ["The rupiah {1}fell."])
    #expect(units.map(\.target) == ["Rupiah melemah."])
  }

  @Test("Written TMX reads back the same and validates against the TMX 1.4b DTD")
  func roundTrip() throws {
    let units = [
      TranslationUnit(
        sourceLanguage: .english, targetLanguage: .indonesian, source: "Shares rose 1.2% & \"more\" <today>.",
        target: "Saham naik 1,2 persen\u{0007} hari ini.", document: "economy-bi-rate", score: 0.987,
        creationTool: "Selaras",
        creationDate: TMXWriter.parseDate("20241120T093000Z"), user: "desk",
        properties: [.init(type: "x-context", value: "economy"), .init(type: "note", value: "checked")])
    ]
    let writer = TMXWriter(sourceLanguage: .english, targetLanguage: .indonesian)
    let file = TemporaryFile.url("tmx")
    defer { try? FileManager.default.removeItem(at: file) }
    try (writer.header() + units.map(writer.unit).joined() + writer.footer()).write(
      to: file, atomically: true, encoding: .utf8)
    var expected = units[0]
    expected.target = "Saham naik 1,2 persen hari ini."  // the control character XML 1.0 forbids is gone
    #expect(try read(file).0 == [expected])

    // A copy of ../shared/schemas/tmx14.dtd (see Fixtures/tmx/README.md).
    let dtd = Self.fixtures.appendingPathComponent("tmx14.dtd")
    #expect(FileManager.default.fileExists(atPath: dtd.path), "the DTD is expected in the test fixtures")
    let xmllint = Process()
    xmllint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
    xmllint.arguments = ["--noout", "--dtdvalid", dtd.path, file.path]
    try xmllint.run()
    xmllint.waitUntilExit()
    #expect(xmllint.terminationStatus == 0, "xmllint (libxml2-utils) says the TMX is not valid against \(dtd.path)")
  }

  @Test("Not well-formed XML fails with line and column, and nothing is handed over")
  func malformed() throws {
    let file = TemporaryFile.url("tmx")
    defer { try? FileManager.default.removeItem(at: file) }
    try
      "<tmx version=\"1.4\"><body>\n<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv><tuv xml:lang=\"id\"><seg>b</seg></tuv></tu>\n<tu><tuv></tu>\n"
      .write(to: file, atomically: true, encoding: .utf8)
    var units = 0
    #expect {
      _ = try TMXReader().read(file) { _ in units += 1 }
    } throws: { error in
      guard case TMXError.notWellFormed(_, let line, _, _) = error else { return false }
      return line == 3
    }
  }

  @Test("An empty file, a missing one and a folder are refused by name")
  func unreadable() throws {
    let file = TemporaryFile.url("tmx")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data().write(to: file)
    #expect(throws: TMXError.notWellFormed(file: file.path, line: 1, column: 1, reason: "the file is empty")) {
      _ = try TMXReader().read(file) { _ in }
    }
    let missing = file.appendingPathExtension("missing")
    #expect(throws: TMXError.unreadable(file: missing.path)) { _ = try TMXReader().read(missing) { _ in } }
    let folder = FileManager.default.temporaryDirectory
    #expect(throws: TMXError.unreadable(file: folder.path)) { _ = try TMXReader().read(folder) { _ in } }
  }

  @Test("Entity bombs and external entities are refused or left unexpanded")
  func hostile() throws {
    let file = TemporaryFile.url("tmx")
    defer { try? FileManager.default.removeItem(at: file) }
    var bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<!ENTITY a \"aaaaaaaaaa\">\n"
    for level in 1...9 {
      bomb +=
        "<!ENTITY a\(level) \"" + String(repeating: "&a\(level == 1 ? "" : String(level - 1));", count: 10) + "\">\n"
    }
    bomb +=
      "]>\n<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"en\"><seg>&a9;</seg></tuv><tuv xml:lang=\"id\"><seg>x</seg></tuv></tu></body></tmx>\n"
    try bomb.write(to: file, atomically: true, encoding: .utf8)
    #expect(throws: TMXError.self) { _ = try TMXReader().read(file) { _ in } }

    #expect {
      _ = try TMXReader().read(file) { _ in }
    } throws: { error in
      guard case TMXError.notWellFormed(_, let line, _, let reason) = error else { return false }
      return line == 14 && reason.contains("&a9;")
    }

    let external = """
      <?xml version="1.0"?>
      <!DOCTYPE tmx [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
      <tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&secret;</seg></tuv><tuv xml:lang="id"><seg>x</seg></tuv></tu></body></tmx>
      """
    try external.write(to: file, atomically: true, encoding: .utf8)
    var units: [TranslationUnit] = []
    #expect {
      _ = try TMXReader().read(file) { units.append($0) }
    } throws: { error in
      guard case TMXError.notWellFormed(_, let line, _, let reason) = error else { return false }
      return line == 3 && reason.contains("&secret;")
    }
    #expect(units.isEmpty)
  }

  @Test("An external DTD is never read: a tu with an entity it would define is skipped, the others kept")
  func externalDTD() throws {
    let folder = TemporaryFile.folder()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "<!ENTITY secret \"leaked\">\n".write(
      to: folder.appendingPathComponent("secret.dtd"), atomically: true, encoding: .utf8)
    let file = folder.appendingPathComponent("memory.tmx")
    try """
    <?xml version="1.0"?>
    <!DOCTYPE tmx SYSTEM "secret.dtd">
    <tmx version="1.4"><body>
    <tu><tuv xml:lang="en"><seg>A &secret; word.</seg></tuv><tuv xml:lang="id"><seg>Sebuah kata.</seg></tuv></tu>
    <tu><tuv xml:lang="en"><seg>Kept.</seg></tuv><tuv xml:lang="id"><seg>Disimpan.</seg></tuv></tu>
    </body></tmx>
    """.write(to: file, atomically: true, encoding: .utf8)
    let (units, diagnostics) = try read(file)
    #expect(units.map(\.source) == ["Kept."])
    #expect(diagnostics.map(\.line) == [4])
    #expect(diagnostics.first?.message.contains("&secret;") == true)
  }

  @Test("CDATA is text; entities and character references in text and attributes are read")
  func escapes() throws {
    let file = TemporaryFile.url("tmx")
    defer { try? FileManager.default.removeItem(at: file) }
    try """
    <tmx version="1.4"><body><tu creationid="Tom &amp; Jerry &#38; co &lt;3">
    <tuv xml:lang="en"><seg><![CDATA[P&G <b>rose</b>]]> &#x41;&amp;&quot;</seg></tuv>
    <tuv xml:lang="id"><seg>P&amp;G naik</seg></tuv></tu></body></tmx>
    """.write(to: file, atomically: true, encoding: .utf8)
    let (units, _) = try read(file)
    #expect(units.map(\.source) == ["P&G <b>rose</b> A&\""])
    #expect(units.map(\.target) == ["P&G naik"])
    #expect(units.first?.user == "Tom & Jerry & co <3")
  }

  @Test("UTF-16 files are read by their byte-order mark; a broken one is refused")
  func utf16() throws {
    let file = TemporaryFile.url("tmx")
    defer { try? FileManager.default.removeItem(at: file) }
    let text = """
      <?xml version="1.0" encoding="UTF-16"?>
      <tmx version="1.4"><body>
      <tu><tuv xml:lang="en"><seg>Minister’s visit</seg></tuv><tuv xml:lang="id"><seg>Kunjungan menteri</seg></tuv></tu>
      </body></tmx>
      """
    var data = Data([0xFF, 0xFE])
    data.append(text.data(using: .utf16LittleEndian)!)
    try data.write(to: file)
    let (units, _) = try read(file)
    #expect(units.map(\.source) == ["Minister’s visit"])
    // A lone high surrogate in the middle of line 3.
    let cut =
      2 + 2
      * text.utf16.distance(from: text.utf16.startIndex, to: text.utf16.firstIndex(of: UInt16(UInt8(ascii: "K")))!)
    data.replaceSubrange(cut..<cut + 2, with: [0x00, 0xD8])
    try data.write(to: file)
    #expect {
      _ = try TMXReader().read(file) { _ in }
    } throws: { error in
      guard case TMXError.notWellFormed(_, _, _, let reason) = error else { return false }
      return reason.contains("encoding")
    }
  }
}

@Suite("TMX numbers")
struct TMXNumberTests {
  @Test("Scores are written with three decimals, as printf writes them, and read back within half a thousandth")
  func decimals() {
    var random = SystemRandomNumberGenerator()
    for thousandths in 0...2000 {
      let value = Double(thousandths) / 1000
      #expect(TMXWriter.decimal(value) == String(format: "%.3f", value))
    }
    for _ in 0..<2000 {
      let value = Double.random(in: -2...2, using: &random)
      let written = TMXWriter.decimal(value)
      #expect(written.split(separator: ".").last?.count == 3)
      #expect(abs(Double(written)! - value) <= 0.0005 + 1e-9)
    }
  }
}
