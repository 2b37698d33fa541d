import Selaras
import Testing

@Suite("Storable text")
struct StorableTextTests {
  @Test("Control characters other than tab and line breaks, and XML's non-characters, are refused with their code")
  func controlCharacters() {
    for text in ["Harga naik.", "Rupiah melemah 0,5 persen—terendah.", "Kolom\tdua", "Baris\r\nkedua", "Café ’kutip’ ✓"] {
      #expect(StorableText.problem(in: text) == nil, "\(text)")
    }
    for (text, code) in [("\u{1}\u{2}", "U+0001"), ("a\u{7F}", "U+007F"), ("b\u{85}c", "U+0085"), ("\u{FFFE}", "U+FFFE"), ("x\u{0}", "U+0000")] {
      #expect(StorableText.problem(in: text)?.contains(code) == true, "\(code)")
    }
  }

  @Test("A unit's languages are a pair of Selaras's two, one a side; a term's one of them")
  func languages() {
    func unit(_ source: String, _ target: String, text: String = "Saham naik.") -> TranslationUnit {
      TranslationUnit(sourceLanguage: LanguageTag(source), targetLanguage: LanguageTag(target), source: text, target: "Stocks rose.")
    }
    #expect(unit("id", "en").storageProblem == nil)
    #expect(unit("en-US", "id_ID").storageProblem == nil)
    #expect(unit("en", "EN-GB").storageProblem?.contains("both 'en'") == true)
    #expect(unit("fr", "en").storageProblem?.contains("'fr'") == true)
    #expect(unit("id", "en", text: "Saham\u{1}").storageProblem?.hasPrefix("the source has the control character U+0001") == true)
    let french = TermEntry(terms: [Term("bourse", language: LanguageTag("fr")), Term("stock exchange", language: .english)])
    #expect(french.storageProblem?.contains("'fr'") == true)
    #expect(TermEntry(terms: [Term("../../", language: LanguageTag("../../"))]).storageProblem != nil)
    #expect(TermEntry(terms: [Term("bursa", language: .indonesian)], note: "catatan\u{2}").storageProblem != nil)
    #expect(throws: UnstorableTextError.self) {
      try TermEntry.checkStorable([TermEntry(terms: [Term("\u{1}\u{2}", language: .indonesian)])])
    }
  }
}
