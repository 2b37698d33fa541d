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

  @Test("The memory's token hashes and index keys agree with the tokens, non-ASCII text included", arguments: [
    "“Rupiah fell 1.2%,” BI said.",
    "Kemenlu Rusia menyatakan Lavrov tiba di Teheran — pukul 13.21 WIB.",
    "Café «Jalan» U.S. dan AS: 6,00 persen\u{00A0}naik; ¿qué?",
    "",
  ])
  func hashes(text: String) {
    let tokens = FuzzyMatch.tokens(text)
    let hashes = SegmentKeys.tokenHashes(text)
    #expect(hashes.count == tokens.count)
    // Equal tokens hash equally and unequal ones differently, position by position.
    for i in tokens.indices {
      for j in tokens.indices {
        #expect((tokens[i] == tokens[j]) == (hashes[i] == hashes[j]))
      }
    }
    let keys = SegmentKeys(text)
    #expect(keys.tokenCount == tokens.count)
    let words = tokens.filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
    #expect(keys.words == words.reduce(into: [UInt64]()) { result, word in
      let hash = SegmentKeys.hash(ofToken: word)
      if !result.contains(hash) { result.append(hash) }
    })
    // The punctuation keys are the other tokens' hashes, each once.
    let marks = tokens.indices.filter { !words.contains(tokens[$0]) }.map { hashes[$0] }
    #expect(keys.punctuation == marks.reduce(into: [UInt64]()) { result, hash in
      if !result.contains(hash) { result.append(hash) }
    })
    #expect(Set(keys.words).isDisjoint(with: keys.punctuation))
    #expect(FuzzyMatch.score(hashes, SegmentKeys.tokenHashes(text.uppercased())) == FuzzyMatch.score(text, text.uppercased()))
  }

  @Test("Distance counts whole-token edits")
  func distance() {
    #expect(FuzzyMatch.distance(["a", "b", "c"], ["a", "c"]) == 1)
    #expect(FuzzyMatch.distance(["a", "b", "c"], ["c", "b", "a"]) == 2)
    #expect(FuzzyMatch.distance([String](), ["x"]) == 1)
  }
}
