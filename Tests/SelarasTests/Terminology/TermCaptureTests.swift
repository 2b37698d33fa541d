import Foundation
import Testing

@testable import Selaras

private func definitions(_ sentence: String, _ language: LanguageTag, borrowed: Set<String> = []) -> [String] {
  AcronymFinder.definitions(in: sentence, language: language, borrowed: borrowed).map { "\($0.acronym)=\($0.fullForm)" }
}

@Suite("Acronym definitions")
struct AcronymFinderTests {
  @Test("Initial and syllabic acronyms spell their full form from word beginnings")
  func derived() {
    #expect(
      definitions("Kepala Badan Nasional Penanggulangan Bencana (BNPB) Suharyanto mengatakan", .indonesian)
        == ["BNPB=Badan Nasional Penanggulangan Bencana"])
    #expect(
      definitions("Juru bicara Kementerian Luar Negeri (Kemenlu) Rusia mengatakan", .indonesian)
        == ["Kemenlu=Kementerian Luar Negeri"])
    #expect(
      definitions("Menurut Badan Meteorologi, Klimatologi, dan Geofisika (BMKG), gempa terjadi", .indonesian)
        == ["BMKG=Badan Meteorologi Klimatologi dan Geofisika"])
    #expect(
      definitions("Majelis hakim Pengadilan Tindak Pidana Korupsi (Tipikor) Jakarta", .indonesian)
        == ["Tipikor=Tindak Pidana Korupsi"])
    #expect(
      definitions("mantan Menteri Pertanian (Mentan) Syahrul Yasin Limpo (SYL) pada Kamis", .indonesian)
        == ["Mentan=Menteri Pertanian", "SYL=Syahrul Yasin Limpo"])
    #expect(
      definitions("Kereta Cepat Jakarta-Bandung (KCJB) atau Whoosh", .indonesian)
        == ["KCJB=Kereta Cepat Jakarta-Bandung"])
    #expect(definitions("The World Health Organization (WHO) said", .english) == ["WHO=World Health Organization"])
  }

  @Test("Brackets that spell nothing are no definition, unless the other side has the acronym")
  func borrowed() {
    #expect(definitions("Status Gunung Marapi berada di Level II (Waspada) sejak 2011.", .indonesian).isEmpty)
    #expect(definitions("CIANJUR, Indonesia (AP) — A magnitude 5.6 earthquake", .english).isEmpty)
    #expect(definitions("Saham PT Bank Rakyat Indonesia (Persero) Tbk. naik", .indonesian).isEmpty)
    #expect(definitions("Organisasi Kesehatan Dunia (WHO) tahun lalu", .indonesian).isEmpty)
    #expect(
      definitions("Organisasi Kesehatan Dunia (WHO) tahun lalu", .indonesian, borrowed: ["WHO"])
        == ["WHO=Organisasi Kesehatan Dunia"])
    #expect(
      definitions("Prosecutors from the Corruption Eradication Commission (KPK) had sought", .english, borrowed: ["KPK"])
        == ["KPK=Corruption Eradication Commission"])
  }
}

@Suite("Term capture")
struct TermExtractorTests {
  private let extractor = TermExtractor(lexicon: .builtIn)

  private func pair(_ english: String, _ indonesian: String) -> AlignedPair {
    AlignedPair(source: english, target: indonesian, origin: "test")
  }

  @Test("A syllabic acronym gets its full form and the English words its full form translates to")
  func acronymCounterpart() {
    let found = extractor.candidates([
      pair(
        "Russia's foreign ministry said Lavrov would meet his Iranian counterpart.",
        "Kementerian Luar Negeri (Kemenlu) Rusia menyatakan Lavrov akan bertemu mitranya dari Iran."),
      pair(
        "Dengue fever cases doubled, the health ministry said on Monday.",
        "Kementerian Kesehatan (Kemenkes) meminta masyarakat membersihkan genangan air."),
    ]).filter { $0.kind == .acronym }
    #expect(found.map(\.indonesian) == [["Kementerian Luar Negeri", "Kemenlu"], ["Kementerian Kesehatan", "Kemenkes"]])
    #expect(found.map(\.english) == [["foreign ministry"], ["health ministry"]])
  }

  @Test("A long full form the English shortens keeps its head: Balai … → conservation agency")
  func shortenedCounterpart() {
    let found = extractor.candidates([
      pair(
        "A total of 75 climbers had started the trek on Saturday, according to the West Sumatra conservation agency.",
        "Menurut Balai Konservasi Sumber Daya Alam (BKSDA) Sumatera Barat, sebanyak 75 pendaki memulai pendakian pada Sabtu.")
    ]).filter { $0.kind == .acronym }
    #expect(found.map(\.english) == [["conservation agency", "BKSDA"]])
  }

