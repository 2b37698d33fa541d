import Selaras
import SelarasDevelopment
import SelarasTestSupport
import Testing

@Suite("Placeables in fuzzy matches: scores and auto-substitution")
struct PlaceableSubstitutionTests {
  /// A stored pair and a new segment; the suggestion is what a translator would write.
  @Test(
    "Each kind of placeable is written into the stored target in the target language's convention",
    arguments: [
      // en → id: a percentage, a weekday.
      (
        "Bank Indonesia kept its benchmark rate at 6.25% on Thursday.",
        "Bank Indonesia kept its benchmark rate at 6.00% on Wednesday.",
        "Bank Indonesia mempertahankan suku bunga acuan di level 6,00 persen pada Rabu.",
        "Bank Indonesia mempertahankan suku bunga acuan di level 6,25 persen pada Kamis.", "en"
      ),
      // en → id: the wire's date (in the dateline) is the date the Indonesian lead writes.
      (
        "JAKARTA, Dec 18 (Reuters) - Bank Indonesia kept its rate unchanged on Thursday.",
        "JAKARTA, Nov 20 (Reuters) - Bank Indonesia kept its rate unchanged on Wednesday.",
        "Bisnis.com, JAKARTA – Bank Indonesia mempertahankan suku bunganya pada Rabu (20/11/2024).",
        "Bisnis.com, JAKARTA – Bank Indonesia mempertahankan suku bunganya pada Kamis (18/12/2024).", "en"
      ),
      // en → id: a date written out, a currency amount.
      (
        "The rupiah hit its weakest since Dec. 5 as Rp 3.4 trillion left bonds.",
        "The rupiah hit its weakest since Oct. 25 as Rp 1.2 trillion left bonds.",
        "Rupiah mencapai level terlemah sejak 25 Oktober karena Rp1,2 triliun keluar dari obligasi.",
        "Rupiah mencapai level terlemah sejak 5 Desember karena Rp3,4 triliun keluar dari obligasi.", "en"
      ),
      // en → id: a time of day, a thousands separator.
      (
        "The quake struck at 3:05 p.m., and 12,500 people fled.",
        "The quake struck at 1:21 p.m., and 15,565 people fled.",
        "Gempa terjadi pukul 13.21 WIB, dan 15.565 orang mengungsi.",
        "Gempa terjadi pukul 15.05 WIB, dan 12.500 orang mengungsi.", "en"
      ),
      // id → en: the same kinds the other way round.
      (
        "Gempa terjadi pukul 09.30 WIB pada Jumat (5/12/2025), dan 1.250 orang mengungsi.",
        "Gempa terjadi pukul 13.21 WIB pada Senin (21/11/2022), dan 15.565 orang mengungsi.",
        "The quake struck at 1:21 p.m. on Monday, Nov. 21, and 15,565 people fled.",
        "The quake struck at 9:30 a.m. on Friday, Dec. 5, and 1,250 people fled.", "id"
      ),
      (
        "Inflasi melambat menjadi 1,5 persen pada Oktober.",
        "Inflasi melambat menjadi 1,71 persen pada September.",
        "Inflation slowed to 1.71% in September.",
        "Inflation slowed to 1.5% in October.", "id"
      ),
      (
        "Hingga pukul 11.00 WIB, sebanyak 61 RT terendam banjir.",
        "Hingga pukul 09.00 WIB, sebanyak 57 RT terendam banjir.",
        "The agency said 57 neighbourhood units were flooded as of 9 a.m.",
        "The agency said 61 neighbourhood units were flooded as of 11 a.m.", "id"
      ),
    ] as [(String, String, String, String, String)])
  func substitution(segment: String, source: String, target: String, expected: String, language: String) {
    let (sourceLanguage, targetLanguage): (LanguageTag, LanguageTag) =
      language == "en" ? (.english, .indonesian) : (.indonesian, .english)
    let unit = TranslationUnit(
      sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, source: source, target: target)
    let score = FuzzyMatch.score(segment, source)
    #expect((FuzzyMatch.lowestWithPlaceables..<100).contains(score))
    let match = MemoryMatch(score: score, unit: unit, query: segment)
    #expect(match.target == expected)
    #expect(match.unsubstituted == nil)
    #expect(match.substituted?.isEmpty == false)
  }

  @Test("What cannot be carried is said, never silently left: a value the target does not hold, a stale date")
  func unsubstituted() {
    // The target writes the number in words: nothing to write the new value over.
    let words = MemoryMatch(
      score: 99,
      unit: TranslationUnit(
        sourceLanguage: .english, targetLanguage: .indonesian, source: "Police arrested 3 men.",
        target: "Polisi menangkap tiga pria."),
      query: "Police arrested 4 men.")
    #expect(words.target == "Polisi menangkap tiga pria.")
    #expect(words.unsubstituted == ["4"])
    // Another weekday, but no new date: the Indonesian date beside it is stale.
    let stale = MemoryMatch(
      score: 99,
      unit: TranslationUnit(
        sourceLanguage: .english, targetLanguage: .indonesian, source: "The rupiah fell on Tuesday.",
        target: "Rupiah melemah pada Selasa (19/11/2024)."),
      query: "The rupiah fell on Monday.")
    #expect(stale.target == "Rupiah melemah pada Senin (19/11/2024).")
    #expect(stale.unsubstituted == ["19/11/2024"])
  }

  @Test("Segments of thousands of tokens are substituted without a table of every token pair")
  func longSegments() {
    let words = String(repeating: "rupiah melemah terhadap dolar ", count: 800)
    let unit = TranslationUnit(
      sourceLanguage: .indonesian, targetLanguage: .english, source: words + "pada Senin.",
      target: "The rupiah weakened on Monday.")
    // The same tokens but the weekday: paired one to one.
    let same = MemoryMatch(score: 99, unit: unit, query: words + "pada Selasa.")
    #expect(same.target == "The rupiah weakened on Tuesday.")
    // A word more as well: too large to pair, so nothing is substituted (the score says it differs).
    let longer = MemoryMatch(score: 94, unit: unit, query: words + "lagi pada Selasa.")
    #expect(longer.target == unit.target)
  }

  /// The test set of ``MatchEvaluation`` over every Corpora sentence pair, both directions.
  @Test("On Corpora: placeables score 95 or more and above any word change, formatting 97 or more, substitutions right")
  func corporaTestSet() {
    let (figures, wrong) = MatchEvaluation.evaluate(MatchEvaluation.cases(Corpora.goldPairs))
    for figure in figures {
      #expect(figure.cases > 0, "\(figure.change)")
      if figure.change.isPlaceable { #expect(figure.lowest >= 95, "\(figure.change)") }
      if figure.change.isFormatting { #expect(figure.lowest >= 97, "\(figure.change)") }
      if figure.change == .word { #expect(figure.highest <= 94) }
      #expect(figure.silentlyWrong == 0, "\(figure.change)")
    }
    let placeables = figures.filter(\.change.isPlaceable)
    #expect(placeables.reduce(0) { $0 + $1.substitutions } >= 80)
    // Right but for what it says it could not carry (`Dec. 17-18`: a range, not a date).
    #expect(wrong.allSatisfy { $0.1.unsubstituted != nil })
    #expect(wrong.count <= 2, "\(wrong.prefix(3).map { ($0.0.segment, $0.1.target) })")
  }
}
