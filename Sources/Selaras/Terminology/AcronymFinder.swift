/// An acronym defined in a sentence: `Badan Nasional Penanggulangan Bencana (BNPB)`.
public struct AcronymDefinition: Hashable, Sendable {
  public var acronym: String
  /// The words the acronym stands for, as written.
  public var fullForm: String
  public var language: LanguageTag
  /// Whether the acronym's letters come from its full form (`BNPB`, `Kemenlu`, `WHO`), as
  /// opposed to an acronym kept from the other language (`Organisasi Kesehatan Dunia (WHO)`).
  public var isDerived: Bool
}

/// Finds acronym definitions, `Full Form (ACR)` and `ACR (Full Form)`, in either language.
///
/// An acronym is a word in brackets of 2–10 letters, with a capital first and at least one
/// more capital, or a capitalized word such as `Kemenlu` (Indonesian syllabic acronyms). Its
/// full form is the shortest run of words before the bracket whose beginnings spell it:
/// each letter group of the acronym begins a word, in order (`Kemen`·`lu` in `Kementerian
/// Luar Negeri`, `Ti`·`pi`·`kor` in `Tindak Pidana Korupsi`); function words (`of`, `dan`)
/// and one trailing word may be passed over, and an Indonesian word may give its group after
/// a `ke-`, `pe-` or `per-` (`Pol` of `Kepolisian`, `tan` of `Pertanian`). Hyphenated names
/// count as their parts (`Jakarta-Bandung` gives `J` and `B`). A bracketed word that spells nothing before it is
/// taken only when `borrowed` lists it (the same acronym in the other language's sentence);
/// its full form is then the capitalized words before it.
public enum AcronymFinder {
  public static func definitions(in sentence: String, language: LanguageTag, borrowed: Set<String> = [])
    -> [AcronymDefinition]
  {
    var result: [AcronymDefinition] = []
    for bracket in brackets(sentence) {
      let inside = bracket.inside
      guard isAcronymShaped(inside, language: language) else {
        // `ACR (Full Form)`: the word before the bracket is the acronym.
        if let acronym = bracket.before.last, isAcronymShaped(acronym),
          let full = fullForm(of: acronym, in: Self.words(inside), language: language, anchoredAtStart: true)
        {
          result.append(AcronymDefinition(acronym: acronym, fullForm: full, language: language, isDerived: true))
        }
        continue
      }
      let before = bracket.before
      if let full = fullForm(of: inside, in: before, language: language, anchoredAtStart: false) {
        result.append(AcronymDefinition(acronym: inside, fullForm: full, language: language, isDerived: true))
      } else if borrowed.contains(inside), let full = capitalizedRun(before, language: language) {
        result.append(AcronymDefinition(acronym: inside, fullForm: full, language: language, isDerived: false))
      }
    }
    return result
  }

  /// Whether a word looks like an acronym: 2–10 letters, a capital first, and more capitals
  /// or the shape of a syllabic acronym (`Kemenlu`, `Tipikor`, not `Waspada` — which
  /// the full-form test rejects anyway when nothing before it spells it).
  static func isAcronymShaped(_ word: String, language: LanguageTag = .english) -> Bool {
    let letters = Array(word)
    guard (2...10).contains(letters.count), letters.allSatisfy(\.isLetter) else { return false }
    // Indonesian writes some acronyms in lower case (`pemilu`, `balita`, `pinjol`); their
    // full form must then spell them as any other.
    return letters[0].isUppercase || language == .indonesian && (4...8).contains(letters.count)
  }

  /// A bracketed span of a sentence: its text, and the words before it (up to 12).
  private struct Bracket {
    var inside: String
    var before: [String]
  }

