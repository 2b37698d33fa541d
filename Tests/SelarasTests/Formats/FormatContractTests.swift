import Foundation
import Selaras
import SelarasTestSupport
import Testing

@Suite("Format contract")
struct FormatContractTests {
  private static let entries = [
    TermEntry(
      terms: [
        Term("Kementerian Luar Negeri", language: .indonesian), Term("Kemenlu", language: .indonesian),
        Term("Foreign Ministry", language: .english),
      ], note: "ministry"),
    TermEntry(terms: [Term("drone kamikaze", language: .indonesian), Term("kamikaze drone", language: .english)]),
    TermEntry(terms: [Term("suku bunga acuan", language: .indonesian), Term("benchmark rate", language: .english)]),
  ]

  @Test("Every glossary format reads back what its writer wrote", arguments: GlossaryFormat.allCases)
  func glossaryRoundTrip(_ format: GlossaryFormat) throws {
    let text = format.writer.write(Self.entries)
    let file = try format.reader.read(text, file: "glossary.\(format.rawValue)")
    // Each concept with its terms in both languages, whatever order a format keeps them in.
    func terms(_ entries: [TermEntry]) -> [Set<String>] {
      entries.map { Set($0.terms.map { "\($0.language):\($0.text)" }) }
    }
    #expect(terms(file.entries) == terms(Self.entries))
    #expect(file.entries.first?.note == "ministry")
    #expect(GlossaryFormat(fileExtension: format.rawValue.uppercased()) == format)
  }

  @Test("Every memory format reads back the units its writer wrote", arguments: MemoryFormat.allCases)
  func memoryRoundTrip(_ format: MemoryFormat) throws {
    let units = Corpora.linePairs.prefix(50).enumerated().map { index, pair in
      TranslationUnit(
        sourceLanguage: .english, targetLanguage: .indonesian, source: pair.english, target: pair.indonesian,
        document: "corpora", score: 0.5 + Double(index % 5) / 10, creationTool: "Selaras")
    }
    let writer = format.writer(source: .english, target: .indonesian)
    var bytes = Array(writer.header().utf8)
    for unit in units { writer.append(unit, to: &bytes) }
    bytes += Array(writer.footer().utf8)
    let url = TemporaryFile.url(format.rawValue)
    defer { try? FileManager.default.removeItem(at: url) }
    try Data(bytes).write(to: url)
    var read: [TranslationUnit] = []
    let diagnostics = try format.reader().read(url) { read.append($0) }
    #expect(diagnostics.isEmpty)
    // What every format carries: the languages, the texts and the document (TMX, whose
    // round trip TMXTests checks whole, carries the rest too).
    func carried(_ unit: TranslationUnit) -> [String?] {
      [unit.sourceLanguage.rawValue, unit.targetLanguage.rawValue, unit.source, unit.target, unit.document]
    }
    #expect(read.map(carried) == units.map(carried))
    if format == .tmx { #expect(read == units) }
    #expect(MemoryFormat(fileExtension: format.rawValue) == format)
  }
}
