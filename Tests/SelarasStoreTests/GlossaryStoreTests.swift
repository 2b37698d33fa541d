import Foundation
import GRDB
import Selaras
import SelarasStore
import Testing

@Suite("Glossary store")
struct GlossaryStoreTests {
  private func database() throws -> SelarasDatabase {
    try SelarasDatabase(writer: DatabaseQueue())
  }

  @Test("Added entries come back with their terms, status, notes and dates")
  func roundTrip() throws {
    // Given an empty store
    let store = try database()
    let date = Date(timeIntervalSince1970: 1_700_000_000)
    // When a concept with synonyms is added
    let summary = try store.addGlossaryEntries(
      [
        TermEntry(
          terms: [
            Term("Kementerian Luar Negeri", language: .indonesian), Term("Kemenlu", language: .indonesian, status: .admitted),
            Term("Foreign Ministry", language: .english, partOfSpeech: "noun"),
          ], note: "ministry", domain: "diplomacy")
      ], source: "test", date: date)
    // Then it reads back whole
    #expect(summary == GlossaryImportSummary(added: 1, extended: 0, unchanged: 0))
    let entries = try store.glossaryEntries()
    #expect(entries.count == 1)
    #expect(entries[0].note == "ministry")
    #expect(entries[0].domain == "diplomacy")
    #expect(entries[0].terms.map(\.text) == ["Kementerian Luar Negeri", "Kemenlu", "Foreign Ministry"])
    #expect(entries[0].terms[1].status == .admitted)
    #expect(entries[0].terms[2].partOfSpeech == "noun")
    #expect(entries[0].terms[0].source == "test")
    #expect(entries[0].terms[0].created == date)
  }

  @Test("An entry sharing a term extends the stored concept; a repeated one changes nothing")
  func merging() throws {
    let store = try database()
    try store.addGlossaryEntries(
      [TermEntry(terms: [Term("Kemenlu", language: .indonesian), Term("Foreign Ministry", language: .english)])],
      source: nil)
    let summary = try store.addGlossaryEntries(
      [
        TermEntry(terms: [Term("kemenlu", language: .indonesian), Term("Ministry of Foreign Affairs", language: .english)]),
        TermEntry(terms: [Term("Kemenlu", language: .indonesian), Term("Foreign Ministry", language: .english)]),
      ], source: nil)
    #expect(summary == GlossaryImportSummary(added: 0, extended: 1, unchanged: 1))
    let entries = try store.glossaryEntries()
    #expect(entries.count == 1)
    #expect(entries[0].terms(in: .english).map(\.text) == ["Foreign Ministry", "Ministry of Foreign Affairs"])
  }

  @Test("A failing import leaves the store as it was")
  func atomicity() throws {
    let store = try database()
    try store.addGlossaryEntries(
      [TermEntry(terms: [Term("BI", language: .indonesian), Term("Bank Indonesia", language: .english)])], source: nil)
    #expect(throws: (any Error).self) {
      try store.addGlossaryEntries(
        [
          TermEntry(terms: [Term("OJK", language: .indonesian), Term("Financial Services Authority", language: .english)]),
          TermEntry(terms: [Term("", language: .indonesian), Term("empty", language: .english)]),
        ], source: nil)
    }
    #expect(try store.glossaryEntries().flatMap(\.terms).map(\.text) == ["BI", "Bank Indonesia"])
  }
}
