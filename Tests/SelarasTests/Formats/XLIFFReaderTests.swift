import Foundation
import Selaras
import SelarasTestSupport
import Testing

@Suite("XLIFF reader")
struct XLIFFReaderTests {
  private static let document = """
    <?xml version="1.0" encoding="UTF-8"?>
    <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
      <file original="bi-rate.txt" source-language="en-US" target-language="id-ID" datatype="plaintext">
        <body>
          <trans-unit id="1">
            <source>Bank <g id="1">Indonesia</g> kept its rate at <x id="2"/>6.00%.</source>
            <target state="translated">BI menahan suku bunga <x id="2"/>6,00 persen.</target>
            <alt-trans match-quality="80"><source>Old.</source><target>Lama.</target></alt-trans>
          </trans-unit>
          <trans-unit id="2">
            <source>The rupiah <ph id="1">&lt;b&gt;</ph>fell.</source>
            <target state="needs-review-translation">Rupiah melemah.</target>
          </trans-unit>
          <trans-unit id="3" translate="no">
            <source>Subscribe now</source>
            <target state="final">Berlangganan</target>
          </trans-unit>
          <trans-unit id="4">
            <source>Stocks <mrk mtype="term">rose</mrk>.</source>
            <target>Saham <mrk mtype="term">naik</mrk>.</target>
            <note from="document">markets-daily</note>
          </trans-unit>
        </body>
      </file>
    </xliff>
    """

  private func read(_ reader: XLIFFReader) throws -> [TranslationUnit] {
    let url = TemporaryFile.url("xlf")
    defer { try? FileManager.default.removeItem(at: url) }
    try Self.document.write(to: url, atomically: true, encoding: .utf8)
    var units: [TranslationUnit] = []
    #expect(try reader.read(url) { units.append($0) }.isEmpty)
    return units
  }

  @Test("Finished targets only, inline codes dropped, g and mrk text kept, alt-trans and translate=no left out")
  func finished() throws {
    let units = try read(XLIFFReader())
    #expect(units.map(\.source) == ["Bank Indonesia kept its rate at 6.00%.", "Stocks rose."])
    #expect(units.map(\.target) == ["BI menahan suku bunga 6,00 persen.", "Saham naik."])
    #expect(units.map(\.document) == ["bi-rate.txt", "markets-daily"])
    #expect(units.first?.sourceLanguage.language == "en" && units.first?.targetLanguage.language == "id")
  }

  @Test("Every non-empty target with allStates, and inline codes as placeholders")
  func allStatesAndPlaceholders() throws {
    let units = try read(XLIFFReader(inlineMarkup: .placeholders, allStates: true))
    #expect(units.map(\.source) == [
      "Bank Indonesia kept its rate at {1}6.00%.", "The rupiah {1}fell.", "Stocks rose.",
    ])
    #expect(units.first?.target == "BI menahan suku bunga {1}6,00 persen.")
  }
}