  private static func brackets(_ sentence: String) -> [Bracket] {
    var result: [Bracket] = []
    var searchStart = sentence.startIndex
    while let open = sentence[searchStart...].firstIndex(of: "("),
      let close = sentence[open...].firstIndex(of: ")")
    {
      let inside = sentence[sentence.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
      let before = Self.words(String(sentence[..<open])).suffix(12)
      // Commas inside a full form (`Meteorologi, Klimatologi, dan Geofisika`) are fine;
      // a full stop or a semicolon ends it.
      let clause = sentence[..<open].split(whereSeparator: { ".;:!?–—".contains($0) }).last.map(String.init) ?? ""
      let clauseWords = Self.words(clause).count
      result.append(Bracket(inside: inside, before: Array(before.suffix(clauseWords))))
      searchStart = sentence.index(after: close)
    }
    return result
  }

  /// The words of a text, hyphenated ones split with the hyphen kept on the part before
  /// (`Jakarta-`, `Bandung`), so that joining them with spaces and closing up after a
  /// hyphen gives the text back.
  private static func words(_ text: String) -> [String] {
    WordTokenizer.tokens(text).flatMap { token -> [String] in
      let parts = token.text.split(separator: "-").map(String.init)
      return parts.enumerated().map { $0.offset < parts.count - 1 ? $0.element + "-" : $0.element }
    }
  }

  private static func joined(_ words: [String]) -> String {
    words.reduce("") { text, word in text.isEmpty || text.hasSuffix("-") ? text + word : text + " " + word }
  }

  /// The shortest run of `words` (ending at the last, or starting at the first when
  /// `anchoredAtStart`) that spells `acronym`, joined with spaces; nil when none does.
  static func fullForm(of acronym: String, in words: [String], language: LanguageTag, anchoredAtStart: Bool) -> String? {
    let letters = Array(acronym.lowercased())
    guard !words.isEmpty else { return nil }
    // A full form is two words at least: a word in brackets after one word is a name or a
    // gloss (`Pertalite (Pertalite)`, `Bandaneira (lagu)`), not a definition.
    guard words.count >= 2 else { return nil }
    if anchoredAtStart {
      for end in 2...min(words.count, 12) {
        let run = Array(words[0..<end])
        if spells(letters, run, language: language, mustUseLast: true) { return joined(run) }
      }
      return nil
    }
    for start in stride(from: words.count - 2, through: max(0, words.count - 12), by: -1) {
      let run = Array(words[start...])
      if spells(letters, run, language: language, mustUseLast: false) { return joined(run) }
    }
    return nil
  }

  /// Whether `letters` are groups of word beginnings of `words`, the first group from the
  /// first word; words after the last group may be passed over unless `mustUseLast`.
  private static func spells(_ letters: [Character], _ words: [String], language: LanguageTag, mustUseLast: Bool) -> Bool {
    let folded = words.map { Array($0.lowercased().filter(\.isLetter)) }
    // Memoized search over (letter position, word position).
    var failed = Set<Int>()
    func search(_ letter: Int, _ word: Int, first: Bool) -> Bool {
      if letter == letters.count {
        return mustUseLast ? word == words.count : words.count - word <= 1
      }
      guard word < words.count else { return false }
      let key = letter * 64 + word
      if !first && failed.contains(key) { return false }
      for start in starts(folded[word], language: language) {
        var length = 0
        while start + length < folded[word].count, letter + length < letters.count,
          folded[word][start + length] == letters[letter + length]
        {
          length += 1
          if search(letter + length, word + 1, first: false) { return true }
        }
      }
      // Indonesian acronyms also take letters from inside words, in order: `Ru`·`tan` of
      // `Rumah Tahanan` (t-a-n of tahanan), `Sat`·`gas` of `Satuan Tugas` (the syllable
      // `gas`), `Pe`·`f`·`indo` of `Pemeringkat Efek Indonesia`. A group starts at the
      // word's first letter and takes later letters in order, or is a syllable inside the
      // word (a consonant after a vowel, onwards); the first word's group starts at its
      // first letter, as in Schwartz and Hearst's definitions.
      if language == .indonesian {
        for length in innerGroups(folded[word], letters[letter...], first: first) {
          if search(letter + length, word + 1, first: false) { return true }
        }
      }
      // A function word may be passed over, but never the first word.
      if !first && isFunctionWord(words[word], language) {
        if search(letter, word + 1, first: false) { return true }
      }
      failed.insert(key)
      return false
    }
    return search(0, 0, first: true)
  }

  /// The lengths of the letter groups, beyond word beginnings, that `word` can give to the
  /// start of `letters`: the word's first letter followed by later letters in order (up to
  /// four letters), and a run of the word from a syllable onset inside it (not for the first
  /// word of a full form).
  private static func innerGroups(_ word: [Character], _ letters: ArraySlice<Character>, first: Bool) -> [Int] {
    guard let head = letters.first, let initial = word.first else { return [] }
    var lengths: [Int] = []
    if initial == head {
      // The first letter, then each next letter of the acronym found further on in order.
      var position = 1
      var length = 1
      for letter in letters.dropFirst().prefix(3) {
        guard let found = word[position...].firstIndex(of: letter) else { break }
        position = found + 1
        length += 1
        lengths.append(length)
      }
    }
    if !first {
      for onset in 1..<max(1, word.count - 1) where !isVowel(word[onset]) && isVowel(word[onset - 1]) && word[onset] == head {
        var length = 0
        while onset + length < word.count, letters.startIndex + length < letters.endIndex,
          word[onset + length] == letters[letters.startIndex + length]
        {
          length += 1
        }
        if length > 0 { lengths.append(length) }
      }
    }
    return lengths.sorted(by: >)
  }

  private static func isVowel(_ letter: Character) -> Bool {
    "aeiou".contains(letter)
  }

  /// Where a word's letter group may start: its beginning, and for Indonesian after a
  /// `ke`/`pe` prefix (`Kepolisian` → `pol`).
  private static func starts(_ word: [Character], language: LanguageTag) -> [Int] {
    guard language == .indonesian, word.count > 4 else { return [0] }
    if word.starts(with: "per") { return [0, 3] }
    return word.starts(with: "ke") || word.starts(with: "pe") ? [0, 2] : [0]
  }

  private static func isFunctionWord(_ word: String, _ language: LanguageTag) -> Bool {
    StopWords.contains(word.lowercased(), language: language)
  }

  /// The capitalized words ending `words` (function words between them allowed), when
  /// there are at least two: the name a borrowed acronym stands for.
  private static func capitalizedRun(_ words: [String], language: LanguageTag) -> String? {
    var start = words.count
    while start > 0 {
      let word = words[start - 1]
      if word.first?.isUppercase == true || start < words.count && isFunctionWord(word, language)
        && start >= 2 && words[start - 2].first?.isUppercase == true
      {
        start -= 1
      } else {
        break
      }
    }
    let run = Array(words[start...])
    guard run.count >= 2 else { return nil }
    return joined(run)
  }
}
