import Foundation
import GRDB
import Selaras
import SelarasStore
import Testing

@Suite("Translation memory store")
struct MemoryStoreTests {
  private func memory() throws -> SelarasDatabase {
    let store = try SelarasDatabase(writer: DatabaseQueue())
    try store.addUnits([
      unit("The rupiah fell 1.2% on Tuesday.", "Rupiah melemah 1,2 persen pada Selasa."),
      unit("Bank Indonesia kept its benchmark rate unchanged.", "BI mempertahankan suku bunga acuan."),
      unit("Inflation slowed to 1.71% in October.", "Inflasi melambat menjadi 1,71 persen pada Oktober."),
      unit("Lavrov arrived in Tehran on Monday.", "Lavrov tiba di Teheran pada Senin."),
    ])
    return store
  }

  private func unit(_ english: String, _ indonesian: String, document: String = "test") -> TranslationUnit {
    TranslationUnit(
      sourceLanguage: .english, targetLanguage: .indonesian, source: english, target: indonesian, document: document,
      score: 0.9, creationTool: "Selaras", properties: [.init(type: "x-origin", value: "test")])
  }

  @Test("Fuzzy search ranks by match percentage and leaves out what is below the minimum")
  func search() throws {
    let store = try memory()
    let matches = try store.searchUnits("The rupiah rose 1.2% on Tuesday.", language: .english, minimumScore: 70)
    #expect(matches.map(\.score) == [87])
    #expect(matches[0].unit.target == "Rupiah melemah 1,2 persen pada Selasa.")
    #expect(try store.searchUnits("The rupiah rose sharply against the dollar.", language: .english).isEmpty)
  }

  @Test("Search works from the target language too, returning the pair turned round")
  func reverseSearch() throws {
    let matches = try memory().searchUnits("Lavrov tiba di Teheran pada Selasa.", language: .indonesian)
    #expect(matches.count == 1)
    #expect(matches[0].score == 85)  // 7 tokens, one substituted: 100 × 6 / 7
    #expect(matches[0].unit.source == "Lavrov tiba di Teheran pada Senin.")
    #expect(matches[0].unit.target == "Lavrov arrived in Tehran on Monday.")
  }

  @Test("Concordance finds a phrase inside segments, in either language")
  func concordance() throws {
    let store = try memory()
    #expect(try store.concordance("suku bunga", language: .indonesian).map(\.target) == [
      "Bank Indonesia kept its benchmark rate unchanged."
    ])
    #expect(try store.concordance("benchmark rate", language: .english).count == 1)
    #expect(try store.concordance("rate benchmark", language: .english).isEmpty)
  }

  @Test("Duplicates are counted and not stored twice; provenance comes back")
  func duplicates() throws {
    let store = try memory()
    let summary = try store.addUnits([
      unit("The rupiah fell 1.2% on Tuesday.", "Rupiah melemah 1,2 persen pada Selasa."),
      unit("A new sentence.", "Kalimat baru."),
    ])
    #expect(summary == MemoryImportSummary(added: 1, duplicates: 1))
    #expect(try store.memoryStatistics().units == 5)
    var units: [TranslationUnit] = []
    try store.forEachUnit { units.append($0) }
    #expect(units.count == 5)
    #expect(units[0].document == "test" && units[0].score == 0.9 && units[0].creationTool == "Selaras")
    #expect(units[0].properties == [.init(type: "x-origin", value: "test")])
  }

  @Test("A failing import leaves the memory as it was")
  func atomicity() throws {
    let store = try memory()
    #expect(throws: (any Error).self) {
      try store.addUnits([unit("Fine.", "Baik."), unit("", "Kosong.")])
    }
    #expect(try store.memoryStatistics().units == 4)
  }
}
