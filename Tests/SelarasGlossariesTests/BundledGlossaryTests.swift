import Foundation
import Selaras
import SelarasGlossaries
import Testing

@Suite("The shipped news glossary")
struct BundledGlossaryTests {
  static func load() throws -> [TermEntry] {
    let url = try #require(BundledGlossaries.newsIndonesianEnglish)
    return try TSVGlossaryReader.entries(String(contentsOf: url, encoding: .utf8), file: "news-id-en.tsv").entries
  }

  @Test("Has at least 300 concepts, each with both languages, and no duplicate rows")
  func size() throws {
    let url = try #require(BundledGlossaries.newsIndonesianEnglish)
    let (entries, diagnostics) = try TSVGlossaryReader.entries(
      String(contentsOf: url, encoding: .utf8), file: "news-id-en.tsv")
    #expect(entries.count >= 300, "\(entries.count) concepts")
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    #expect(entries.allSatisfy { !$0.terms(in: .indonesian).isEmpty && !$0.terms(in: .english).isEmpty })
  }

  @Test("The issue's lookups find the right entries", arguments: [
    ("Kemenlu", "Foreign Ministry"), ("kementerian luar negeri", "Foreign Ministry"),
    ("drone-drone kamikaze", "kamikaze drone"), ("memperkuat", "strengthen"), ("kemitraannya", "partnership"),
    ("suku bunga acuan", "benchmark interest rate"), ("Sekjen PBB", "UN Secretary-General"),
    ("pemerintah", "government"),
  ])
  func lookups(query: String, english: String) throws {
    let entries = try Self.load()
    let found = GlossaryMatcher(entries: entries).lookup(query, language: .indonesian)
    #expect(found.map { entries[$0].preferred(in: .english)?.text } == [english])
  }
}
