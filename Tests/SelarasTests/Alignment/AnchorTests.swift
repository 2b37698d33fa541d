import Foundation
import SelarasTestSupport
@testable import Selaras
import Testing

@Suite("Anchors across languages")
struct AnchorTests {
  private func anchors(_ text: String, _ language: String) -> Set<String> {
    Set(NumberAnchors.anchors(of: WordTokenizer.tokens(text), language: language))
  }

  @Test("Numbers in both conventions meet", arguments: [
    ("naik menjadi 1.500 orang", "rose to 1,500 people", "#1500"),
    ("suku bunga 6,00 persen", "a rate of 6.00%", "#6"),
    ("hingga Rp15.565 per dolar AS", "as far as 15,565 per dollar", "#15565"),
    ("inflasi 1,71 persen", "inflation of 1.71%", "#1.71"),
    ("sebanyak 2.345 warga", "2,345 people", "#2345"),
    ("Rp44,5 miliar", "44.5 billion rupiah", "#44.5"),
  ])
  func numbers(indonesian: String, english: String, anchor: String) {
    #expect(anchors(indonesian, "id").contains(anchor))
    #expect(anchors(english, "en").contains(anchor))
  }

  @Test("Dates and times meet")
  func datesAndTimes() {
    let indonesianDate = anchors("pada Rabu (25/10/2023) lalu", "id")
    let englishDate = anchors("on Wednesday, Oct 25, 2023", "en")
    #expect(indonesianDate.isSuperset(of: ["#25", "m10", "#2023"]))
    #expect(englishDate.isSuperset(of: ["#25", "m10", "#2023"]))
    #expect(anchors("gempa terjadi pukul 13.21 WIB", "id") == ["t13:21"])
    #expect(anchors("The quake struck at 1:21 p.m. local time", "en") == ["t13:21"])
  }

  @Test("Names meet through their consonant skeleton")
  func names() {
    #expect(FeatureExtractor.skeleton("rusia") == FeatureExtractor.skeleton("russia"))
    #expect(FeatureExtractor.skeleton("teheran") == FeatureExtractor.skeleton("tehran"))
    #expect(FeatureExtractor.skeleton("ukraina") == FeatureExtractor.skeleton("ukraine"))
    #expect(FeatureExtractor.skeleton("lavrov") == "lvrv")
    #expect(FeatureExtractor.skeleton("jakarta") != FeatureExtractor.skeleton("tokyo"))
  }

  @Test("A date's parts match the wire's numbers without counting as numbers")
  func dateParts() {
    #expect(NumberAnchors.isDate("20/11/2024"))
    #expect(NumberAnchors.isDate("20/11"))
    #expect(!NumberAnchors.isDate("2024"))
    #expect(!NumberAnchors.isDate("45/20/2024"))
    #expect(!NumberAnchors.isDate("15.565"))
  }

  @Test("The tokenizer keeps dotted acronyms, hyphenated words and numbers whole")
  func tokens() {
    let tokens = WordTokenizer.tokens("The U.S. envoy met Amir-Abdollahian's aide at 1:21 p.m. on 25/10/2023.")
    #expect(
      tokens.map(\.text) == ["The", "US", "envoy", "met", "Amir-Abdollahian", "aide", "at", "1:21", "p", "m", "on", "25/10/2023"])
    #expect(WordTokenizer.tokens("negara-negara ASEAN").map(\.text) == ["negara-negara", "ASEAN"])
  }
}

@Suite("Lexicon")
struct LexiconTests {
  @Test("Affixed and reduplicated Indonesian words find their entry")
  func candidates() {
    var lexicon = Lexicon()
    lexicon.add(indonesian: "bantah", english: "deny")
    lexicon.add(indonesian: "negara", english: "country")
    lexicon.add(indonesian: "kuat", english: "strong")
    #expect(lexicon.english(for: "dibantah") == ["deny"])
    #expect(lexicon.english(for: "membantah") == ["deny"])
    #expect(lexicon.english(for: "negara-negara") == ["country"])
    #expect(lexicon.english(for: "negaranya") == ["country"])
    #expect(lexicon.english(for: "menguatkan") == ["strong"])
  }

  @Test("The built-in list is loaded from the bundle")
  func builtIn() {
    #expect(Lexicon.builtIn.count > 200)
    #expect(Lexicon.builtIn.english(for: "Rabu") == ["wednesday"])
  }

  @Test("A dictd dictionary reads in the Indonesian → English direction")
  func dictd() throws {
    let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("dictd")
    let lexicon = try Lexicon(
      englishIndonesianDictd: folder.appendingPathComponent("tiny.index"),
      data: folder.appendingPathComponent("tiny.dict.dz"))
    #expect(lexicon.english(for: "rumah sakit") == ["hospital"])
    #expect(lexicon.english(for: "membantah") == ["deny"])
    #expect(lexicon.english(for: "menyangkal") == ["deny"])
    #expect(lexicon.english(for: "gempa") == ["earthquake"])
    #expect(lexicon.count == 5)
  }

  @Test("A dictd index with a bad line is refused with its line number")
  func badIndex() throws {
    let folder = TemporaryFile.folder()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let index = folder.appendingPathComponent("bad.index")
    try "hospital\tA\tBS\nbroken line\n".write(to: index, atomically: true, encoding: .utf8)
    let data = folder.appendingPathComponent("bad.dict")
    try "hospital\nrumah sakit\n".write(to: data, atomically: true, encoding: .utf8)
    #expect(throws: DictdError.badIndexLine(path: index.path, line: 2)) {
      try DictdReader.entries(index: index, data: data)
    }
  }
}
