import Foundation

/// Proposes glossary entries from aligned pairs.
///
/// - Acronyms defined in either language (``AcronymFinder``), with the full form and the
///   other language's counterpart: the other side's definition of the same acronym, else
///   the run of words there that the full form's words translate to, whatever their order
///   (`Kementerian Luar Negeri` → `foreign ministry`), else the glossary's translation.
/// - Phrases of 1–4 content words whose words translate each other within a pair: the same
///   word (`drone kamikaze` ↔ `kamikaze drones`), a lexicon translation (Indonesian words
///   reduced by their affixes; two-word entries as one unit), or a cognate (`inflasi` ↔
///   `inflation`). Each Indonesian phrase takes the English run where every unit finds its
///   own translation, so head-first order (`Laut China Selatan` ↔ `South China Sea`) is no
///   obstacle. Candidates are ranked by Dice association over the pairs, times log support
///   and a length factor, plus a bonus for lexicalized units and cognates. Left out: verbs,
///   names at a phrase's edge, single word for single word, dates, pieces of a lexicon
///   entry's translation, and a phrase inside a longer candidate seen as often.
public struct TermExtractor: Sendable {
  public var lexicon: Lexicon
  /// Candidates seen in fewer pairs are left out.
  public var minimumCount: Int
  /// When set, candidates this glossary already has are marked ``TermCandidate/isKnown``,
  /// and an acronym whose counterpart the other side paraphrases (`his ministry` for
  /// `Kementerian Pertanian`) takes the translation the glossary gives its full form.
  public var glossary: GlossaryMatcher?

  public init(lexicon: Lexicon, minimumCount: Int = 1, glossary: GlossaryMatcher? = nil) {
    self.lexicon = lexicon
    self.minimumCount = minimumCount
    self.glossary = glossary
  }

  /// Acronym candidates first (in order of first appearance), then phrase candidates, best first.
  public func candidates(_ pairs: [AlignedPair]) -> [TermCandidate] {
    let oriented = pairs.compactMap(Oriented.init)
    return acronyms(oriented) + phrases(oriented)
  }

  /// A pair as Indonesian and English sides, tokenized.
  private struct Oriented {
    var pair: AlignedPair
    var indonesian: String
    var english: String
    var indonesianWords: [Word]
    var englishWords: [Word]

    init?(_ pair: AlignedPair) {
      guard let indonesian = pair.text(in: .indonesian), let english = pair.text(in: .english) else { return nil }
      self.pair = pair
      self.indonesian = indonesian
      self.english = english
      indonesianWords = Word.words(indonesian, language: .indonesian)
      englishWords = Word.words(english, language: .english)
    }
  }

  /// A word of a sentence: as written, lowercased, and whether it can be part of a term.
  private struct Word {
    var text: String
    var lowered: String
    var isContent: Bool
    var isNumber: Bool
    /// Capitalized away from the start of the sentence, or all capitals: a name's word.
    var isCapitalized: Bool

    static func words(_ sentence: String, language: LanguageTag) -> [Word] {
      WordTokenizer.tokens(sentence).enumerated().map { index, token in
        let lowered = token.text.lowercased()
        let isAllCapitals = token.text.count >= 2 && token.text == token.text.uppercased() && token.text != lowered
        return Word(
          text: token.text, lowered: lowered,
          // Weekdays and months are dates, not terms.
          isContent: token.kind == .word && !StopWords.contains(lowered, language: language)
            && NumberAnchors.calendarAnchor(lowered) == nil,
          isNumber: token.kind == .number, isCapitalized: token.isCapitalized && (index > 0 || isAllCapitals))
      }
    }
  }

  // MARK: Acronyms

