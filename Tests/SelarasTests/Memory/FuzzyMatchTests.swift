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

  @Test(
    "Hand-computed cases",
    arguments: [
      // 7 tokens each (the final stop is not one), a word substituted: 100 × (7 − 1) / 7 = 85.7 → 85
      ("The rupiah fell 1.2% on Tuesday.", "The rupiah rose 1.2% on Tuesday.", 85),
      // the same words and numbers, but for case: 1 point
      ("Bank Indonesia kept its rate.", "bank indonesia kept its rate.", 99),
      // 5 tokens against 2, three deleted: 100 × (5 − 3) / 5 = 40
      ("Inflation slowed to 1.71% .", "Inflation slowed .", 40),
      // nothing in common, 3 vs 2 tokens: distance 3 → 0
      ("Gempa guncang Cianjur", "Banjir Jakarta", 0),
      // 4 tokens against 5, one inserted: 100 × (5 − 1) / 5 = 80
      ("Lavrov tiba di Teheran.", "Lavrov tiba di Teheran Senin.", 80),
      // two placeables differ: 2 points
      ("The rupiah fell 1.2% on Tuesday.", "The rupiah fell 0.8% on Wednesday.", 98),
      // six placeables differ: never below 95
      ("On 1 May 2, 3 and 4 June 5 6", "On 7 May 8, 9 and 10 June 11 12", 95),
      // 40 tokens, one word changed: 97.5 by Levenshtein, capped at 94
      (String(repeating: "kata ", count: 39) + "akhir", String(repeating: "kata ", count: 39) + "lain", 94),
      // a comma missing of 8 tokens: punctuation only, not capped: 100 × 7 / 8 = 87
      ("Prices rose, the agency said on Monday", "Prices rose the agency said on Monday", 87),
      // curly quotes, an en dash and no final stop against straight ones, a hyphen and a stop: 3 points
      ("“Rates stay” – BI", "\"Rates stay\" - BI.", 97),
      // four kinds of formatting (and two spaces): 3 points at most
      ("“Rates stay” – BI", "\"rates  stay\" - BI.", 97),
      // another dateline, the same lead: 100
      ("JAKARTA, Dec 18 (Reuters) - BI held rates.", "Bisnis.com, JAKARTA – BI held rates.", 100),
      // a name before a dash is no dateline
      ("Prabowo - who won - spoke.", "Jokowi - who won - spoke.", 83),
    ])
  func scores(first: String, second: String, expected: Int) {
    #expect(FuzzyMatch.score(first, second) == expected)
  }

  @Test("Tokens as the memory compares them: placeables, quotes and dashes by kind, no final stop or dateline")
  func matchTokens() {
    let first = MatchText("JAKARTA, Nov 20 (Reuters) - “Rupiah fell 1.2% on Tuesday,” BI said -- in Jakarta.")
    let second = MatchText("\"Rupiah fell 15,565% on Friday,\" BI said – in Jakarta")
    #expect(first.keys == second.keys)
    #expect(first.count == 14)
    #expect(first.placeableKeys.count == 2)
    // The index holds placeables by kind and as written, so that a unit holding the query's number comes first.
    #expect(first.placeableKeys != second.placeableKeys)
    #expect(SegmentKeys("Rupiah fell 1.2%").words.count == 4)
    // Placeables are indexed by kind and occurrence: "a first number", "a second number".
    let two = MatchText("From 1.2% to 1.5%").indexKeys
    #expect(two[1] != two[4] && MatchText("To 1.5%").indexKeys[1] == two[1])
    // A number joined to letters is a name, unless to a currency or a unit.
    #expect(MatchText("G20").placeableKeys.isEmpty)
    #expect(MatchText("Rp1,2 triliun dan 10km").placeableKeys.count == 2)
    #expect(MatchText("1 dan 1").placeableKeys.count == 2)
  }

  @Test(
    "The index keys of a segment are what its SegmentKeys hold, non-ASCII text included",
    arguments: [
      "“Rupiah fell 1.2%,” BI said.",
      "Kemenlu Rusia menyatakan Lavrov tiba di Teheran — pukul 13.21 WIB.",
      "Café «Jalan» U.S. dan AS: 6,00 persen\u{00A0}naik; ¿qué?",
      "",
    ])
  func segmentKeys(text: String) {
    let match = MatchText(text)
    let keys = SegmentKeys(text)
    #expect(keys.tokenCount == match.count)
    #expect(Set(keys.words + keys.punctuation) == Set(match.indexKeys + match.placeableKeys))
    #expect(keys.words.count + keys.punctuation.count == Set(match.indexKeys + match.placeableKeys).count)
    #expect(Set(keys.words).isDisjoint(with: keys.punctuation))
    #expect(SegmentKeys.tokenHashes(text) == match.indexKeys)
    // Case never changes a key, only the written form.
    #expect(MatchText(text.uppercased()).keys == match.keys)
  }

  @Test("Distance counts whole-token edits")
  func distance() {
    #expect(FuzzyMatch.distance(["a", "b", "c"], ["a", "c"]) == 1)
    #expect(FuzzyMatch.distance(["a", "b", "c"], ["c", "b", "a"]) == 2)
    #expect(FuzzyMatch.distance([String](), ["x"]) == 1)
  }
}
