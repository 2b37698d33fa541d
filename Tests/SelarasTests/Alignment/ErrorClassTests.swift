import Selaras
import SelarasTestSupport
import Testing

/// The classes of error issue 12 lists, each on real sentences: Corpora's, and PUD's from
/// the documents of its fit half (n01001, n01003, n01005, n01009, n01011), never its test half.
@Suite("Alignment error classes")
struct ErrorClassTests {
  private let aligner = try! ArticleAligner(lexicon: .builtIn)

  private func shapes(_ english: String, _ indonesian: String, presegmented: Bool = true) throws -> [String] {
    try aligner.align(source: english, target: indonesian, presegmented: presegmented).beads.map {
      "\($0.source.count)-\($0.target.count)"
    }
  }

  @Test("A sentence the translator split pairs 1-2 when its second half carries the evidence, not 1-1 and 0-1")
  func splitSecondHalf() throws {
    let english = """
      Syahrul, a politician from the NasDem party, resigned in October after the KPK named him a suspect.
      Prosecutors said some of the money was used to pay for his family's travel, a birthday party and an umrah pilgrimage.
      Indonesia ranked 115th out of 180 countries in Transparency International's 2023 Corruption Perceptions Index.
      """
    let indonesian = """
      SYL, politikus Partai NasDem, mundur dari jabatannya pada Oktober 2023 setelah ditetapkan sebagai tersangka oleh KPK.
      Menurut jaksa, sebagian uang itu digunakan untuk membiayai perjalanan keluarga dan pesta ulang tahun.
      Uang itu juga dipakai untuk ibadah umrah.
      """
    #expect(try shapes(english, indonesian) == ["1-1", "1-2", "1-0"])
  }

  @Test("An unrelated sentence added between two pairs stays a 0-1 bead, not half of a 1-2")
  func addedSentence() throws {
    let english = """
      She has also been charged with trying to kill her two-year-old daughter.
      Mr Osborne signed up with a US speakers agency after being sacked in July.
      """
    let indonesian = """
      Ia juga telah didakwa mencoba membunuh putrinya yang berusia dua tahun.
      Ada benang merah yang bisa ditarik di sini antara pertandingan dan kehidupan kita sehari-hari.
      Tn. Osborne bergabung dengan agensi pembicara AS setelah dipecat di bulan Juli.
      """
    #expect(try shapes(english, indonesian) == ["1-1", "0-1", "1-1"])
  }

  @Test("Two true 1-1 pairs stay apart rather than merge into 2-2")
  func noFalseMelding() throws {
    let english = """
      The gathering was originally slated for Washington’s private Metropolitan Club on H Street a few blocks away.
      Maybe the dress code was too stuffy.
      """
    let indonesian = """
      Pertemuan ini awalnya dijadwalkan untuk klub swasta Metropolitan Club di Washington yang terletak di H Street beberapa blok jauhnya.
      Mungkin kode berpakaiannya terlalu sesak.
      """
    #expect(try shapes(english, indonesian) == ["1-1", "1-1"])
  }

  @Test("A photo caption pairs with its translation and its credit with the credit; a repeated copy stays unpaired")
  func captions() throws {
    let english = """
      Kabul zoo keeps its lonely pig

      Today, Khanzir may be a lonely pig, but he isn’t always alone

      REUTERS/Willy Kurniawan

      “We’ve requested other nations to help us populate the zoo with different species of animals, including a pig,” Saqib said.
      """
    let indonesian = """
      Kebun Binatang Kabul Merawat Babi yang Kesepian

      Hari ini, Khanzir mungkin adalah babi yang kesepian, tapi dia tidak selalu sendiri

      REUTERS/Willy Kurniawan

      “Kami telah meminta bangsa-bangsa lain untuk membantu kami mengisi kebun binatang dengan berbagai spesies binatang, termasuk babi,” ujar Saqib.

      Hari ini, Khanzir mungkin adalah babi yang kesepian, tapi dia tidak selalu sendiri

      REUTERS/Willy Kurniawan
      """
    let article = try aligner.align(source: english, target: indonesian)
    let pairs = article.beads.filter { !$0.isNull }.map { article.texts(of: $0) }
    #expect(pairs.contains { $0.source.hasPrefix("Today, Khanzir") && $0.target.hasPrefix("Hari ini, Khanzir") })
    #expect(pairs.contains { $0.source == "REUTERS/Willy Kurniawan" && $0.target == "REUTERS/Willy Kurniawan" })
    #expect(article.beads.map { "\($0.source.count)-\($0.target.count)" } == ["1-1", "1-1", "1-1", "1-1", "0-1", "0-1"])
  }

  @Test("Headlines pair when the Indonesian rewrites them; a wire dateline's date does not keep the lead apart")
  func headlineAndDateline() throws {
    let english = """
      Gondola across the Potomac would take about four minutes

      WASHINGTON, Nov 12 (Reuters) - The feasibility study estimates that it would take passengers about four minutes to cross the Potomac River on the gondola.

      “We face a lot of competition, and we think transit can help,” said Joe Sternlieb, president of the Georgetown BID.
      """
    let indonesian = """
      Gondola Potomac Hanya Empat Menit

      Liputan6.com, Washington - Studi kelayakan memperkirakan bahwa penumpang akan menghabiskan waktu sekitar empat menit untuk menyeberangi Potomac River menggunakan gondola.

      “Kami menghadapi banyak persaingan, dan kami rasa transit bisa membantu,” ujar Joe Sternlieb, presiden Georgetown BID.
      """
    #expect(try shapes(english, indonesian, presegmented: false) == ["1-1", "1-1", "1-1"])
  }

