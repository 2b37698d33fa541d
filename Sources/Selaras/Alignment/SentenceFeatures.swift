import Foundation

/// Interns strings as small integers so that sentences compare by integer keys.
struct Vocabulary {
  private var ids: [String: UInt32] = [:]

  var count: Int { ids.count }

  /// The id of `key`, below 2^30 so that the top two bits are free for flags.
  mutating func id(_ key: String) -> UInt32 {
    if let id = ids[key] { return id }
    let id = UInt32(ids.count)
    precondition(id < 1 << 30, "vocabulary overflow")
    ids[key] = id
    return id
  }
}

/// What the alignment scorer knows about one sentence.
struct SentenceFeatures {
  /// Non-white-space scalars.
  var length: Int
  /// Where the sentence's keys are in the pool it was extracted into: content words as
  /// English stems (Indonesian words through the lexicon), and numbers, dates, times, names
  /// and acronyms as anchors. Keys are vocabulary ids with ``anchorFlag`` and ``numberFlag``
  /// set on anchors and number anchors, each once, so that one pass over two sentences
  /// counts all three kinds of match.
  var keys: Range<Int>
  var conceptCount: Int
  var anchorCount: Int
  var numberCount: Int
  var chrome: Sentence.Chrome
  /// The sentence opens by pointing back at the one before it (``Continuation``).
  var refersBack = false

  var isBoilerplate: Bool { chrome != .none }

  static let anchorFlag: UInt32 = 1 << 31
  static let numberFlag: UInt32 = 1 << 30
  /// The vocabulary id in a key.
  static let idMask: UInt32 = (1 << 30) - 1
}

/// Turns sentences into ``SentenceFeatures`` for one aligner run.
///
/// What a word contributes (its concepts, its name anchor) is worked out once per distinct
/// word and language and kept; so are the anchors of a number in its context. Both are
/// found again by a hash of their bytes, so the cost per sentence is one pass over its bytes
/// and a table probe per token.
///
/// A struct, so that its tables are reached without the run-time exclusivity checks that a
/// class's stored properties pay on every access.
struct FeatureExtractor {
  let lexicon: Lexicon
  /// Loanwords of the texts at hand with the English words they come from (``Cognates``):
  /// concepts like the lexicon's, which leave a word's name anchor where it is.
  let cognates: [String: [String]]
  private(set) var vocabulary = Vocabulary()
  /// Word or number hash (salted by language and context) → index into `infos`.
  private var known = HashIndex()
  private var infos: [WordInfo] = []
  /// The lowercased form of each of `infos`, for two-word lexicon entries.
  private var lowercased: [String] = []
  /// The keys of all known tokens (flagged vocabulary ids); each token's are a range of it.
  private var keyPool: [UInt32] = []
  /// Two-word lexicon entries met so far: a hash of the two words' `infos` indices → an
  /// entry of `infos` whose keys are the phrase's concepts (none when it is no entry).
  private var phrases = HashIndex()
  /// For each vocabulary id, the last sentence that had it, so that each key is added once.
  private var lastSeen: [Int32] = []
  private var sentenceNumber: Int32 = 0
  /// Scratch space reused from sentence to sentence.
  private var spans: [WordTokenizer.Span] = []

  /// What one token, as written, contributes to its sentence's features.
  private struct WordInfo {
    /// Concept keys, then name or acronym anchors when the word is capitalized (one, or one
    /// per part of a hyphenated name such as `Jakarta-Bandung`), or a month or weekday anchor;
    /// for a number, its anchors.
    var keys: Range<Int>
    /// Where the anchors start in `keys`.
    var anchorStart: Int
    /// Whether the word is a function word, whose name anchor does not count at the start of
    /// a sentence.
    var isFunctionWord: Bool
    /// Whether a two-word lexicon entry starts with the word (`rumah` of `rumah sakit`).
    var startsPhrase: Bool
  }

  init(lexicon: Lexicon, cognates: [String: [String]] = [:]) {
    self.lexicon = lexicon
    self.cognates = cognates
  }

