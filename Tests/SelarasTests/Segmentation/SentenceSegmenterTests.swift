import Foundation
import SelarasTestSupport
@testable import Selaras
import Testing

private let indonesian = try! SentenceSegmenter(language: .indonesian)
private let english = try! SentenceSegmenter(language: .english)

private func sentences(_ text: String, _ segmenter: SentenceSegmenter = indonesian) throws -> [String] {
  try segmenter.segment(text).map(\.text)
}

@Suite("Abbreviations and initials")
struct AbbreviationTests {
  @Test("Indonesian titles and address abbreviations never end a sentence")
  func indonesianTitles() throws {
    #expect(
      try sentences(
        "Direktur RSUD Sayang dr. Hana Rosita, Sp.PD. mengatakan, 41 pasien dirawat di tenda. Ia meminta bantuan selimut.")
        == [
          "Direktur RSUD Sayang dr. Hana Rosita, Sp.PD. mengatakan, 41 pasien dirawat di tenda.",
          "Ia meminta bantuan selimut.",
        ])
    #expect(
      try sentences("Putusan dibacakan di Jl. Bungur Besar Raya No. 24-28, Jakarta Pusat. Sidang ditutup pukul 16.00 WIB.")
        == [
          "Putusan dibacakan di Jl. Bungur Besar Raya No. 24-28, Jakarta Pusat.",
          "Sidang ditutup pukul 16.00 WIB.",
        ])
    #expect(
      try sentences("Ketua panitia H. Ahmad Fauzi dan Hj. Siti Rohmah, Ir. Bambang, serta Prof. Dr. Ani hadir.")
        == ["Ketua panitia H. Ahmad Fauzi dan Hj. Siti Rohmah, Ir. Bambang, serta Prof. Dr. Ani hadir."])
  }

  @Test("Initials inside a name do not end a sentence")
  func initials() throws {
    #expect(
      try sentences("Gubernur BI Agus D.W. Martowardojo membuka acara itu. Ia didampingi para deputi.")
        == ["Gubernur BI Agus D.W. Martowardojo membuka acara itu.", "Ia didampingi para deputi."])
  }

  @Test("A time zone after a time, and an era or unit letter after a number, end their sentence")
  func timeZonesAndLettersAfterNumbers() throws {
    // newsroom-pairs' lewotobi-eruption (fit half) and Development/newsroom-more's hajj-heat-deaths:
    // WIB, WITA and WIT take no full stop of their own, and `M.` after a year is Masehi, no initial.
    let lead = """
      Flores Timur - Gunung Lewotobi Laki-laki di Kabupaten Flores Timur, Nusa Tenggara Timur (NTT), kembali erupsi \
      pada Selasa (8/7/2025) pukul 11.05 WITA. Tinggi kolom abu teramati mencapai 9.000 meter di atas puncak.
      """
    #expect(try sentences(lead).count == 2)
    #expect(try sentences("Harga baru berlaku mulai pukul 00.00 WIB. Keputusan itu diumumkan Jumat.").count == 2)
    let hajj = """
      Kemenag mencatat 312 jemaah haji Indonesia wafat selama ibadah haji 1446 H/2025 M. Cuaca panas ekstrem \
      disebut menjadi penyebab utama.
      """
    #expect(try sentences(hajj).count == 2)
    // An initial before a name still does not end the sentence.
    #expect(try sentences("Gubernur BI Perry M. Warjiyo hadir.").count == 1)
  }

  @Test("Tbk. continues before a ticker or a verb, ends before a sentence opener")
  func ambiguousCompanySuffix() throws {
    #expect(
      try sentences("Saham PT Bank Rakyat Indonesia (Persero) Tbk. (BBRI) naik 1,2 persen usai pengumuman tersebut.")
        == ["Saham PT Bank Rakyat Indonesia (Persero) Tbk. (BBRI) naik 1,2 persen usai pengumuman tersebut."])
    #expect(
      try sentences("Laba naik di PT Unilever Indonesia Tbk. Namun penjualan turun.")
        == ["Laba naik di PT Unilever Indonesia Tbk.", "Namun penjualan turun."])
  }

  @Test("English wire abbreviations: U.S., p.m., Jan., Co., Dr.")
  func englishAbbreviations() throws {
    #expect(
      try sentences(
        "Perry said the U.S. Federal Reserve was likely to cut rates only once more this year. That left less room for Bank Indonesia to ease, he added.",
        english)
        == [
          "Perry said the U.S. Federal Reserve was likely to cut rates only once more this year.",
          "That left less room for Bank Indonesia to ease, he added.",
        ])
    #expect(
      try sentences(
        "The quake struck at 1:21 p.m. at a depth of 10 kilometers. Dr. Hana Rosita said 41 patients were treated.",
        english)
        == ["The quake struck at 1:21 p.m. at a depth of 10 kilometers.", "Dr. Hana Rosita said 41 patients were treated."])
    #expect(
      try sentences("JAKARTA, Jan. 15 (Reuters) - Dengue cases doubled. The ministry recorded 6,122 cases.", english)
        == ["JAKARTA, Jan. 15 (Reuters) - Dengue cases doubled.", "The ministry recorded 6,122 cases."])
    #expect(
      try sentences("Sanctions were imposed by the U.S. The move angered Tehran.", english)
        == ["Sanctions were imposed by the U.S.", "The move angered Tehran."])
  }
}

