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

  private func read(_ reader: XLIFFReader, _ document: String = document) throws -> (
    units: [TranslationUnit], diagnostics: [Diagnostic]
  ) {
    let url = TemporaryFile.url("xlf")
    defer { try? FileManager.default.removeItem(at: url) }
    try document.write(to: url, atomically: true, encoding: .utf8)
    var units: [TranslationUnit] = []
    let diagnostics = try reader.read(url) { units.append($0) }
    return (units, diagnostics)
  }

  @Test(
    "Finished targets only (the rest skipped and said so), inline codes dropped, g and mrk text kept, alt-trans and translate=no left out"
  )
  func finished() throws {
    let (units, diagnostics) = try read(XLIFFReader())
    #expect(
      diagnostics.map(\.message) == [
        "trans-unit skipped: its target is needs-review-translation (--all-states takes it)"
      ])
    #expect(units.map(\.source) == ["Bank Indonesia kept its rate at 6.00%.", "Stocks rose."])
    #expect(units.map(\.target) == ["BI menahan suku bunga 6,00 persen.", "Saham naik."])
    #expect(units.map(\.document) == ["bi-rate.txt", "markets-daily"])
    #expect(units.first?.sourceLanguage.language == "en" && units.first?.targetLanguage.language == "id")
  }

  @Test("Every non-empty target with allStates, and inline codes as placeholders")
  func allStatesAndPlaceholders() throws {
    let (units, diagnostics) = try read(XLIFFReader(inlineMarkup: .placeholders, allStates: true))
    #expect(diagnostics.isEmpty)
    #expect(
      units.map(\.source) == [
        "Bank Indonesia kept its rate at {1}6.00%.", "The rupiah {1}fell.", "Stocks rose.",
      ])
    #expect(units.first?.target == "BI menahan suku bunga {1}6,00 persen.")
  }

  @Test("A Trados/memoQ-segmented unit gives one unit per segment, each by its own state; approved=yes is done")
  func segmented() throws {
    let document = """
      <?xml version="1.0" encoding="UTF-8"?>
      <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0">
        <file original="dengue.docx" source-language="en-US" target-language="id-ID" datatype="x-sdlfilterframework2">
          <body>
            <trans-unit id="a1">
              <source>Dengue cases rose sharply. Hospitals in Jakarta are full. Officials urged calm.</source>
              <seg-source><mrk mtype="seg" mid="1">Dengue cases rose sharply.</mrk> <mrk mtype="seg" mid="2">Hospitals in <mrk mtype="x-sdl-comment">Jakarta</mrk> are full.</mrk> <mrk mtype="seg" mid="3">Officials urged calm.</mrk></seg-source>
              <target><mrk mtype="seg" mid="1">Kasus DBD melonjak tajam.</mrk> <mrk mtype="seg" mid="2">Rumah sakit di Jakarta penuh.</mrk> <mrk mtype="seg" mid="3">Pejabat meminta warga tenang.</mrk></target>
              <sdl:seg-defs><sdl:seg id="1" conf="ApprovedTranslation"/><sdl:seg id="2" conf="Translated"/><sdl:seg id="3" conf="Draft"/></sdl:seg-defs>
            </trans-unit>
            <trans-unit id="a3">
              <source>Rain fell. Roads flooded.</source>
              <seg-source><mrk mtype="seg" mid="1">Rain fell.</mrk> <mrk mtype="seg" mid="2">Roads flooded.</mrk></seg-source>
              <target state="translated">Hujan turun dan jalan tergenang.</target>
            </trans-unit>
            <trans-unit id="a2" approved="yes">
              <source>Stocks fell.</source>
              <target state="needs-review-translation">Saham turun.</target>
            </trans-unit>
          </body>
        </file>
      </xliff>
      """
    let (units, diagnostics) = try read(XLIFFReader(), document)
    // A target not segmented like its seg-source is taken whole.
    #expect(
      units.map(\.source) == [
        "Dengue cases rose sharply.", "Hospitals in Jakarta are full.", "Rain fell. Roads flooded.", "Stocks fell.",
      ])
    #expect(
      units.map(\.target) == [
        "Kasus DBD melonjak tajam.", "Rumah sakit di Jakarta penuh.", "Hujan turun dan jalan tergenang.",
        "Saham turun.",
      ])
    #expect(units.allSatisfy { $0.document == "dengue.docx" })
    #expect(diagnostics.map(\.message) == ["trans-unit segment 3 skipped: its target is draft (--all-states takes it)"])
    let all = try read(XLIFFReader(allStates: true), document)
    #expect(all.units.count == 5 && all.diagnostics.isEmpty)
  }
}
