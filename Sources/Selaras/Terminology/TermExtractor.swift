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
  struct Oriented {
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
  struct Word {
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

  /// The English run that the Indonesian words at `range` translate to: of the runs of up
  /// to four words whose content words all translate one of them, the one where most of
  /// them find a distinct translation, then the shortest. Its function words can only be
  /// `of` (`ministry of health`), and it cannot start with a verb form (`intervening`).
  func englishRun(for range: Range<Int>, in pair: Oriented) -> Range<Int>? {
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
  func translationRun(_ translations: [String], in english: [Word]) -> Range<Int>? {
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
  func linked(indonesian words: [Word], _ index: Int, english: Word, within range: Range<Int>? = nil) -> Bool {
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

  func lowered(_ words: ArraySlice<Word>) -> String {
    words.map(\.lowered).joined(separator: " ")
  }

  /// Words as a glossary shows them: lowercase, except names' words.
  static func written(_ words: ArraySlice<Word>) -> String {
    words.map { $0.isCapitalized ? $0.text : $0.lowered }.joined(separator: " ")
  }

  /// Whether the words of `inner` occur as a run in `outer` (both space-separated).
  static func containsWords(_ outer: String, _ inner: String) -> Bool {
    " \(outer) ".contains(" \(inner) ")
  }

  func isKnown(_ indonesian: [String], _ english: [String], _ glossary: GlossaryMatcher) -> Bool {
    func entries(_ terms: [String], _ language: LanguageTag) -> Set<Int> {
      Set(
        terms.flatMap { term in
          glossary.matches(in: term, language: language).filter { $0.range == 0..<term.utf8.count }.map(\.entry)
        })
    }
    return !entries(indonesian, .indonesian).isDisjoint(with: entries(english, .english))
  }

  func unique(_ terms: [String]) -> [String] {
    var seen = Set<String>()
    return terms.filter { seen.insert($0.lowercased()).inserted }
  }
}
