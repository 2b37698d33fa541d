@testable import Selaras
import Testing

/// Loanwords paired with their English words, on sentences of the newsroom development set's
/// other half (`scripts/newsroom-split.sh`: court-age-ruling, bi-rate-hold, nickel-export-ban),
/// never its test half.
@Suite("Cognates")
struct CognatesTests {
  private let english = [
    "The court, in a 5-4 decision, said the age threshold in the 2016 regional elections law discriminated against young citizens who already had the right to vote and to hold other public offices.",
    "Annual inflation eased to 1.71% in October, the lowest in more than three years.",
    "Indonesia banned exports of nickel ore in 2020 to push miners to build smelters at home.",
    "\"We ask people not to be swayed by hoaxes,\" said Hendro Siswanto, who heads the agency's earthquake and tsunami center.",
  ]
  private let indonesian = [
    "Dalam pertimbangannya, MK menilai syarat usia 25 tahun dalam UU Pilkada bersifat diskriminatif terhadap warga negara muda yang telah memiliki hak pilih dan hak menduduki jabatan publik lainnya.",
    "Badan Pusat Statistik (BPS) mencatat inflasi tahunan pada Oktober 2024 sebesar 1,71 persen.",
    "Indonesia melarang ekspor bijih nikel sejak 2020 agar penambang membangun smelter di dalam negeri; pemerintah tidak lagi mengekspornya.",
    "Hendro mengimbau masyarakat tidak terpancing isu atau kabar bohong (hoaks).",
  ]

  @Test("An Indonesian loanword translates the English word it comes from in the other text")
  func loanwordsPair() {
    let lexicon = Cognates.extend(Lexicon(), english: english, indonesian: indonesian)
    #expect(lexicon.english(for: "diskriminatif") == ["discriminated"])
    #expect(lexicon.english(for: "inflasi") == ["inflation"])
    // Through its affixes, and without a word the lexicon pairs with itself.
    #expect(lexicon.english(for: "mengekspornya") == ["exports"])
    #expect(lexicon.english(for: "statistik").isEmpty)  // no English word of the texts comes from it
    // A name written alike in both texts matches itself already: no entry, which would cost
    // it its anchor at the start of a sentence.
    #expect(lexicon.english(for: "hendro").isEmpty)
    #expect(lexicon.english(for: "pertimbangannya").isEmpty)
  }

  @Test("What the lexicon knows of a word stays beside the loanword's pair")
  func keepsLexiconEntries() {
    var known = Lexicon()
    known.add(indonesian: "ekspor", english: "export")
    known.add(indonesian: "ekspor", english: "shipment")
    let lexicon = Cognates.extend(known, english: english, indonesian: indonesian)
    #expect(lexicon.english(for: "ekspor") == ["export", "shipment", "exports"])
    #expect(lexicon.english(for: "mengekspornya") == ["export", "shipment", "exports"])
  }

  @Test("Words are spelled the Indonesian way before they are compared", arguments: [
    ("constitutional", "konstitusi"), ("democracy", "demokrasi"), ("technology", "teknologi"),
    ("philosophy", "filosofi"), ("exports", "ekspor"), ("commission", "komisi"),
  ])
  func spelling(english: String, indonesian: String) {
    #expect(Cognates.key(english: english) == Cognates.key(indonesian: Array(indonesian.utf8)))
  }

  @Test("Words shorter than a key, or with letters beyond ASCII, have none")
  func shortWords() {
    #expect(Cognates.key(english: "police") != nil)
    #expect(Cognates.key(english: "pasar") == nil)
    #expect(Cognates.distinctWords(["Presiden Prabowo menghadiri KTT di São Paulo."]) == ["presiden", "prabowo", "menghadiri"])
  }

  @Test("A sentence pair that shares little besides its loanwords pairs")
  func loanwordsAnchorAPair() throws {
    // court-age-ruling, with FreeDict's words as `selaras align` reads them (the test script
    // installs them): the ruling's reasoning, where the Indonesian repeats the age the English
    // gave a sentence earlier and leaves out the vote and the year of the law. Without its
    // loanwords (`diskriminatif`, `publik`) both sentences were left unpaired.
    let result = try ArticleAligner(lexicon: LanguageResources.debian.lexicon()).align(
      source: [
        "Indonesia's Constitutional Court on Tuesday lowered the minimum age for candidates running for regent and mayor to 21 from 25, a ruling critics said could help powerful political families fast-track younger relatives into office.",
        english[0],
        "The minimum age of 30 for provincial governor candidates was not affected by the ruling.",
      ].joined(separator: "\n"),
      target: [
        "Melalui putusan tersebut, batas usia minimal calon bupati dan calon wali kota diturunkan dari 25 tahun menjadi 21 tahun.",
        "Sejumlah pihak menilai putusan itu berpotensi memuluskan jalan bagi keluarga elite politik untuk mengorbitkan kerabatnya yang masih muda.",
        indonesian[0],
        "Adapun syarat usia minimal 30 tahun bagi calon gubernur tidak berubah karena tidak termasuk dalam pokok permohonan.",
      ].joined(separator: "\n"), presegmented: true)
    #expect(result.beads.contains { $0.source == 1..<2 && $0.target == 2..<3 })
  }
}
