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

  @Test("Lines ending in a lone CR (classic Mac files) are lines, in TSV and in CSV")
  func carriageReturns() throws {
    let (tsv, _) = try TSVGlossaryReader.entries("Kemenlu\tForeign Ministry\rOJK\tFinancial Services Authority\r", file: "g.tsv")
    #expect(tsv.flatMap(\.terms).map(\.text) == ["Kemenlu", "Foreign Ministry", "OJK", "Financial Services Authority"])
    let csv = try CSVGlossaryReader.entries(
      "source,target,note\rKemenlu,Foreign Ministry,\"two\rlines\"\rOJK,Financial Services Authority,\r", file: "g.csv")
    #expect(csv.entries.flatMap(\.terms).map(\.text) == ["Kemenlu", "Foreign Ministry", "OJK", "Financial Services Authority"])
    #expect(csv.entries.first?.note == "two\rlines")
  }

  @Test("CSV export puts an apostrophe before a cell a spreadsheet would run as a formula, and reading takes it off")
  func formulaCells() throws {
    let entries = [
      TermEntry(terms: [Term("=HYPERLINK(\"http://x\")", language: .indonesian), Term("@cmd|' /C calc'!A0", language: .english)]),
      TermEntry(terms: [Term("-nya", language: .indonesian), Term("+62", language: .english)], note: "=1+1"),
      TermEntry(terms: [Term("'kutip", language: .indonesian), Term("'=x", language: .english)]),
    ]
    let csv = DelimitedGlossaryWriter.csv(entries)
    for line in csv.split(separator: "\r\n").dropFirst() {
      for cell in line.split(separator: ",") {
        let text = cell.hasPrefix("\"") ? cell.dropFirst() : cell
        #expect(!["=", "+", "-", "@"].contains(text.first.map(String.init) ?? ""), "\(line)")
      }
    }
    let back = try CSVGlossaryReader.entries(csv, file: "g.csv").entries
    #expect(back.flatMap(\.terms).map(\.text) == entries.flatMap(\.terms).map(\.text))
    #expect(back[1].note == "=1+1")
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