@Suite("Lines, datelines and quotes")
struct LayoutTests {
  @Test("A headline and a photo caption without a full stop stand alone")
  func headlinesAndCaptions() throws {
    let text = """
      Ginting Tumbangkan Axelsen, Melaju ke Final Japan Open 2023

      Tunggal putra Indonesia Anthony Sinisuka Ginting saat bertanding di Japan Open 2023
      (Dok. PBSI)

      KOMPAS.com - Tunggal putra Indonesia melaju ke final.
      """
    let result = try indonesian.segment(text)
    #expect(
      result.map(\.text) == [
        "Ginting Tumbangkan Axelsen, Melaju ke Final Japan Open 2023",
        "Tunggal putra Indonesia Anthony Sinisuka Ginting saat bertanding di Japan Open 2023",
        "(Dok. PBSI)",
        "KOMPAS.com - Tunggal putra Indonesia melaju ke final.",
      ])
    #expect(result.map(\.paragraph) == [0, 1, 1, 2])
    #expect(result.map(\.isBoilerplate) == [false, false, true, false])
  }

  @Test("A dateline stays with its sentence, also when left alone on its line")
  func datelines() throws {
    #expect(
      try sentences("Bisnis.com, JAKARTA – Bank Indonesia (BI) mempertahankan suku bunga acuan. BI juga menahan suku bunga lain.")
        == [
          "Bisnis.com, JAKARTA – Bank Indonesia (BI) mempertahankan suku bunga acuan.",
          "BI juga menahan suku bunga lain.",
        ])
    #expect(
      try sentences("Liputan6.com, Cianjur -\nGempa bumi bermagnitudo 5,6 mengguncang Kabupaten Cianjur.")
        == ["Liputan6.com, Cianjur - Gempa bumi bermagnitudo 5,6 mengguncang Kabupaten Cianjur."])
    #expect(
      try sentences("JAKARTA, Nov 20 (Reuters) - Bank Indonesia kept its benchmark rate unchanged.", english)
        == ["JAKARTA, Nov 20 (Reuters) - Bank Indonesia kept its benchmark rate unchanged."])
  }

  @Test("A quoted question keeps its attribution")
  func quotedQuestion() throws {
    #expect(
      try sentences("“Kami tidur di mana malam ini?” tanya Siti Aminah, yang rumahnya roboh. Ia menangis.")
        == ["“Kami tidur di mana malam ini?” tanya Siti Aminah, yang rumahnya roboh.", "Ia menangis."])
    #expect(
      try sentences("\"Sudah siap?\" ujar Dedi. \"Belum!\" jawab mereka.")
        == ["\"Sudah siap?\" ujar Dedi.", "\"Belum!\" jawab mereka."])
  }

  @Test("A quote of two sentences splits inside, and a quote ending a sentence stays whole")
  func quotes() throws {
    #expect(
      try sentences("“It was not easy. Viktor is the best player in the world right now.”", english)
        == ["“It was not easy.", "Viktor is the best player in the world right now.”"])
    #expect(
      try sentences("“Keputusan ini konsisten,” kata Perry. “Kami siap.” Rapat berakhir.")
        == ["“Keputusan ini konsisten,” kata Perry.", "“Kami siap.”", "Rapat berakhir."])
  }

  @Test("A full stop after a word ends a sentence even before a number or a lowercase word")
  func missedBoundaries() throws {
    #expect(
      try sentences("Sungai itu tercemar limbah pabrik. 2023 menjadi tahun terburuk bagi warga.")
        == ["Sungai itu tercemar limbah pabrik.", "2023 menjadi tahun terburuk bagi warga."])
    #expect(
      try sentences("Ia lahir di Batavia pada 5 Juni 1879. kemudian ia pindah ke Bandung.")
        == ["Ia lahir di Batavia pada 5 Juni 1879.", "kemudian ia pindah ke Bandung."])
    // An abbreviation before a lowercase word is not a boundary.
    #expect(try sentences("Harga cabai, bawang, dll. ikut naik.") == ["Harga cabai, bawang, dll. ikut naik."])
  }
}

