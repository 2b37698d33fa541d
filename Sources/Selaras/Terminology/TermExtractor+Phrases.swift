import Foundation

/// Phrases whose words translate each other within a pair, ranked by association.
extension TermExtractor {
  struct PhraseKey: Hashable {
    var indonesian: String
    var english: String
  }

  func phrases(_ pairs: [Oriented]) -> [TermCandidate] {
    var counts: [PhraseKey: (count: Int, example: AlignedPair, indonesian: String, english: String)] = [:]
    var indonesianCounts: [String: Int] = [:]
    var englishCounts: [String: Int] = [:]
    for pair in pairs {
      for gram in Set(ngrams(pair.indonesianWords).map { lowered(pair.indonesianWords[$0]) }) {
        indonesianCounts[gram, default: 0] += 1
      }
      for gram in Set(ngrams(pair.englishWords).map { lowered(pair.englishWords[$0]) }) {
        englishCounts[gram, default: 0] += 1
      }
      var seen = Set<PhraseKey>()
      for range in ngrams(pair.indonesianWords)
      where !range.contains(where: { isVerb(pair.indonesianWords[$0]) }) {
        guard let english = englishRun(for: range, in: pair),
          !Self.hasNameAtEdge(pair.indonesianWords[range]), !Self.hasNameAtEdge(pair.englishWords[english])
        else { continue }
        let key = PhraseKey(indonesian: lowered(pair.indonesianWords[range]), english: lowered(pair.englishWords[english]))
        guard key.indonesian != key.english, seen.insert(key).inserted else { continue }
        let written = (Self.written(pair.indonesianWords[range]), Self.written(pair.englishWords[english]))
        if let existing = counts[key] {
          counts[key] = (existing.count + 1, existing.example, existing.indonesian, existing.english)
        } else {
          counts[key] = (1, pair.pair, written.0, written.1)
        }
      }
    }
    var candidates: [(key: PhraseKey, candidate: TermCandidate)] = counts.compactMap { key, value in
      guard value.count >= minimumCount else { return nil }
      let indonesianWords = key.indonesian.split(separator: " ").count
      let englishWords = key.english.split(separator: " ").count
      let dice =
        2 * Double(value.count) / Double(indonesianCounts[key.indonesian, default: 1] + englishCounts[key.english, default: 1])
      // Two- and three-word terms are the most common kind; single words are often plain
      // vocabulary and long runs often clauses.
      let words = indonesianWords + englishWords
      let length = words == 2 ? 1.0 : words <= 6 ? 1.5 : 1.2
      let score = dice * log2(1 + Double(value.count)) * length + termhood(key)
      return (
        key,
        TermCandidate(
          kind: .phrase, indonesian: [value.indonesian], english: [value.english],
          count: value.count, score: score, example: value.example)
      )
    }
    // A phrase inside a longer candidate seen at least as often is a piece of it.
    candidates = candidates.filter { item in
      !candidates.contains { other in
        other.key != item.key && other.candidate.count >= item.candidate.count
          && Self.containsWords(other.key.indonesian, item.key.indonesian)
          && Self.containsWords(other.key.english, item.key.english)
      }
    }
    if let glossary {
      for index in candidates.indices {
        candidates[index].candidate.isKnown = isKnown(
          candidates[index].candidate.indonesian, candidates[index].candidate.english, glossary)
      }
    }
    return candidates.map(\.candidate).sorted {
      $0.score > $1.score || $0.score == $1.score && ($0.indonesian[0], $0.english[0]) < ($1.indonesian[0], $1.english[0])
    }
  }

  /// Whether a run starts or ends with a name's word (`Presiden Joko Widodo`): a title and
  /// a name are no glossary term, while a name inside one is (`Laut China Selatan`).
  static func hasNameAtEdge(_ words: ArraySlice<Word>) -> Bool {
    guard let first = words.first, let last = words.last else { return false }
    return first.isCapitalized || last.isCapitalized
  }

  /// Whether an Indonesian word is a verb by its prefix (`meminta`, `dijatuhkan`,
  /// `berharap`, `terbukti`): the prefix comes off to a word the lexicon knows. Verbs name
  /// actions, which glossaries leave to the translator.
  func isVerb(_ word: Word) -> Bool {
    if Self.indonesianVerbs.contains(word.lowered) { return true }
    let verbal = ["me", "di", "ber", "ter"]
    guard word.lowered.count > 4, verbal.contains(where: word.lowered.hasPrefix) else { return false }
    return Self.morphology.reductions(of: word.lowered).dropFirst().contains { reduced in
      reduced.count >= 3 && lexicon.translations[reduced] != nil
    }
  }

  static let morphology = IndonesianMorphology(stripsDerivation: true)

  /// Common verbs without a prefix, which the prefix test cannot see.
  static let indonesianVerbs: Set<String> = [
    "naik", "turun", "tiba", "pergi", "datang", "kalah", "menang", "tewas", "hilang", "ikut", "masuk", "keluar",
    "pulang", "tinggal", "jatuh", "lari", "mau", "ingin", "tahu", "lihat", "minta", "pakai", "buat", "beri",
    "kembali", "mulai", "selesai", "tetap", "hadir", "lolos", "gagal", "dukung", "terus",
  ]

  /// English verb forms that end a clause rather than a term (`tickets cost`).
  static let englishVerbs: Set<String> = [
    "cost", "costs", "rose", "fell", "rise", "rises", "fall", "falls", "said", "says", "told", "won", "lost", "beat",
    "hit", "killed", "left", "made", "took", "gave", "came", "went", "got", "saw", "fled", "held", "kept", "met",
  ]

  /// A bonus for signs that a phrase is a term and not a passing combination of words:
  /// the lexicon has it as a unit (`rumah sakit`, `konferensi pers`), or a word is shared
  /// with English or borrowed from it (`drone`, `inflasi`).
  func termhood(_ key: PhraseKey) -> Double {
    var bonus = 0.0
    if key.indonesian.contains(" "), lexicon.translations[key.indonesian] != nil { bonus += 1 }
    let english = key.english.split(separator: " ").map(String.init)
    if key.indonesian.split(separator: " ").contains(where: { word in
      english.contains { $0 == word || Self.areCognates(String(word), $0) }
    }) {
      bonus += 0.5
    }
    return bonus
  }

  /// The ranges of 1–4 words that may be a term: content words only, no number.
  func ngrams(_ words: [Word]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    for start in words.indices where words[start].isContent {
      for end in start..<min(words.count, start + 4) {
        guard words[end].isContent else { break }
        result.append(start..<(end + 1))
      }
    }
    return result
  }
}