  private func acronyms(_ pairs: [Oriented]) -> [TermCandidate] {
    struct Found {
      var acronym: String
      var indonesian: String?
      var english: String?
      var count = 0
      var example: AlignedPair
    }
    var found: [Found] = []
    func record(_ acronym: String, indonesian: String?, english: String?, _ pair: AlignedPair) {
      if let index = found.firstIndex(where: { $0.acronym == acronym }) {
        found[index].indonesian = found[index].indonesian ?? indonesian
        found[index].english = found[index].english ?? english
        found[index].count += 1
      } else {
        found.append(Found(acronym: acronym, indonesian: indonesian, english: english, count: 1, example: pair))
      }
    }
    for pair in pairs {
      let indonesianAcronyms = Set(pair.indonesianWords.map(\.text).filter(AcronymFinder.isAcronymShaped))
      let englishAcronyms = Set(pair.englishWords.map(\.text).filter(AcronymFinder.isAcronymShaped))
      let indonesian = AcronymFinder.definitions(in: pair.indonesian, language: .indonesian, borrowed: englishAcronyms)
      let english = AcronymFinder.definitions(in: pair.english, language: .english, borrowed: indonesianAcronyms)
      for definition in indonesian {
        let other = english.first { $0.acronym == definition.acronym }?.fullForm
          ?? counterpart(of: definition.fullForm, from: .indonesian, in: pair)
          ?? glossaryTranslation(of: definition.fullForm, from: .indonesian)
        record(definition.acronym, indonesian: definition.fullForm, english: other, pair.pair)
      }
      for definition in english where !indonesian.contains(where: { $0.acronym == definition.acronym }) {
        record(
          definition.acronym,
          indonesian: counterpart(of: definition.fullForm, from: .english, in: pair)
            ?? glossaryTranslation(of: definition.fullForm, from: .english),
          english: definition.fullForm, pair.pair)
      }
    }
    return found.filter { $0.count >= minimumCount }.compactMap { item in
      // The full form first (the preferred term once accepted), then the acronym; an
      // all-capitals acronym serves English text too (`WHO`, `BNPB` in Reuters copy).
      var indonesian = (item.indonesian.map { [$0] } ?? []) + [item.acronym]
      var english = item.english.map { [$0] } ?? []
      if item.acronym.uppercased() == item.acronym { english.append(item.acronym) }
      indonesian = unique(indonesian)
      english = unique(english)
      return TermCandidate(
        kind: .acronym, indonesian: indonesian, english: english, count: item.count, score: Double(item.count),
        example: item.example, isKnown: glossary.map { isKnown(indonesian, english, $0) } ?? false)
    }
  }

  /// The other language's preferred term for `phrase`, when the glossary has the whole
  /// phrase as a term.
  private func glossaryTranslation(of phrase: String, from language: LanguageTag) -> String? {
    guard let glossary else { return nil }
    let other: LanguageTag = language == .indonesian ? .english : .indonesian
    return glossary.matches(in: phrase, language: language).lazy.filter { $0.range == 0..<phrase.utf8.count }
      .compactMap { glossary.entries[$0.entry].preferred(in: other)?.text }.first
  }

  /// The words of the other side of `pair` that `phrase` (a full form in `language`)
  /// translates to: the shortest run holding a translation of as many of its content words
  /// as any run does, each by a different word, when that is all of them (two thirds of a
  /// full form of more than three).
  private func counterpart(of phrase: String, from language: LanguageTag, in pair: Oriented) -> String? {
    let phraseWords = Word.words(phrase, language: language).filter(\.isContent)
    let other = language == .indonesian ? pair.englishWords : pair.indonesianWords
    guard !phraseWords.isEmpty else { return nil }
    if language == .indonesian, phraseWords.count > 1,
      let translations = lexicon.translations[phraseWords.map(\.lowered).joined(separator: " ")]
    {
      // A full form the lexicon has (`Kementerian Pertanian`) needs one of its translations.
      return translationRun(translations, in: other).map { Self.written(other[$0]) }
    }
    // The phrase in units: an Indonesian two-word lexicon entry (`luar negeri`) is one.
    let units = language == .indonesian ? indonesianUnits(phraseWords, phraseWords.indices) : phraseWords.indices.map { [$0] }
    // For each word of the other side, which of the phrase's units it translates.
    let covers: [Set<Int>] = other.map { word in
      guard word.isContent else { return [] }
      return Set(
        units.indices.filter { unit in
          units[unit].contains { index in
            language == .indonesian
              ? linked(indonesian: phraseWords, index, english: word)
              : linked(indonesian: [word], 0, english: phraseWords[index])
          }
        })
    }
    // The run where the most units have a word of their own, then with the most words
    // that translate the phrase (`health ministry` over `health` for the one unit
    // `Kementerian Kesehatan`), then the shortest.
    var best: (covered: Int, words: Int, range: Range<Int>)?
    for start in other.indices where !covers[start].isEmpty {
      var words = 0
      for end in start..<min(other.count, start + 2 * units.count + 2) {
        // The run holds no word that translates nothing of the phrase.
        if other[end].isContent && covers[end].isEmpty { break }
        guard !covers[end].isEmpty else { continue }
        words += 1
        let covered = Self.matchingSize(Array(covers[start...end]))
        if best == nil || (covered, words) > (best!.covered, best!.words)
          || (covered, words) == (best!.covered, best!.words) && end + 1 - start < best!.range.count
        {
          best = (covered, words, start..<(end + 1))
        }
      }
    }
    // All of a short full form: `ministry` alone is no counterpart for `Kementerian
    // Pertanian`. Half of a long one, its head (the first unit) included, as translators
    // shorten long names (`Balai Konservasi Sumber Daya Alam` → `conservation agency`).
    guard let best else { return nil }
    let coversHead = best.range.contains { covers[$0].contains(0) }
    guard best.covered == units.count || units.count > 3 && coversHead && best.covered * 2 >= units.count
    else { return nil }
    return Self.written(other[best.range])
  }