@Suite("Site chrome")
struct BoilerplateTests {
  @Test("Subscription prompts, read-more links and credits are flagged")
  func chrome() throws {
    let text = """
      Rupiah melemah ke Rp15.565 per dolar AS.

      Nyaman tanpa iklan. Langganan BisnisPro

      Baca juga:
      Rupiah Ditutup Melemah, Ini Penyebabnya

      Cek Berita dan Artikel yang lain di Google News
      """
    let result = try indonesian.segment(text)
    #expect(
      result.map(\.text) == [
        "Rupiah melemah ke Rp15.565 per dolar AS.",
        "Nyaman tanpa iklan.",
        "Langganan BisnisPro",
        "Baca juga: Rupiah Ditutup Melemah, Ini Penyebabnya",
        "Cek Berita dan Artikel yang lain di Google News",
      ])
    #expect(result.map(\.isBoilerplate) == [false, true, true, true, true])
  }

  @Test("A short line repeated in the article is chrome; its single occurrence is not")
  func repeatedLines() throws {
    let text = """
      Gabung grup WhatsApp kami untuk kabar terbaru
      Lavrov tiba di Teheran pada Senin.
      Gabung grup WhatsApp kami untuk kabar terbaru
      """
    #expect(try indonesian.segment(text).map(\.isBoilerplate) == [true, false, true])
    #expect(try indonesian.segment("Gabung grup WhatsApp kami untuk kabar terbaru").map(\.isBoilerplate) == [false])
  }

  @Test("An editor's initials in brackets are flagged, a bracketed word is not")
  func editorInitials() throws {
    let result = try indonesian.segment("Indonesia memiliki 127 gunung api aktif.\n\n(rzr/rzr)\n\n(Bersambung)")
    #expect(result.map(\.isBoilerplate) == [false, true, false])
  }

  @Test("Wire trailers in English are flagged")
  func wireTrailer() throws {
    let result = try english.segment(
      "Lavrov is due in Turkey.\n\n(Reporting by Reuters; Writing by Guy Faulconbridge; Editing by Mark Trevelyan)")
    #expect(result.map(\.isBoilerplate) == [false, true])
  }
}

@Suite("Offsets, white space and languages")
struct OffsetTests {
  @Test("Ranges are UTF-8 byte offsets into the input")
  func byteOffsets() throws {
    let text = "“Guncangannya kuat,” kata Dedi.  Ia lari.\n"
    let result = try indonesian.segment(text)
    #expect(result.map(\.range) == [0..<35, 37..<45])
    let bytes = Array(text.utf8)
    #expect(String(decoding: bytes[result[1].range], as: UTF8.self) == "Ia lari.")
  }

  @Test("CRLF line ends and no-break spaces are white space; the text is collapsed")
  func crlfAndNoBreakSpace() throws {
    let result = try indonesian.segment("SYL didenda Rp\u{00A0}300 juta.\r\n\r\nIa banding.\r\n")
    #expect(result.map(\.text) == ["SYL didenda Rp 300 juta.", "Ia banding."])
    #expect(result.map(\.paragraph) == [0, 1])
  }

