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
    #expect(found.map(\.indonesian) == [["Kemenlu", "Kementerian Luar Negeri"], ["Kemenkes", "Kementerian Kesehatan"]])
    #expect(found.map(\.english) == [["foreign ministry"], ["health ministry"]])
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