  /// The features of `sentence`, whose keys are appended to `pool`.
  mutating func features(of sentence: String, language: String, chrome: Sentence.Chrome, into pool: inout [UInt32])
    -> SentenceFeatures
  {
    var sentence = sentence
    let slot: UInt64 = language == "id" ? 0 : 1
    let start = pool.count
    sentenceNumber &+= 1
    var spans = self.spans
    self.spans = []
    defer { self.spans = spans }
    spans.removeAll(keepingCapacity: true)
    return sentence.withUTF8 { bytes in
      WordTokenizer.scan(bytes) { spans.append($0) }
      var previousWord: Int?
      for index in spans.indices {
        let span = spans[index]
        let infoIndex: Int
        if span.kind == .number {
          infoIndex = numberInfo(spans, index, bytes, language: language, slot: slot)
          previousWord = nil
        } else {
          infoIndex = wordInfo(span, bytes, slot: slot)
        }
        let info = infos[infoIndex]
        let end = index > 0 || !info.isFunctionWord ? info.keys.upperBound : info.anchorStart
        addKeys(info.keys.lowerBound..<end, to: &pool)
        guard span.kind == .word else { continue }
        if let previous = previousWord, infos[previous].startsPhrase {
          addKeys(infos[phraseInfo(previous, infoIndex)].keys, to: &pool)
        }
        previousWord = slot == 0 ? infoIndex : nil
      }
      var anchors = 0
      var numbers = 0
      for key in pool[start...] {
        anchors += Int(key >> 31)
        numbers += Int((key >> 30) & 1)
      }
      return SentenceFeatures(
        length: Self.visibleLength(bytes), keys: start..<pool.count, conceptCount: pool.count - start - anchors,
        anchorCount: anchors, numberCount: numbers, chrome: chrome)
    }
  }

  /// Appends the keys of `keyPool[range]` that the sentence does not have yet.
  private mutating func addKeys(_ range: Range<Int>, to pool: inout [UInt32]) {
    let sentence = sentenceNumber
    if vocabulary.count > lastSeen.count {
      lastSeen += repeatElement(0, count: max(vocabulary.count - lastSeen.count, lastSeen.count))
    }
    keyPool.withUnsafeBufferPointer { keys in
      lastSeen.withUnsafeMutableBufferPointer { lastSeen in
        for position in range {
          let key = keys[position]
          let id = Int(key & SentenceFeatures.idMask)
          if lastSeen[id] != sentence {
            lastSeen[id] = sentence
            pool.append(key)
          }
        }
      }
    }
  }

  /// The `infos` entry of the two-word lexicon entry made of two words, with no keys when
  /// they make none.
  private mutating func phraseInfo(_ first: Int, _ second: Int) -> Int {
    var hash = ByteHash()
    hash.add(0x20)
    withUnsafeBytes(of: (Int64(first), Int64(second))) { hash.add($0) }
    if let index = phrases[hash.value] { return index }
    let start = keyPool.count
    if let english = lexicon.translations[lowercased[first] + " " + lowercased[second]] {
      appendConcepts(english)
    }
    let index = infos.count
    infos.append(
      WordInfo(keys: start..<keyPool.count, anchorStart: keyPool.count, isFunctionWord: false, startsPhrase: false))
    lowercased.append("")
    phrases.insert(index, for: hash.value)
    return index
  }

