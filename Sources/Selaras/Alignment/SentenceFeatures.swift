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
struct FeatureExtractor {
  let lexicon: Lexicon
  let vocabulary = Vocabulary()

  func features(of sentence: String, language: String, isBoilerplate: Bool) -> SentenceFeatures {
    let tokens = WordTokenizer.tokens(sentence)
    var anchors: Set<Int32> = []
    var numbers: Set<Int32> = []
    for anchor in NumberAnchors.anchors(of: tokens, language: language) {
      let id = vocabulary.id(anchor)
      anchors.insert(id)
      if anchor.hasPrefix("#") { numbers.insert(id) }
    }
    var concepts: Set<Int32> = []
    for (index, token) in tokens.enumerated() where token.kind == .word {
      if let name = nameAnchor(token, language: language, isFirst: index == 0) {
        anchors.insert(vocabulary.id(name))
      }
      for english in englishWords(tokens, at: index, language: language) {
        let stem = Self.englishStem(english)
        if !Self.englishStopwords.contains(stem) {
          concepts.insert(vocabulary.id(stem))
        }
      }
    }
    return SentenceFeatures(
      length: sentence.unicodeScalars.count { !$0.properties.isWhitespace },
      anchors: anchors.sorted(), numbers: numbers.sorted(), concepts: concepts.sorted(),
      isBoilerplate: isBoilerplate)
  }

  /// The English words a token stands for: itself in English, its translations in Indonesian
  /// (a two-word entry such as `rumah sakit` first).
  private func englishWords(_ tokens: [WordToken], at index: Int, language: String) -> [String] {
    let word = tokens[index].text.lowercased()
    guard language == "id" else { return [word] }
    var result: [String] = []
    if index + 1 < tokens.count {
      let pair = lexicon.translations[word + " " + tokens[index + 1].text.lowercased()] ?? []
      result += pair.flatMap { $0.split(separator: " ").map(String.init) }
    }
    result += lexicon.english(for: word).flatMap { $0.split(separator: " ").map(String.init) }
    // Names and loanwords are often written alike in both languages.
    result.append(word)
    return result
  }

  /// A name's anchor: an acronym as written (`KPK`), or the consonant skeleton of a
  /// capitalized word so that `Rusia`/`Russia` and `Teheran`/`Tehran` meet.
  private func nameAnchor(_ token: WordToken, language: String, isFirst: Bool) -> String? {
    guard token.isCapitalized, token.text.count >= 3 || token.text == token.text.uppercased() && token.text.count >= 2
    else { return nil }
    let lowered = token.text.lowercased()
    if isFirst && (Self.englishStopwords.contains(lowered) || lexicon.translations[lowered] != nil) {
      return nil
    }
    if NumberAnchors.months[lowered] != nil || NumberAnchors.weekdays[lowered] != nil {
      return nil
    }
    if token.text == token.text.uppercased() {
      return "a:" + token.text
    }
    guard token.text.count >= 4 else { return nil }
    return "n:" + Self.skeleton(lowered)
  }

  static func skeleton(_ word: String) -> String {
    let folded = word.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
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
