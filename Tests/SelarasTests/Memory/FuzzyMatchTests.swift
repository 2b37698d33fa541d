import Selaras
import Testing

@Suite("Fuzzy match percentages")
struct FuzzyMatchTests {
  @Test("Tokens: words lowercased, numbers whole, punctuation one by one")
  func tokens() {
    #expect(
      FuzzyMatch.tokens("“Rupiah fell 1.2%,” BI said.")
        == ["“", "rupiah", "fell", "1.2", "%", ",", "”", "bi", "said", "."])
  }

  @Test("Hand-computed cases", arguments: [
    // 8 tokens each, one substituted: 100 × (8 − 1) / 8 = 87.5 → 87
    ("The rupiah fell 1.2% on Tuesday.", "The rupiah rose 1.2% on Tuesday.", 87),
    // identical but for case: 100
    ("Bank Indonesia kept its rate.", "bank indonesia kept its rate.", 100),
    // 6 tokens against 3, three deleted: 100 × (6 − 3) / 6 = 50
    ("Inflation slowed to 1.71% .", "Inflation slowed .", 50),
    // nothing in common, 3 vs 2 tokens: distance 3 → 0
    ("Gempa guncang Cianjur", "Banjir Jakarta", 0),
    // 5 tokens against 6, one inserted: 100 × (6 − 1) / 6 = 83.3 → 83
    ("Lavrov tiba di Teheran.", "Lavrov tiba di Teheran Senin.", 83),
  ])
  func scores(first: String, second: String, expected: Int) {
    #expect(FuzzyMatch.score(first, second) == expected)
  }

  @Test("Distance counts whole-token edits")
  func distance() {
    #expect(FuzzyMatch.distance(["a", "b", "c"], ["a", "c"]) == 1)
    #expect(FuzzyMatch.distance(["a", "b", "c"], ["c", "b", "a"]) == 2)
    #expect(FuzzyMatch.distance([String](), ["x"]) == 1)
  }
}