  /// Indonesian words in units: each word, or two that the lexicon has as one entry
  /// (`bea cukai`, `luar negeri`).
  private func indonesianUnits(_ words: [Word], _ range: Range<Int>) -> [[Int]] {
    var units: [[Int]] = []
    var index = range.lowerBound
    while index < range.upperBound {
      if index + 1 < range.upperBound, lexicon.translations[words[index].lowered + " " + words[index + 1].lowered] != nil {
        units.append([index, index + 1])
        index += 2
      } else {
        units.append([index])
        index += 1
      }
    }
    return units
  }

  /// The most pairs of (run word, phrase word) with no word used twice, each run word
  /// paired only with a phrase word it translates (a bipartite matching, by augmenting
  /// paths; runs are short).
  private static func matchingSize(_ covers: [Set<Int>]) -> Int {
    var owner: [Int: Int] = [:]
    func augment(_ word: Int, _ visited: inout Set<Int>) -> Bool {
      for target in covers[word] where visited.insert(target).inserted {
        if owner[target] == nil || augment(owner[target]!, &visited) {
          owner[target] = word
          return true
        }
      }
      return false
    }
    var size = 0
    for word in covers.indices {
      var visited = Set<Int>()
      if augment(word, &visited) { size += 1 }
    }
    return size
  }

  // MARK: Phrases

  private struct PhraseKey: Hashable {
    var indonesian: String
    var english: String
  }