  @Test("When the English paraphrases, the acronym takes the glossary's translation of its full form")
  func glossaryFallback() {
    let glossary = GlossaryMatcher(entries: [
      TermEntry(terms: [Term("Kementerian Pertanian", language: .indonesian), Term("Agriculture Ministry", language: .english)])
    ])
    let pair = pair(
      "The court found Syahrul guilty of extorting 44.5 billion rupiah from officials at his ministry.",
      "Hakim menyatakan SYL terbukti memeras pejabat di lingkungan Kementerian Pertanian (Kementan) sebesar Rp44,5 miliar.")
    let without = extractor.candidates([pair]).filter { $0.kind == .acronym }
    #expect(without.map(\.english) == [[]])
    let with = TermExtractor(lexicon: .builtIn, glossary: glossary).candidates([pair]).filter { $0.kind == .acronym }
    #expect(with.map(\.indonesian) == [["Kementerian Pertanian", "Kementan"]])
    #expect(with.map(\.english) == [["Agriculture Ministry"]])
  }

  @Test("Head-first Indonesian phrases pair with their English order")
  func headFirst() {
    let found = extractor.candidates([
      pair(
        "Tehran has supplied Russia with Shahed kamikaze drones.",
        "Teheran telah memasok drone kamikaze Shahed ke Rusia."),
      pair(
        "Kamikaze drones hit the port overnight.",
        "Drone kamikaze menghantam pelabuhan semalam."),
    ]).filter { $0.kind == .phrase }
    #expect(found.first.map { ($0.indonesian, $0.english, $0.count) } ?? ([], [], 0) == (["drone kamikaze"], ["kamikaze drones"], 2))
  }
}

@Suite("Terminology check")
struct TermCheckerTests {
  private let checker = TermChecker(
    glossary: GlossaryMatcher(entries: [
      TermEntry(terms: [
        Term("Kementerian Luar Negeri", language: .indonesian), Term("Kemenlu", language: .indonesian, status: .admitted),
        Term("foreign ministry", language: .english),
      ]),
      TermEntry(terms: [
        Term("Kementerian Kesehatan", language: .indonesian), Term("Kemenkes", language: .indonesian, status: .admitted),
        Term("health ministry", language: .english),
      ]),
      TermEntry(terms: [
        Term("kereta cepat", language: .indonesian), Term("kereta peluru", language: .indonesian, status: .forbidden),
        Term("high-speed railway", language: .english),
      ]),
    ]))

  @Test("A pair that renders Kemenlu as Health Ministry is flagged, from either side as source")
  func planted() {
    let english = "Russia's Health Ministry said Lavrov would arrive in Tehran on Monday."
    let indonesian = "Kemenlu Rusia menyatakan Lavrov akan tiba di Teheran pada Senin."
    let issues = checker.issues(in: AlignedPair(source: english, target: indonesian))
    #expect(issues.map { "\($0.kind.rawValue) \($0.found) → \($0.expected)" } == ["missing Health Ministry → Kementerian Kesehatan"])
    let reversed = checker.issues(
      in: AlignedPair(source: indonesian, target: english, sourceLanguage: .indonesian, targetLanguage: .english))
    #expect(reversed.map { "\($0.kind.rawValue) \($0.found) → \($0.expected)" } == ["missing Kemenlu → foreign ministry"])
  }

  @Test("Consistent pairs pass, whichever synonym and inflection the target uses")
  func consistent() {
    for (english, indonesian) in [
      ("Russia's foreign ministry said Lavrov would meet his counterpart.", "Kemenlu Rusia menyatakan Lavrov akan bertemu mitranya."),
      ("The health ministry urged people to clear standing water.", "Kementerian Kesehatan meminta warga membersihkan genangan air."),
      ("The high-speed railway carried 5 million passengers.", "Kereta cepat itu mengangkut 5 juta penumpang."),
    ] {
      #expect(checker.issues(in: AlignedPair(source: english, target: indonesian)).isEmpty)
    }
  }

  @Test("A forbidden translation is flagged as such")
  func forbidden() {
    let issues = checker.issues(
      in: AlignedPair(
        source: "The high-speed railway carried 5 million passengers.",
        target: "Kereta peluru itu mengangkut 5 juta penumpang."))
    #expect(issues.map(\.kind) == [.forbidden])
    #expect(issues.first?.used == "Kereta peluru")
  }
}

@Suite("Alignment files")
struct AlignmentFileTests {
  @Test("Beads with both sides become pairs; null beads and bad files do not")
  func pairs() throws {
    let json = """
      {"source":["Bank Indonesia kept its rate.","(Reporting by Stefanno Sulaiman)"],
       "target":["Nyaman tanpa iklan.","BI mempertahankan suku bunga."],
       "beads":[{"source":[],"target":[0],"score":0.95},{"source":[0],"target":[1],"score":0.9},
                {"source":[1],"target":[],"score":0.95}]}
      """
    let pairs = try AlignmentFile.pairs(Data(json.utf8), file: "a.json")
    #expect(pairs == [AlignedPair(source: "Bank Indonesia kept its rate.", target: "BI mempertahankan suku bunga.", origin: "a.json#2")])
    #expect(throws: AlignmentFileError.self) { try AlignmentFile.pairs(Data("{\"source\":[".utf8), file: "b.json") }
    #expect(throws: AlignmentFileError.self) {
      try AlignmentFile.pairs(Data(#"{"source":["A."],"target":["B."],"beads":[{"source":[0],"target":[3]}]}"#.utf8), file: "c.json")
    }
  }
}