  @Test("Runs of spaces, tabs and no-break spaces collapse wherever they fall")
  func collapsing() throws {
    let words = ["Badan", "Nasional", "Penanggulangan", "Bencana", "(BNPB)", "menyebutkan", "2.345", "warga", "mengungsi."]
    let gaps = [" ", "  ", "\t", " \u{00A0} ", "   ", "\u{00A0}", " \t "]
    for shift in 0..<gaps.count {
      var text = ""
      for (index, word) in words.enumerated() {
        text += (index == 0 ? "" : gaps[(index + shift) % gaps.count]) + word
      }
      #expect(try sentences(text) == [words.joined(separator: " ")])
    }
  }

  @Test("A text cut into chunks for ICU segments as a whole")
  func chunks() throws {
    let article = try String(
      contentsOf: Corpora.folder.file("economy-bi-rate", .indonesian), encoding: .utf8)
    let text = String(repeating: article + "\n", count: 20)
    var chunked = indonesian
    chunked.chunkLimit = 700
    let whole = try indonesian.segment(text)
    #expect(try chunked.segment(text) == whole)
    #expect(whole.count == 20 * 17)
  }

  @Test("A long text segmented in two halves on two threads gives the same sentences, paragraphs and chrome")
  func halves() throws {
    for name in Corpora.articles {
      for language in [LanguageTag.indonesian, .english] {
        let article = try String(contentsOf: Corpora.folder.file(name, language), encoding: .utf8)
        // Two different articles around the cut, so that repeated lines cross it too.
        let text = article + "\n\n" + article
        var whole = try SentenceSegmenter(language: language)
        whole.parallelThreshold = .max
        var halves = try SentenceSegmenter(language: language)
        halves.parallelThreshold = 1
        let expected = try whole.segment(text)
        let found = try halves.segment(text)
        #expect(found == expected, "\(name).\(language)")
        #expect(found.map(\.chrome) == expected.map(\.chrome))
        #expect(Set(expected.map(\.chrome)).contains(.repeated) || Set(expected.map(\.chrome)).contains(.firstOfRepeated))
      }
    }
  }

  @Test("Ranges alone and lines written from them are the sentences' ranges and texts, in one part or two")
  func rangesAndLines() throws {
    for name in Corpora.articles {
      for language in [LanguageTag.indonesian, .english] {
        let article = try String(contentsOf: Corpora.folder.file(name, language), encoding: .utf8)
        // With a run of tabs, spaces and a no-break space inside a sentence, and a long line
        // (more than the 64 KB a chunk of lines holds).
        let long = Array(repeating: "Kata  dan\t\u{00A0}kata", count: 5000).joined(separator: " ")
        let text = article + "\n\n" + long + "\n\n" + article
        for threshold in [Int.max, 1] {
          var segmenter = try SentenceSegmenter(language: language)
          segmenter.parallelThreshold = threshold
          let sentences = try segmenter.segment(text)
          let ranges = try segmenter.sentenceRanges(text)
          #expect(ranges == sentences.map(\.range), "\(name).\(language)")
          var written: [UInt8] = []
          var chunks = 0
          SentenceSegmenter.writeLines(ranges, of: text) { bytes in
            written += bytes
            chunks += 1
          }
          #expect(String(decoding: written, as: UTF8.self) == sentences.map { $0.text + "\n" }.joined())
          #expect(chunks >= 2)
        }
      }
    }
  }

  @Test("Presegmented text: a sentence a line, CRLF or LF, blank lines between paragraphs")
  func presegmented() {
    let result = indonesian.presegmented("Satu kalimat.\r\nDua  kalimat.\r\n\r\nTiga.\n")
    #expect(result.map(\.text) == ["Satu kalimat.", "Dua kalimat.", "Tiga."])
    #expect(result.map(\.range) == [0..<13, 15..<28, 32..<37])
    #expect(result.map(\.paragraph) == [0, 0, 1])
  }

  @Test("Empty and blank input have no sentences")
  func emptyInput() throws {
    #expect(try indonesian.segment("").isEmpty)
    #expect(try indonesian.segment(" \n\r\n\u{00A0}\n").isEmpty)
  }

  @Test("Languages without rules are refused")
  func unsupportedLanguage() {
    #expect(throws: SegmentationError.unsupportedLanguage(LanguageTag("fr"))) {
      try SentenceSegmenter(language: LanguageTag("fr"))
    }
    #expect((try? SentenceSegmenter(language: LanguageTag("id-ID"))) != nil)
  }
}
