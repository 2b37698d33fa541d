import Selaras
import Testing

private func found(_ sentence: String, _ language: LanguageTag = .indonesian) -> [String] {
  AcronymFinder.definitions(in: sentence, language: language).map { "\($0.acronym)=\($0.fullForm)" }
}

@Suite("Acronym definitions by letters in order")
struct AcronymLettersTests {
  @Test("Indonesian acronyms from syllables and letters inside words", arguments: [
    ("Dia ditahan di Rumah Tahanan (Rutan) Salemba sejak Senin.", "Rutan=Rumah Tahanan"),
    ("Polisi membentuk Satuan Tugas (Satgas) pangan untuk mengawasi harga beras.", "Satgas=Satuan Tugas"),
    ("Narapidana itu dipindahkan ke Lembaga Pemasyarakatan (Lapas) Nusakambangan.", "Lapas=Lembaga Pemasyarakatan"),
    ("Komisi Pemilihan Umum menyiapkan pemilihan umum (pemilu) serentak pada Februari.", "pemilu=pemilihan umum"),
    ("Pemeringkat Efek Indonesia (Pefindo) menegaskan peringkat idA- untuk PT Serasi Autoraya.", "Pefindo=Pemeringkat Efek Indonesia"),
    ("Obligasi itu diterbitkan oleh PT Bank Pan Indonesia Tbk (Panin) sebesar IDR 1,65 triliun.", "Panin=Pan Indonesia Tbk"),
    ("Anak bawah lima tahun (balita) di desa itu mendapat imunisasi.", "balita=bawah lima tahun"),
    ("Pemerintah Kota Bandung bekerja sama dengan Pusat Kesehatan Masyarakat (Puskesmas) setempat.", "Puskesmas=Pusat Kesehatan Masyarakat"),
  ])
  func inner(sentence: String, expected: String) {
    #expect(found(sentence).contains(expected), "\(found(sentence))")
  }

  @Test("Names and words in brackets are no definitions", arguments: [
    "Pemerintah menahan harga bensin Pertalite (Pertalite) hingga akhir tahun.",
    "Harga bensin RON 90 (Pertalite) tidak naik bulan ini.",
    "Saham PT Pertamina (Persero) tidak diperdagangkan di bursa.",
    "Penduduk aslinya dikenal sebagai orang Berangas (Barangas).",
    "Ikuti jalan Ronggowasesa (Singkil) sampai ke pasar.",
    "Ini adalah lagu tema dari sebuah serial animasi Jepang (anime).",
    "Masalah perjodohan antara Andara dengan Taufan (Fadil) menjadi inti cerita.",
    "Rambutnya pendek dan keriting (cokelat).",
    "Hal itu mengindikasikan peran penting yang dimainkan investor (domestik).",
  ])
  func none(sentence: String) {
    #expect(found(sentence).isEmpty, "\(found(sentence))")
  }

  @Test("Initials still define as before, in both languages")
  func initials() {
    #expect(found("Badan Nasional Penanggulangan Bencana (BNPB) mencatat 268 korban.") == [
      "BNPB=Badan Nasional Penanggulangan Bencana"
    ])
    #expect(found("menurut Kementerian Luar Negeri (Kemenlu)").contains("Kemenlu=Kementerian Luar Negeri"))
    #expect(found("The World Health Organization (WHO) said on Monday.", .english) == [
      "WHO=World Health Organization"
    ])
  }
}

@Suite("Acronym counterparts")
struct AcronymCounterpartTests {
  @Test("A borrowed English full form keeps only the words that translate the Indonesian one")
  func borrowedRunTrimmed() {
    var lexicon = Lexicon()
    lexicon.add(indonesian: "komisi", english: "commission")
    lexicon.add(indonesian: "pemberantasan", english: "eradication")
    lexicon.add(indonesian: "korupsi", english: "corruption")
    let pair = AlignedPair(
      source: "A spokesman told Reuters Indonesia Corruption Eradication Commission (KPK) investigators searched the office.",
      target: "Juru bicara Komisi Pemberantasan Korupsi (KPK) mengatakan penyidik menggeledah kantor itu.")
    let candidates = TermExtractor(lexicon: lexicon).candidates([pair]).filter { $0.kind == .acronym }
    #expect(candidates.map(\.indonesian) == [["Komisi Pemberantasan Korupsi", "KPK"]])
    #expect(candidates.first?.english.first == "Corruption Eradication Commission", "\(candidates.map(\.english))")
  }
}
