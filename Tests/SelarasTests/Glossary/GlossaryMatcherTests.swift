import Selaras
import Testing

private let entries = [
  TermEntry(terms: [
    Term("Kementerian Luar Negeri", language: .indonesian), Term("Kemenlu", language: .indonesian),
    Term("Foreign Ministry", language: .english),
  ]),
  TermEntry(terms: [Term("drone kamikaze", language: .indonesian), Term("kamikaze drone", language: .english)]),
  TermEntry(terms: [Term("perkuat", language: .indonesian), Term("strengthen", language: .english)]),
  TermEntry(terms: [Term("kemitraan", language: .indonesian), Term("partnership", language: .english)]),
  TermEntry(terms: [Term("perintah", language: .indonesian), Term("order", language: .english)]),
  TermEntry(terms: [Term("AS", language: .indonesian), Term("United States", language: .english)]),
  TermEntry(terms: [Term("negara", language: .indonesian), Term("country", language: .english)]),
]
private let matcher = GlossaryMatcher(entries: entries)

@Suite("Glossary matching")
struct GlossaryMatcherTests {
  @Test("Lookups from the issue find their entries", arguments: [
    ("Kemenlu", 0), ("kementerian luar negeri", 0), ("drone-drone kamikaze", 1), ("memperkuat", 2),
    ("kemitraannya", 3), ("Foreign Ministry", 0), ("kamikaze drones", 1), ("negara-negara", 6),
  ])
  func lookups(query: String, entry: Int) {
    #expect(matcher.lookup(query) == [entry])
  }

  @Test("pemerintah does not match an entry for perintah")
  func overStemming() {
    #expect(matcher.lookup("pemerintah").isEmpty)
    #expect(matcher.matches(in: "Pemerintah memberi perintah.", language: .indonesian).map(\.matchedText) == ["perintah"])
  }

  @Test("Short acronyms match only in capitals")
  func acronyms() {
    #expect(matcher.matches(in: "Presiden AS tiba.", language: .indonesian).map(\.matchedText) == ["AS"])
    #expect(matcher.matches(in: "Ia datang as usual.", language: .indonesian).isEmpty)
  }

  @Test("A scan finds every term once, longest first, with byte ranges")
  func scan() {
    let text = "Kementerian Luar Negeri (Kemenlu) Rusia menyebut drone-drone kamikaze itu memperkuat Iran."
    let found = matcher.matches(in: text, language: .indonesian)
    #expect(found.map(\.matchedText) == ["Kementerian Luar Negeri", "Kemenlu", "drone-drone kamikaze", "memperkuat"])
    #expect(found.map(\.entry) == [0, 0, 1, 2])
    let bytes = Array(text.utf8)
    for match in found {
      #expect(String(decoding: bytes[match.range], as: UTF8.self) == match.matchedText)
    }
  }

  @Test("English terms match inflected English text")
  func english() {
    let found = matcher.matches(in: "Russia's foreign ministry said kamikaze drones hit.", language: .english)
    #expect(found.map(\.matchedText) == ["foreign ministry", "kamikaze drones"])
  }

  @Test("The preferred term skips forbidden ones")
  func preferred() {
    let entry = TermEntry(terms: [
      Term("Health Ministry", language: .english, status: .forbidden),
      Term("Ministry of Health", language: .english, status: .admitted),
    ])
    #expect(entry.preferred(in: .english)?.text == "Ministry of Health")
  }
}
