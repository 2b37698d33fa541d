import Selaras
import Testing

@Suite("TSV glossaries")
struct TSVGlossaryReaderTests {
  @Test("Rows sharing a term become one concept with synonyms and notes")
  func concepts() throws {
    let text = """
      # comment
      Kemenlu\tForeign Ministry\tacronym
      Kementerian Luar Negeri\tForeign Ministry
      Kementerian Luar Negeri\tMinistry of Foreign Affairs
      drone kamikaze\tkamikaze drone

      """
    let (entries, diagnostics) = try TSVGlossaryReader.entries(text, file: "g.tsv")
    #expect(diagnostics.isEmpty)
    #expect(entries.count == 2)
    #expect(entries[0].terms(in: .indonesian).map(\.text) == ["Kemenlu", "Kementerian Luar Negeri"])
    #expect(entries[0].terms(in: .english).map(\.text) == ["Foreign Ministry", "Ministry of Foreign Affairs"])
    #expect(entries[0].note == "acronym")
  }

  @Test("A byte order mark, CRLF line ends and non-ASCII survive")
  func bomAndCRLF() throws {
    let (entries, _) = try TSVGlossaryReader.entries("\u{FEFF}Teheran\tTehran\r\nKota Cité\tCité city\r\n", file: "g.tsv")
    #expect(entries.flatMap(\.terms).map(\.text) == ["Teheran", "Tehran", "Kota Cité", "Cité city"])
  }

  @Test("A duplicate row is skipped with a warning naming both lines")
  func duplicates() throws {
    let (entries, diagnostics) = try TSVGlossaryReader.entries("BI\tBank Indonesia\nbi\tbank indonesia\n", file: "g.tsv")
    #expect(entries.count == 1)
    #expect(diagnostics.map(\.description) == ["g.tsv:2: warning: duplicate of line 1, skipped"])
  }

  @Test("A row with one column is an error with file and line")
  func missingColumn() {
    #expect(throws: GlossaryFormatError.missingColumn(file: "g.tsv", line: 3)) {
      try TSVGlossaryReader.entries("BI\tBank Indonesia\n\nOJK Financial Services Authority\n", file: "g.tsv")
    }
  }
}
