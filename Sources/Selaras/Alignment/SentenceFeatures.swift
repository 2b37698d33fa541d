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
/// word and language and kept; words are found again by a hash of their bytes, so the cost
/// per sentence is one pass over its bytes and a lookup per word.
final class FeatureExtractor {
  let lexicon: Lexicon
  let vocabulary = Vocabulary()
  /// Per language (0: Indonesian, 1: other), word hash → index into `infos`.
  private var known: [[UInt64: Int32]] = [[:], [:]]
  private var infos: [WordInfo] = []
  /// The concept ids of all known words; each word's are a range of it.
  private var conceptPool: [Int32] = []
  /// The name anchors of all known words, likewise.
  private var namePool: [Int32] = []
  /// The first words of the lexicon's two-word entries.
  private let phraseStarts: Set<String>
  /// Scratch space reused from sentence to sentence.
  private var spans: [WordTokenizer.Span] = []
  private var anchorScratch: [Int32] = []
  private var numberScratch: [Int32] = []
  private var conceptScratch: [Int32] = []

  /// What one word, as written, contributes to its sentence's features.
  private struct WordInfo {
    var concepts: Range<Int>
    /// Name or acronym anchors (a range of `namePool`), when the word is capitalized: one,
    /// or one per part of a hyphenated name (`Jakarta-Bandung`).
    var names: Range<Int>
    /// A month or weekday anchor, when the word is a capitalized calendar name.
    var calendar: Int32?
    /// Whether the word is a function word, which is no name at the start of a sentence.
    var isFunctionWord: Bool
    var lowercased: String
    /// Whether a two-word lexicon entry starts with the word (`rumah` of `rumah sakit`).
    var startsPhrase: Bool
  }

  init(lexicon: Lexicon) {
    self.lexicon = lexicon
    phraseStarts = Set(
      lexicon.translations.keys.compactMap { key in
        let words = key.split(separator: " ")
        return words.count == 2 ? String(words[0]) : nil
      })
  }

  func features(of sentence: String, language: String, isBoilerplate: Bool) -> SentenceFeatures {
    var sentence = sentence
    let slot = language == "id" ? 0 : 1
    return sentence.withUTF8 { bytes in
      var spans = self.spans
      spans.removeAll(keepingCapacity: true)
      WordTokenizer.scan(bytes) { spans.append($0) }
      var anchors = anchorScratch
      var numbers = numberScratch
      var concepts = conceptScratch
      anchors.removeAll(keepingCapacity: true)
      numbers.removeAll(keepingCapacity: true)
      concepts.removeAll(keepingCapacity: true)
      self.spans = []
      anchorScratch = []
      numberScratch = []
      conceptScratch = []
      defer {
        self.spans = spans
        anchorScratch = anchors
        numberScratch = numbers
        conceptScratch = concepts
      }
      var previousWord: Int?
      for (index, span) in spans.enumerated() {
        if span.kind == .number {
          let previous = index > 0 ? spans[index - 1].text(in: bytes).lowercased() : ""
          let next = index + 1 < spans.count ? spans[index + 1].text(in: bytes).lowercased() : ""
          for anchor in NumberAnchors.anchors(ofNumber: span.text(in: bytes), language: language, previous: previous, next: next) {
            let id = vocabulary.id(anchor)
            anchors.append(id)
            if anchor.hasPrefix("#") { numbers.append(id) }
          }
          previousWord = nil
          continue
        }
        let infoIndex = wordInfo(span, bytes, language: language, slot: slot)
        let info = infos[infoIndex]
        if index > 0 || !info.isFunctionWord {
          anchors.append(contentsOf: namePool[info.names])
        }
        if let calendar = info.calendar {
          anchors.append(calendar)
        }
        concepts.append(contentsOf: conceptPool[info.concepts])
        if let previousWord, infos[previousWord].startsPhrase,
          let phrase = lexicon.translations[infos[previousWord].lowercased + " " + info.lowercased]
        {
          concepts += conceptIDs(phrase)
        }
        previousWord = slot == 0 ? infoIndex : nil
      }
      return SentenceFeatures(
        length: Self.visibleLength(bytes), anchors: Self.sortedUnique(&anchors), numbers: Self.sortedUnique(&numbers),
        concepts: Self.sortedUnique(&concepts), isBoilerplate: isBoilerplate)
    }
  }

  private func wordInfo(_ span: WordTokenizer.Span, _ bytes: UnsafeBufferPointer<UInt8>, language: String, slot: Int)
    -> Int
  {
    let hash = Self.hash(bytes[span.range], acronym: span.isDottedAcronym)
    if let index = known[slot][hash] { return Int(index) }
    let text = span.text(in: bytes)
    let lowered = text.lowercased()
    let english = slot == 0 ? lexicon.english(for: lowered) + [lowered] : [lowered]
    let conceptStart = conceptPool.count
    conceptPool += conceptIDs(english)
    let nameStart = namePool.count
    var info = WordInfo(
      concepts: conceptStart..<conceptPool.count, names: nameStart..<nameStart, calendar: nil,
      isFunctionWord: Self.englishStopwords.contains(lowered) || lexicon.translations[lowered] != nil,
      lowercased: lowered, startsPhrase: phraseStarts.contains(lowered))
    if span.isCapitalized {
      if let anchor = NumberAnchors.calendarAnchor(lowered) {
        info.calendar = vocabulary.id(anchor)
      } else {
        let parts = text.split(separator: "-")
        for part in parts.count > 1 ? [Substring(text)] + parts : parts where part.first?.isUppercase == true {
          if part.count >= 2 && part == part.uppercased() {
            namePool.append(vocabulary.id("a:" + part))
          } else if part.count >= 4 {
            namePool.append(vocabulary.id("n:" + Self.skeleton(part.lowercased())))
          }
        }
        info.names = nameStart..<namePool.count
      }
    }
    infos.append(info)
    known[slot][hash] = Int32(infos.count - 1)
    return infos.count - 1
  }

  private static func hash(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, acronym: Bool) -> UInt64 {
    var hash = ByteHash()
    if acronym { hash.add(0) }
    hash.add(bytes)
    return hash.value
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

  /// The distinct ids of `ids`, sorted, in a new array; `ids` is sorted in place.
  private static func sortedUnique(_ ids: inout [Int32]) -> [Int32] {
    ids.sort()
    var result: [Int32] = []
    result.reserveCapacity(ids.count)
    for id in ids where id != result.last {
      result.append(id)
    }
    return result
  }

  /// The number of scalars that are not ASCII white space.
  private static func visibleLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for byte in bytes where byte & 0xC0 != 0x80 && byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
      count += 1
    }
    return count
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