  private mutating func wordInfo(_ span: WordTokenizer.Span, _ bytes: UnsafeBufferPointer<UInt8>, slot: UInt64) -> Int {
    var hash = ByteHash()
    hash.add(UInt8(truncatingIfNeeded: slot))
    if span.isDottedAcronym { hash.add(0) }
    hash.add(bytes[span.range])
    if let index = known[hash.value] { return index }
    let text = span.text(in: bytes)
    let lowered = text.lowercased()
    let english = slot == 0 ? lexicon.english(for: lowered) + cognates[lowered, default: []] + [lowered] : [lowered]
    let start = keyPool.count
    appendConcepts(english)
    let anchorStart = keyPool.count
    let calendar = span.isCapitalized ? NumberAnchors.calendarAnchor(lowered) : nil
    if let calendar {
      keyPool.append(vocabulary.id(calendar) | SentenceFeatures.anchorFlag)
    } else if span.isCapitalized {
      let parts = text.split(separator: "-")
      for part in parts.count > 1 ? [Substring(text)] + parts : parts where part.first?.isUppercase == true {
        if part.count >= 2 && part == part.uppercased() {
          keyPool.append(vocabulary.id("a:" + part) | SentenceFeatures.anchorFlag)
        } else if part.count >= 4 {
          keyPool.append(vocabulary.id("n:" + Self.skeleton(part.lowercased())) | SentenceFeatures.anchorFlag)
        }
      }
    }
    return remember(
      WordInfo(
        // A month or weekday counts even at the start of a sentence, like a number.
        keys: start..<keyPool.count, anchorStart: calendar == nil ? anchorStart : keyPool.count,
        isFunctionWord: Self.englishStopwords.contains(lowered) || lexicon.translations[lowered] != nil,
        startsPhrase: lexicon.phraseStarts.contains(lowered)),
      lowercased: lowered, hash: hash.value)
  }

  /// The anchors of the number at `spans[index]`, which depend on the words around it only
  /// through `pukul` before it and `a.m.`/`p.m.` after it.
  private mutating func numberInfo(
    _ spans: [WordTokenizer.Span], _ index: Int, _ bytes: UnsafeBufferPointer<UInt8>, language: String, slot: UInt64
  ) -> Int {
    let afterPukul = index > 0 && Self.isPukul(spans[index - 1], bytes)
    let next = index + 1 < spans.count ? Self.meridiem(spans[index + 1], bytes) : ""
    var hash = ByteHash()
    hash.add(UInt8(truncatingIfNeeded: slot) | 0x10)
    hash.add(afterPukul ? 1 : 0)
    hash.add(next.utf8)
    hash.add(0xFF)
    hash.add(bytes[spans[index].range])
    if let index = known[hash.value] { return index }
    let start = keyPool.count
    let text = spans[index].text(in: bytes)
    let previous = afterPukul ? "pukul" : ""
    // A date's parts match numbers as anchors but are none themselves: the Indonesian
    // `Jumat (22/11/2024)` is the wire's `on Friday` or `Nov 22`, without the year.
    let isDate = NumberAnchors.isDate(text)
    for anchor in NumberAnchors.anchors(ofNumber: text, language: language, previous: previous, next: next) {
      let isNumber = anchor.hasPrefix("#") && !isDate
      keyPool.append(
        vocabulary.id(anchor) | SentenceFeatures.anchorFlag | (isNumber ? SentenceFeatures.numberFlag : 0))
    }
    return remember(
      WordInfo(keys: start..<keyPool.count, anchorStart: keyPool.count, isFunctionWord: false, startsPhrase: false),
      lowercased: text, hash: hash.value)
  }

  /// Whether `span` is the word `pukul` ("at", before a time of day), in any case.
  private static func isPukul(_ span: WordTokenizer.Span, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    span.range.count == 5 && zip(bytes[span.range], "pukul".utf8).allSatisfy { $0 | 0x20 == $1 }
  }

  /// `a`, `am`, `p` or `pm` when `span` is one of them (in any case), else empty: the only
  /// following words that change what a number means.
  private static func meridiem(_ span: WordTokenizer.Span, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard span.range.count <= 2, span.kind == .word else { return "" }
    let word = span.text(in: bytes).lowercased()
    return ["a", "am", "p", "pm"].contains(word) ? word : ""
  }

  private mutating func remember(_ info: WordInfo, lowercased word: String, hash: UInt64) -> Int {
    infos.append(info)
    lowercased.append(word)
    known.insert(infos.count - 1, for: hash)
    return infos.count - 1
  }

  /// Appends the concept keys of English words or phrases: their stems, stop words left out.
  private mutating func appendConcepts(_ english: [String]) {
    for phrase in english {
      for word in phrase.split(separator: " ") {
        let stem = Self.englishStem(String(word))
        if !Self.englishStopwords.contains(stem) {
          keyPool.append(vocabulary.id(stem))
        }
      }
    }
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