  @Test("Chrome no rule lists, by its shape, stays out of pairs")
  func chromeByShape() throws {
    let english = """
      Maybe the dress code was too stuffy.
      By comparison, it cost $103.7 million to build the NoMa infill Metro station, which opened in 2004.
      """
    let indonesian = """
      Mungkin kode berpakaiannya terlalu sesak.
      Artikel Terkait
      Perbandingannya, diperlukan $103,7 juta untuk membangun stasiun Metro infill NoMa.
      Silakan login untuk menikmati artikel Konten Premium.
      Rekomendasi Kami
      """
    #expect(try shapes(english, indonesian) == ["1-1", "0-1", "1-1", "0-1", "0-1"])
  }

  @Test("Page date lines stay out of pairs, even when both pages carry the same time")
  func dateLines() throws {
    let english = """
      Gondola across the Potomac would take about four minutes

      November 12, 2024 10:15 AM GMT+7

      The feasibility study estimates that it would take passengers about four minutes to cross the Potomac River on the gondola.
      """
    let indonesian = """
      Gondola Potomac Hanya Empat Menit

      Selasa, 12 Nov 2024 10:15 WIB

      Studi kelayakan memperkirakan bahwa penumpang akan menghabiskan waktu sekitar empat menit untuk menyeberangi Potomac River menggunakan gondola.
      """
    let beads = try aligner.align(source: english, target: indonesian, presegmented: false).beads
    #expect(beads.filter { !$0.isNull }.map { "\($0.source)-\($0.target)" } == ["0..<1-0..<1", "2..<3-2..<3"])
    #expect(beads.filter(\.isNull).count == 2)
  }

  @Test("A date the Indonesian adds after the weekday is no number the wire lacks: the lead pairs 1-2 with confidence")
  func weekdayDate() throws {
    // Corpora's economy-bi-rate: the wire's "Nov 20 ... on Wednesday" is the Indonesian
    // "Rabu (20/11/2024)", whose year the wire leaves out; the Indonesian lead is two
    // sentences (gold [[1],[3,4]]).
    let english = try String(contentsOf: Corpora.folder.file("economy-bi-rate", .english, .lines), encoding: .utf8)
    let indonesian = try String(contentsOf: Corpora.folder.file("economy-bi-rate", .indonesian, .lines), encoding: .utf8)
    let beads = try aligner.align(source: english, target: indonesian, presegmented: true).beads
    let lead = try #require(beads.first { $0.source == 1..<2 })
    #expect(lead.target == 3..<5)
    // About even odds (0.49; it was above 0.5 before session 15): with the built-in word list
    // alone the lead shares few words beyond its numbers and names, and the calibration now
    // weighs adapted newsroom articles, a third of whose sentences go unpaired, beside close
    // translations.
    #expect(lead.score > 0.4)
    let scorer = NewsAlignmentScorer(
      source: try SentenceSegmenter(language: .english).presegmented(english), sourceLanguage: .english,
      target: try SentenceSegmenter(language: .indonesian).presegmented(indonesian), targetLanguage: .indonesian,
      lexicon: .builtIn)
    let features = scorer.features(of: .init(source: 1..<2, target: 3..<5, posterior: 1))
    #expect(features.values[BeadFeatures.pairNumberMismatches] == 0)
  }

  @Test("An unrelated sentence standing where the translator dropped one is not scored as a sure pair")
  func unrelatedInPlace() throws {
    // PUD fit-half sentences: the English third sentence was dropped and an unrelated
    // Indonesian one written in its place.
    let english = """
      Through his grandmother, Mishima was a direct descendant of Tokugawa Ieyasu.
      Mishima espoused a very individual brand of nationalism towards the end of his life.
      I also wonder whether the Davis Cup played a part.
      That was definitely the case for Andy when he played Benoît Paire in Monte Carlo in April.
      """
    let indonesian = """
      Melalui neneknya, Mishima adalah keturunan langsung Tokugawa Ieyasu.
      Mishima mendukung brand nasionalisme yang sangat individual di akhir hayatnya.
      Tak semua orang bisa beranjak melampaui itu.
      Itulah yang dialami Andi saat ia bermain melawan Benoît Paire di Monte Carlo pada bulan April.
      """
    let beads = try aligner.align(source: english, target: indonesian, presegmented: true).beads
    for bead in beads where bead.source.count == 1 && bead.target.count == 1 {
      if bead.source == 2..<3 || bead.target == 2..<3 {
        #expect(bead.score < 0.9, "unrelated pair \(bead.source)-\(bead.target) scored \(bead.score)")
      } else {
        #expect(bead.score >= 0.9, "true pair \(bead.source)-\(bead.target) scored \(bead.score)")
      }
    }
  }
}
