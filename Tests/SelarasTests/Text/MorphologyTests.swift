import Selaras
import Testing

@Suite("Indonesian morphology")
struct IndonesianMorphologyTests {
  let morphology = IndonesianMorphology()

  @Test("Verbal prefixes and their nasal sound changes", arguments: [
    ("memperkuat", "perkuat"), ("memperkuat", "kuat"), ("menulis", "tulis"), ("memukul", "pukul"),
    ("mengirim", "kirim"), ("menghadapi", "hadap"), ("menyebutkan", "sebut"), ("membangun", "bangun"),
    ("dibantah", "bantah"), ("terpilih", "pilih"), ("berkunjung", "kunjung"), ("bekerja", "kerja"),
    ("diperpanjang", "panjang"), ("menguatkan", "kuat"),
  ])
  func prefixes(word: String, root: String) {
    #expect(morphology.reductions(of: word).contains(root))
  }

  @Test("With derivation stripped (the aligner's lexicon), confixes ke-an, pe(N)-an, per-an, ber-an come off", arguments: [
    ("kesehatan", "sehat"), ("pembangunan", "bangun"), ("perdagangan", "dagang"), ("pertemuan", "temu"),
    ("penanggulangan", "tanggulang"), ("kemitraan", "mitra"), ("berdasarkan", "dasar"),
  ])
  func confixes(word: String, root: String) {
    #expect(IndonesianMorphology(stripsDerivation: true).reductions(of: word).contains(root))
  }

  @Test("For glossary matching, derivation makes a new word: no derived noun reaches its root", arguments: [
    ("keuangan", "uang"), ("persatuan", "satu"), ("perjalanan", "jalan"), ("pertahanan", "tahan"),
    ("keadaan", "ada"), ("kesehatan", "sehat"), ("permainan", "main"), ("perusahaan", "usaha"),
    ("pengadilan", "adil"), ("kedutaan", "duta"), ("pemerintah", "perintah"),
  ])
  func derivationKept(word: String, root: String) {
    #expect(!morphology.reductions(of: word).contains(root))
    #expect(!morphology.reductions(of: word + "nya").contains(root))
    // Its inflected forms still reach the derived word itself.
    #expect(morphology.reductions(of: word + "nya").contains(word))
  }

  @Test("Clitics and reduplication", arguments: [
    ("kemitraannya", "kemitraan"), ("bukunya", "buku"), ("pergilah", "pergi"), ("apakah", "apa"),
    ("kuambil", "ambil"), ("negara-negara", "negara"), ("drone-drone", "drone"), ("kota-kotanya", "kota"),
  ])
  func clitics(word: String, root: String) {
    #expect(morphology.reductions(of: word).contains(root))
  }

  @Test("A bare peN- is no affix: pemerintah is not perintah")
  func noBarePeN() {
    #expect(!morphology.reductions(of: "pemerintah").contains("perintah"))
    #expect(!morphology.reductions(of: "pemerintahnya").contains("perintah"))
  }

  @Test("A root-word list stops reduction at a real root")
  func roots() {
    #expect(IndonesianMorphology().reductions(of: "berita").contains("ita"))
    #expect(IndonesianMorphology(roots: ["berita"]).reductions(of: "beritanya") == ["beritanya", "berita"])
  }
}

@Suite("English morphology")
struct EnglishMorphologyTests {
  @Test("Plurals, -ed, -ing and possessives", arguments: [
    ("drones", "drone"), ("ministries", "ministry"), ("killed", "kill"), ("rising", "rise"),
    ("Russia's", "russia"), ("boxes", "box"), ("closed", "close"),
  ])
  func reductions(word: String, base: String) {
    #expect(EnglishMorphology.reductions(of: word).contains(base))
  }
}
