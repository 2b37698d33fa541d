import Foundation
import Selaras
import Testing

@Suite("TBX")
struct TBXTests {
  @Test("TBX-Basic round trip keeps synonyms, status, part of speech, notes, domains, sources, dates")
  func roundTrip() throws {
    let date = Date(timeIntervalSince1970: 1_700_000_000)
    let entries = [
      TermEntry(
        terms: [
          Term("Kementerian Luar Negeri", language: .indonesian, partOfSpeech: "noun", created: date, modified: date),
          Term("Kemenlu", language: .indonesian, status: .admitted, note: "singkatan", source: "Kompas"),
          Term("Foreign Ministry", language: .english), Term("Foreign Office", language: .english, status: .forbidden),
        ], note: "kementerian — “luar negeri” & <diplomasi>", domain: "diplomacy"),
      TermEntry(terms: [Term("drone kamikaze", language: .indonesian), Term("kamikaze drone", language: .english)]),
    ]
    let text = TBXWriter.tbx(entries)
    #expect(text.contains("<martif type=\"TBX-Basic\" xml:lang=\"id\">"))
    #expect(try TBXReader.entries(Data(text.utf8), file: "g.tbx") == entries)
  }

  @Test("A transaction date given as a day alone is read as that day")
  func dateOnly() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <martif type="TBX-Basic" xml:lang="id"><text><body>
        <termEntry><langSet xml:lang="id"><tig><term>Kemenlu</term>
          <transacGrp><transac type="transactionType">origination</transac><date>2024-11-19</date></transacGrp>
        </tig></langSet></termEntry>
      </body></text></martif>
      """
    let entries = try TBXReader.entries(Data(text.utf8), file: "day.tbx")
    #expect(entries.first?.terms.first?.created == Date(timeIntervalSince1970: 1_731_974_400))
  }

  @Test("TBX v3 concept entries are read too")
  func version3() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
        <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
        <text><body>
          <conceptEntry id="1">
            <langSec xml:lang="id"><termSec><term>suku bunga acuan</term></termSec></langSec>
            <langSec xml:lang="en"><termSec><term>benchmark interest rate</term>
              <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
          </conceptEntry>
        </body></text>
      </tbx>
      """
    let entries = try TBXReader.entries(Data(text.utf8), file: "v3.tbx")
    #expect(entries.flatMap(\.terms).map(\.text) == ["suku bunga acuan", "benchmark interest rate"])
  }

  @Test("A document cut short is refused")
  func truncated() {
    #expect(throws: GlossaryFormatError.self) {
      try TBXReader.entries(Data("<martif type=\"TBX-Basic\"><text><body>".utf8), file: "cut.tbx")
    }
  }

  @Test("Not well-formed XML is refused with line and column")
  func malformed() {
    let text = "<martif type=\"TBX-Basic\">\n<text><body>\n<termEntry><langSet xml:lang=\"id\"><tig><term>x</tig>\n"
    #expect {
      try TBXReader.entries(Data(text.utf8), file: "bad.tbx")
    } throws: { error in
      guard case GlossaryFormatError.notWellFormed(let file, let line, _, _) = error else { return false }
      return file == "bad.tbx" && line == 3
    }
  }

  @Test("An external entity is never fetched; the term it left empty is an error")
  func externalEntity() {
    let text = """
      <?xml version="1.0"?>
      <!DOCTYPE martif [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
      <martif type="TBX-Basic"><text><body><termEntry>
      <langSet xml:lang="id"><tig><term>&secret;</term></tig></langSet>
      </termEntry></body></text></martif>
      """
    #expect {
      try TBXReader.entries(Data(text.utf8), file: "xxe.tbx")
    } throws: { error in
      "\(error)".contains("xxe.tbx") && !"\(error)".contains("root:")
    }
  }

  @Test("A billion-laughs document is refused")
  func billionLaughs() {
    var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE martif [\n<!ENTITY lol \"lol\">\n"
    for level in 1...9 {
      text += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">\n"
    }
    text += "]>\n<martif><text><body><termEntry><langSet xml:lang=\"id\"><tig><term>&lol9;</term></tig></langSet></termEntry></body></text></martif>\n"
    #expect(throws: GlossaryFormatError.self) {
      try TBXReader.entries(Data(text.utf8), file: "lol.tbx")
    }
  }
}
