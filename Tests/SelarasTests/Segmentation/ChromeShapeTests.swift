import Selaras
import Testing

@Suite("Chrome by shape")
struct ChromeShapeTests {
  private let indonesian = try! SentenceSegmenter(language: .indonesian)
  private let english = try! SentenceSegmenter(language: .english)

  private func chrome(_ text: String, _ segmenter: SentenceSegmenter) throws -> [String: Sentence.Chrome] {
    Dictionary(try segmenter.segment(text).map { ($0.text, $0.chrome) }, uniquingKeysWith: { first, _ in first })
  }

  @Test("Label lines and calls to log in are chrome no list names; headlines and names are not")
  func labels() throws {
    let page = """
      Menlu Rusia Kunjungi Teheran

      Menteri Luar Negeri Rusia Sergei Lavrov tiba di Teheran pada Senin.

      Artikel Terkait

      Sergei Lavrov

      Silakan login untuk menikmati artikel Konten Premium.

      Berita Lainnya

      # Hot Topic
      """
    let kinds = try chrome(page, indonesian)
    #expect(kinds["Menlu Rusia Kunjungi Teheran"] == Sentence.Chrome.none)
    #expect(kinds["Menteri Luar Negeri Rusia Sergei Lavrov tiba di Teheran pada Senin."] == Sentence.Chrome.none)
    #expect(kinds["Sergei Lavrov"] == Sentence.Chrome.none)
    #expect(kinds["Artikel Terkait"] == .label)
    #expect(kinds["Silakan login untuk menikmati artikel Konten Premium."] == .label)
    #expect(kinds["Berita Lainnya"] == .label)
    #expect(kinds["# Hot Topic"] == .label)
  }

  @Test("Mastheads: date lines never pair, bylines and breadcrumbs are labels; a sentence with a date or a byline's words is article text")
  func mastheads() throws {
    let page = """
      Gondola Potomac Hanya Empat Menit

      Selasa, 12 Nov 2024 10:15 WIB

      Kompas.com - 12/11/2024, 10:15 WIB

      Berita > Internasional

      Oleh: Ananda Teresia

      Studi itu terbit pada 12/11/2024 pukul 10.15 WIB.

      Oleh karena itu, proyek ditunda
      """
    let kinds = try chrome(page, indonesian)
    #expect(kinds["Selasa, 12 Nov 2024 10:15 WIB"] == .pattern)
    #expect(kinds["Kompas.com - 12/11/2024, 10:15 WIB"] == .pattern)
    #expect(kinds["Berita > Internasional"] == .label)
    #expect(kinds["Oleh: Ananda Teresia"] == .label)
    #expect(kinds["Studi itu terbit pada 12/11/2024 pukul 10.15 WIB."] == Sentence.Chrome.none)
    #expect(kinds["Oleh karena itu, proyek ditunda"] == Sentence.Chrome.none)
    let english = try chrome("Headline here\n\nBy Kate Lamb and Agus Wibowo\n\nNovember 12, 2024 10:15 AM GMT+7", english)
    #expect(english["By Kate Lamb and Agus Wibowo"] == .label)
    #expect(english["November 12, 2024 10:15 AM GMT+7"] == .pattern)
  }

  @Test("Credits are credits, in either language and with or without brackets")
  func credits() throws {
    let kinds = try chrome(
      "Title here\n\nREUTERS/Willy Kurniawan\n\n(AP Photo/Dita Alangkara)\n\nANTARA FOTO/Raisan Al Farisi/foc.\n\nThe U.S./China talks resumed on Monday.",
      english)
    #expect(kinds["REUTERS/Willy Kurniawan"] == .credit)
    #expect(kinds["(AP Photo/Dita Alangkara)"] == .credit)
    #expect(kinds["ANTARA FOTO/Raisan Al Farisi/foc."] == .credit)
    #expect(kinds["The U.S./China talks resumed on Monday."] == Sentence.Chrome.none)
  }

  @Test("A repeated line: the first copy may pair, later ones never; raw text and presegmented alike")
  func repeated() throws {
    let page = "Judul\n\nWarga melintasi banjir di Kampung Melayu\n\nIsi berita.\n\nWarga melintasi banjir di Kampung Melayu"
    for sentences in [try indonesian.segment(page), indonesian.presegmented(page)] {
      let copies = sentences.filter { $0.text == "Warga melintasi banjir di Kampung Melayu" }.map(\.chrome)
      #expect(copies == [.firstOfRepeated, .repeated])
    }
  }
}
