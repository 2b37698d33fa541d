import Testing

@testable import Selaras

/// Loanwords paired with their English words, on sentences of the newsroom development articles
/// (`scripts/newsroom-split.sh`: bi-rate-hold of the fit half; court-age-ruling and sulawesi-quake
/// of Development/newsroom-more; some shortened; the nickel pair written for this test), never
/// the test half's.
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
    let pairs = Cognates.pairs(english: english, indonesian: indonesian)
    #expect(pairs["diskriminatif"] == ["discriminated"])
    #expect(pairs["inflasi"] == ["inflation"])
    // Through its affixes, as the lexicon's look-ups take them off.
    #expect(pairs["mengekspornya"] == ["exports"])
    // A name the English holds as it is matches itself already.
    #expect(pairs["hendro"] == nil)
    #expect(pairs["indonesia"] == nil)
  }

  @Test("A word the English holds as it is gets no pair, even beside a longer one of its key")
  func sameWordLeftOut() {
    let pairs = Cognates.pairs(
      english: ["Indonesia's Indonesian exporters said Malaysia's subsidies were unfair."],
      indonesian: ["Indonesia menuding Malaysia menyubsidi eksportir secara tidak adil."])
    #expect(pairs["indonesia"] == nil)
    #expect(pairs["malaysia"] == nil)
    #expect(pairs["menyubsidi"] == ["subsidies"])
    #expect(pairs["eksportir"] == ["exporters"])
  }

  @Test(
    "Words are spelled the Indonesian way before they are compared",
    arguments: [
      ("constitutional", "konstitusi"), ("democracy", "demokrasi"), ("technology", "teknologi"),
      ("philosophy", "filosofi"), ("exports", "ekspor"), ("commission", "komisi"), ("quality", "kualitas"),
      ("percent", "persen"), ("toxic", "toksik"),
    ])
  func spelling(english: String, indonesian: String) {
    let key = Cognates.key(english: english)
    #expect(key != nil)
    #expect(key == Cognates.key(indonesian: Array(indonesian.utf8)))
  }

  @Test("Words shorter than a key, or with letters beyond ASCII, have none; other characters end a word")
  func words() {
    #expect(Cognates.key(english: "police") != nil)
    #expect(Cognates.key(english: "pasar") == nil)
    #expect(
      Cognates.distinctWords(["Dürrenmatt’s exports—the “inflasi” rose\u{00A0}sharply"], shortest: 6)
        == ["exports", "inflasi", "sharply"])
  }

  @Test(
    "A sentence pair that shares little besides its loanwords pairs",
    .enabled(
      if: LanguageResources.installed().dictionary != nil, "needs FreeDict: apt-get install dict-freedict-eng-ind"))
  func loanwordsAnchorAPair() throws {
    // court-age-ruling, with FreeDict's words as `selaras align` reads them (the test script
    // installs them): the ruling's reasoning, where the Indonesian repeats the age the English
    // gave a sentence earlier and leaves out the vote and the year of the law. Without its
    // loanwords (`diskriminatif`, `publik`) both sentences were left unpaired.
    let result = try ArticleAligner(lexicon: LanguageResources.installed().lexicon()).align(
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
