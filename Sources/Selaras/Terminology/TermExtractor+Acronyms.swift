import Foundation

/// Acronyms defined in the text, with their full form and the other language's counterpart.
extension TermExtractor {
  func acronyms(_ pairs: [Oriented]) -> [TermCandidate] {
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
      let indonesianAcronyms = Set(pair.indonesianWords.map(\.text).filter { AcronymFinder.isAcronymShaped($0) })
      let englishAcronyms = Set(pair.englishWords.map(\.text).filter { AcronymFinder.isAcronymShaped($0) })
      let indonesian = AcronymFinder.definitions(in: pair.indonesian, language: .indonesian, borrowed: englishAcronyms)
      let english = AcronymFinder.definitions(in: pair.english, language: .english, borrowed: indonesianAcronyms)
      for definition in indonesian {
        // The English side's own definition when its letters spell it; a borrowed one
        // (`… Reuters Indonesia Corruption Eradication Commission (KPK)`) is only the
        // capitalized words before the bracket, so the words that translate the Indonesian
        // full form come first.
        let englishDefinition = english.first { $0.acronym == definition.acronym }
        let other =
          englishDefinition.flatMap { $0.isDerived ? $0.fullForm : nil }
          ?? counterpart(of: definition.fullForm, from: .indonesian, in: pair)
          ?? englishDefinition?.fullForm
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
  func glossaryTranslation(of phrase: String, from language: LanguageTag) -> String? {
    guard let glossary else { return nil }
    let other: LanguageTag = language == .indonesian ? .english : .indonesian
    return glossary.matches(in: phrase, language: language).lazy.filter { $0.range == 0..<phrase.utf8.count }
      .compactMap { glossary.entries[$0.entry].preferred(in: other)?.text }.first
  }

  /// The words of the other side of `pair` that `phrase` (a full form in `language`)
  /// translates to: the shortest run holding a translation of as many of its content words
  /// as any run does, each by a different word, when that is all of them (two thirds of a
  /// full form of more than three).
  func counterpart(of phrase: String, from language: LanguageTag, in pair: Oriented) -> String? {
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
  func indonesianUnits(_ words: [Word], _ range: Range<Int>) -> [[Int]] {
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
  static func matchingSize(_ covers: [Set<Int>]) -> Int {
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
}
