import Foundation

/// Interns strings as small integers so that sentences compare by sorted integer arrays.
final class Vocabulary {
  private var ids: [String: Int32] = [:]

  func id(_ key: String) -> Int32 {
    if let id = ids[key] { return id }
    let id = Int32(ids.count)
    ids[key] = id
    return id
  }
}

/// What the alignment scorer knows about one sentence.
struct SentenceFeatures {
  /// Non-white-space scalars.
  var length: Int
  /// Numbers, dates, times, names and acronyms, as sorted unique vocabulary ids.
  var anchors: [Int32]
  /// The number anchors among `anchors`.
  var numbers: [Int32]
  /// Content words as English stems (Indonesian words through the lexicon), sorted unique ids.
  var concepts: [Int32]
  var isBoilerplate: Bool
}

/// Turns sentences into ``SentenceFeatures`` for one aligner run.
///
/// What a word contributes (its concepts, its name anchor) is worked out once per distinct
/// word and language and kept, so the cost per sentence is a tokenization and a few lookups.
final class FeatureExtractor {
  let lexicon: Lexicon
  let vocabulary = Vocabulary()
  /// Per language, what each word as written contributes.
  private var words: [String: [String: WordInfo]] = [:]

  /// What one word, as written, contributes to its sentence's features.
  private struct WordInfo {
    var concepts: [Int32]
    /// The name or acronym anchor, when the word is capitalized.
    var name: Int32?
    /// A month or weekday anchor, when the word is a capitalized calendar name.
    var calendar: Int32?
    /// Whether the word is a function word, which is no name at the start of a sentence.
    var isFunctionWord: Bool
    var lowercased: String
    /// Whether a two-word lexicon entry starts with the word (`rumah` of `rumah sakit`).
    var startsPhrase: Bool
  }

  /// The first words of the lexicon's two-word entries.
  private let phraseStarts: Set<String>

  init(lexicon: Lexicon) {
    self.lexicon = lexicon
    phraseStarts = Set(lexicon.translations.keys.compactMap { key in
      key.split(separator: " ").count == 2 ? String(key.split(separator: " ")[0]) : nil
    })
  }

  func features(of sentence: String, language: String, isBoilerplate: Bool) -> SentenceFeatures {
    let tokens = WordTokenizer.tokens(sentence)
    var anchors: [Int32] = []
    var numbers: [Int32] = []
    var concepts: [Int32] = []
    for (index, token) in tokens.enumerated() {
      if token.kind == .number {
        let previous = index > 0 ? tokens[index - 1].text.lowercased() : ""
        let next = index + 1 < tokens.count ? tokens[index + 1].text.lowercased() : ""
        for anchor in NumberAnchors.anchors(ofNumber: token.text, language: language, previous: previous, next: next) {
          let id = vocabulary.id(anchor)
          anchors.append(id)
          if anchor.hasPrefix("#") { numbers.append(id) }
        }
        continue
      }
      let info = wordInfo(token, language: language)
      if let name = info.name, index > 0 || !info.isFunctionWord {
        anchors.append(name)
      }
      if let calendar = info.calendar {
        anchors.append(calendar)
      }
      concepts += info.concepts
      if language == "id" && info.startsPhrase && index + 1 < tokens.count,
        let phrase = lexicon.translations[info.lowercased + " " + tokens[index + 1].text.lowercased()]
      {
        concepts += conceptIDs(phrase)
      }
    }
    return SentenceFeatures(
      length: Self.visibleLength(sentence), anchors: Self.sortedUnique(anchors), numbers: Self.sortedUnique(numbers),
      concepts: Self.sortedUnique(concepts), isBoilerplate: isBoilerplate)
  }

  private func wordInfo(_ token: WordToken, language: String) -> WordInfo {
    if let known = words[language]?[token.text] { return known }
    let lowered = token.text.lowercased()
    let english = language == "id" ? lexicon.english(for: lowered) + [lowered] : [lowered]
    var info = WordInfo(
      concepts: conceptIDs(english), name: nil, calendar: nil,
      isFunctionWord: Self.englishStopwords.contains(lowered) || lexicon.translations[lowered] != nil,
      lowercased: lowered, startsPhrase: phraseStarts.contains(lowered))
    if token.isCapitalized {
      if let month = NumberAnchors.months[lowered] {
        info.calendar = vocabulary.id("m\(month)")
      } else if let day = NumberAnchors.weekdays[lowered] {
        info.calendar = vocabulary.id("d\(day)")
      } else if token.text.count >= 2 && token.text == token.text.uppercased() {
        info.name = vocabulary.id("a:" + token.text)
      } else if token.text.count >= 4 {
        info.name = vocabulary.id("n:" + Self.skeleton(lowered))
      }
    }
    words[language, default: [:]][token.text] = info
    return info
  }

  /// The concept ids of English words or phrases: their stems, stop words left out.
  private func conceptIDs(_ english: [String]) -> [Int32] {
    var result: [Int32] = []
    for phrase in english {
      for word in phrase.split(separator: " ") {
        let stem = Self.englishStem(String(word))
        if !Self.englishStopwords.contains(stem) {
          result.append(vocabulary.id(stem))
        }
      }
    }
    return result
  }

  private static func sortedUnique(_ ids: [Int32]) -> [Int32] {
    var sorted = ids.sorted()
    var last: Int32?
    sorted.removeAll { id in
      defer { last = id }
      return id == last
    }
    return sorted
  }

  /// The number of scalars that are not ASCII white space.
  private static func visibleLength(_ sentence: String) -> Int {
    var sentence = sentence
    return sentence.withUTF8 { bytes in
      var count = 0
      for byte in bytes where byte & 0xC0 != 0x80 && byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
        count += 1
      }
      return count
    }
  }

  /// The consonant skeleton of a lowercased name: first letter, then consonants without
  /// repeats (`teheran` and `tehran` → `thrn`, `rusia` and `russia` → `rs`).
  static func skeleton(_ word: String) -> String {
    let folded = word.unicodeScalars.allSatisfy(\.isASCII)
      ? word : word.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    var result = ""
    var previous: Character?
    for (index, character) in folded.enumerated() {
      if index > 0 && "aeiouy-'’".contains(character) { continue }
      if character == previous { continue }
      result.append(character)
      previous = character
    }
    return result
  }

  /// A crude English stemmer, applied alike to English text and to lexicon translations.
  static func englishStem(_ word: String) -> String {
    var word = word
    if word.hasSuffix("ies") && word.count > 4 {
      word = String(word.dropLast(3)) + "y"
    } else if word.hasSuffix("sses") || word.hasSuffix("xes") || word.hasSuffix("ches") || word.hasSuffix("shes") {
      word = String(word.dropLast(2))
    } else if word.hasSuffix("s") && !word.hasSuffix("ss") && word.count > 3 {
      word = String(word.dropLast())
    }
    if word.hasSuffix("ing") && word.count > 5 {
      word = String(word.dropLast(3))
    } else if word.hasSuffix("ed") && word.count > 4 {
      word = String(word.dropLast(2))
    }
    return word
  }

  static let englishStopwords: Set<String> = [
    "the", "a", "an", "of", "to", "in", "on", "at", "and", "or", "for", "with", "by", "from", "as",
    "is", "was", "wa", "are", "be", "been", "ha", "has", "have", "had", "it", "its", "that", "this", "which",
    "who", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "not", "no", "but", "also",
    "will", "would", "said", "say", "than", "into", "about", "after", "over", "up", "there", "were", "all",
  ]
}