  private func phrases(_ pairs: [Oriented]) -> [TermCandidate] {
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
  private static func hasNameAtEdge(_ words: ArraySlice<Word>) -> Bool {
    guard let first = words.first, let last = words.last else { return false }
    return first.isCapitalized || last.isCapitalized
  }

  /// Whether an Indonesian word is a verb by its prefix (`meminta`, `dijatuhkan`,
  /// `berharap`, `terbukti`): the prefix comes off to a word the lexicon knows. Verbs name
  /// actions, which glossaries leave to the translator.
  private func isVerb(_ word: Word) -> Bool {
    if Self.indonesianVerbs.contains(word.lowered) { return true }
    let verbal = ["me", "di", "ber", "ter"]
    guard word.lowered.count > 4, verbal.contains(where: word.lowered.hasPrefix) else { return false }
    return Self.morphology.reductions(of: word.lowered).dropFirst().contains { reduced in
      reduced.count >= 3 && lexicon.translations[reduced] != nil
    }
  }

  private static let morphology = IndonesianMorphology()

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
  private func termhood(_ key: PhraseKey) -> Double {
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
  private func ngrams(_ words: [Word]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    for start in words.indices where words[start].isContent {
      for end in start..<min(words.count, start + 4) {
        guard words[end].isContent else { break }
        result.append(start..<(end + 1))
      }
    }
    return result
  }

  /// The English run that the Indonesian words at `range` translate to: of the runs of up
  /// to four words whose content words all translate one of them, the one where most of
  /// them find a distinct translation, then the shortest. Its function words can only be
  /// `of` (`ministry of health`), and it cannot start with a verb form (`intervening`).
  private func englishRun(for range: Range<Int>, in pair: Oriented) -> Range<Int>? {
    let indonesian = pair.indonesianWords
    let english = pair.englishWords
    if range.count > 1, let translations = lexicon.translations[range.map { indonesian[$0].lowered }.joined(separator: " ")] {
      // A phrase the lexicon has as a unit (`nilai tukar`) pairs with one of its
      // translations (`exchange rate`) where the English side has one, never a piece of it.
      return translationRun(translations, in: english)
    }
    // The Indonesian side in units: words, with two that the lexicon has as one entry
    // (`bea cukai`, `ulang tahun`) taken together.
    let units = indonesianUnits(indonesian, range)
    // For each English word, the Indonesian units of the range it translates.
    let covers: [Set<Int>] = english.map { word in
      Set(units.indices.filter { unit in units[unit].contains { linked(indonesian: indonesian, $0, english: word, within: range) } })
    }
    var best: (covered: Int, range: Range<Int>)?
    for start in english.indices where !covers[start].isEmpty {
      for end in start..<min(english.count, start + 4) {
        let word = english[end]
        if !word.isContent && word.lowered != "of" { break }
        guard word.isContent else { continue }
        guard !covers[end].isEmpty else { break }
        let covered = Self.matchingSize(Array(covers[start...end]))
        if best == nil || covered > best!.covered || covered == best!.covered && end + 1 - start < best!.range.count {
          best = (covered, start..<(end + 1))
        }
      }
    }
    // Every Indonesian unit has its own translation in the run (and every English word of
    // the run translates a unit, or the loop above left it out).
    guard let best, best.covered == units.count else { return nil }
    let englishContent = best.range.filter { english[$0].isContent }
    let first = english[best.range.lowerBound].lowered
    if best.range.count > 1 && (first.hasSuffix("ing") || first.hasSuffix("ed")) { return nil }
    if best.range.contains(where: { Self.englishVerbs.contains(english[$0].lowered) }) { return nil }
    // A single word for a single word is everyday vocabulary (`militer` ↔ `military`), which
    // the lexicon has or should have, rather than a glossary term.
    if range.count == 1 && englishContent.count == 1 { return nil }
    return best.range
  }

  /// The run of `english` that is one of `translations` word for word (by stems, function
  /// words aside), the longest when several are there; nil when none is.
  private func translationRun(_ translations: [String], in english: [Word]) -> Range<Int>? {
    var best: Range<Int>?
    for translation in translations {
      let stems = translation.split(separator: " ").map(String.init)
        .filter { !StopWords.contains($0, language: .english) }.map(FeatureExtractor.englishStem)
      guard !stems.isEmpty, stems.count <= english.count else { continue }
      for start in english.indices where english[start].isContent {
        var matched = 0
        var end = start
        while end < english.count, matched < stems.count {
          if english[end].isContent {
            guard FeatureExtractor.englishStem(english[end].lowered) == stems[matched] else { break }
            matched += 1
          } else if english[end].lowered != "of" {
            break
          }
          end += 1
        }
        if matched == stems.count, best == nil || end - start > best!.count { best = start..<end }
      }
    }
    return best
  }

  /// Whether the Indonesian word at `index` (with the word after it, for two-word lexicon
  /// entries) and an English word translate each other.
  private func linked(indonesian words: [Word], _ index: Int, english: Word, within range: Range<Int>? = nil) -> Bool {
    let range = range ?? words.indices
    let word = words[index]
    guard word.isContent, english.isContent else { return false }
    if word.lowered == english.lowered { return word.lowered.count >= 2 }
    let stem = FeatureExtractor.englishStem(english.lowered)
    var translations = lexicon.english(for: word.lowered)
    if index + 1 < range.upperBound, let phrase = lexicon.translations[word.lowered + " " + words[index + 1].lowered] {
      translations += phrase
    }
    if index > range.lowerBound, let phrase = lexicon.translations[words[index - 1].lowered + " " + word.lowered] {
      translations += phrase
    }
    for translation in translations {
      for part in translation.split(separator: " ") where FeatureExtractor.englishStem(String(part)) == stem {
        return true
      }
    }
    return Self.areCognates(word.lowered, english.lowered)
  }

  /// Loanwords spelled the Indonesian way: `inflasi` ~ `inflation`, `kamikaze` ~ `kamikaze`,
  /// `teheran` ~ `tehran`, `nuklir` ~ `nuclear`. Five shared first letters (with `k` read
  /// as `c`) that make most of the shorter word
  /// (not `intervensi` ~ `interest`), or the same consonant skeleton, for words of five
  /// letters or more.
  static func areCognates(_ indonesian: String, _ english: String) -> Bool {
    guard indonesian.count >= 5, english.count >= 5 else { return false }
    // Indonesian spells English `c` as `k` (`nuklir` ~ `nuclear`, `konservasi` ~ `conservation`).
    let indonesian = indonesian.replacingOccurrences(of: "k", with: "c")
    let english = english.replacingOccurrences(of: "k", with: "c")
    let shared = zip(indonesian, english).prefix(while: { $0 == $1 }).count
    if shared >= 5 && Double(shared) >= 0.7 * Double(min(indonesian.count, english.count)) { return true }
    return FeatureExtractor.skeleton(indonesian) == FeatureExtractor.skeleton(english)
  }

  private func lowered(_ words: ArraySlice<Word>) -> String {
    words.map(\.lowered).joined(separator: " ")
  }

  /// Words as a glossary shows them: lowercase, except names' words.
  private static func written(_ words: ArraySlice<Word>) -> String {
    words.map { $0.isCapitalized ? $0.text : $0.lowered }.joined(separator: " ")
  }

  /// Whether the words of `inner` occur as a run in `outer` (both space-separated).
  private static func containsWords(_ outer: String, _ inner: String) -> Bool {
    " \(outer) ".contains(" \(inner) ")
  }

  private func isKnown(_ indonesian: [String], _ english: [String], _ glossary: GlossaryMatcher) -> Bool {
    func entries(_ terms: [String], _ language: LanguageTag) -> Set<Int> {
      Set(
        terms.flatMap { term in
          glossary.matches(in: term, language: language).filter { $0.range == 0..<term.utf8.count }.map(\.entry)
        })
    }
    return !entries(indonesian, .indonesian).isDisjoint(with: entries(english, .english))
  }

  private func unique(_ terms: [String]) -> [String] {
    var seen = Set<String>()
    return terms.filter { seen.insert($0.lowercased()).inserted }
  }
}
