/// Indonesian loanwords paired with the English words they come from, within one article
/// pair: `inflasi` and `inflation`, `ekspor` and `exports`, `diskriminatif` and
/// `discriminated`, `demokrasi` and `democracy`. News Indonesian borrows much of its
/// vocabulary this way, and a small word list (FreeDict has 10,000 headwords) knows few of
/// these words.
///
/// Both words are spelled the Indonesian way (``key(english:)``) and cut to their first
/// ``keyLength`` letters; an Indonesian word, or a form its affixes reduce it to
/// (``IndonesianMorphology``, as the lexicon's look-ups reduce it), whose key is that of an
/// English word of the other text is taken to translate it. Only words of the two texts pair:
/// a key shared with some English word elsewhere costs nothing, though words of the two texts
/// that share six letters by chance pair too (`internasional` with `internal`).
enum Cognates {
  /// How many letters of the spelled words are compared: six pairs `subsidi` with
  /// `subsidies` and `konstitusi` with `constitutional`; shorter words have no key.
  static let keyLength = 6
  /// How many English words of one key an Indonesian word pairs with at most, the first in
  /// alphabetical order (`subsidi`: `subsidies`, `subsidised`, `subsidy`).
  static let mostWords = 4

  /// The loanwords of the `indonesian` texts, each with the English words of the `english`
  /// texts that share its key. A word the English texts hold as it is (`Jakarta`,
  /// `Indonesia`, `tsunami`) is left out: it matches itself already.
  static func pairs(english: [String], indonesian: [String]) -> [String: [String]] {
    // Five letters: `x` spelled `ks` can make a key of them (`taxes`).
    let englishWords = distinctWords(english, shortest: keyLength - 1)
    var byKey: [[UInt8]: [String]] = [:]
    for word in englishWords.sorted() {
      guard let key = key(english: word), byKey[key, default: []].count < mostWords else { continue }
      byKey[key, default: []].append(word)
    }
    guard !byKey.isEmpty else { return [:] }
    var pairs: [String: [String]] = [:]
    for word in distinctWords(indonesian, shortest: keyLength) where !englishWords.contains(word) {
      for form in morphology.reductions(of: word) {
        guard let key = key(indonesian: Array(form.utf8)), let words = byKey[key] else { continue }
        pairs[word] = words
        break
      }
    }
    return pairs
  }

  private static let morphology = IndonesianMorphology(stripsDerivation: true)

  /// The distinct lowercased words of `texts` of at least `shortest` letters, those written
  /// in ASCII letters only: a word with another letter or a mark (`Dürrenmatt`, as
  /// ``WordTokenizer`` tells letters) is left out whole, while other characters (`’`, `—`, a
  /// no-break space) end a word as a space does. A word is made a
  /// string only the first time its hash is met: most words of a long text recur.
  static func distinctWords(_ texts: [String], shortest: Int) -> Set<String> {
    var words = Set<String>()
    var seen = Set<UInt64>()
    for text in texts {
      var text = text
      text.withUTF8 { bytes in
        var start = 0
        var isASCII = true
        var hash = ByteHash()
        var index = 0
        func endWord(at end: Int, next: Int) {
          if isASCII && end - start >= shortest && seen.insert(hash.value).inserted {
            words.insert(String(decoding: bytes[start..<end], as: UTF8.self).lowercased())
          }
          start = next
          isASCII = true
          hash = ByteHash()
        }
        while index < bytes.count {
          let byte = bytes[index]
          if byte < 0x80 {
            if (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") {
              hash.add(byte | 0x20)
            } else {
              endWord(at: index, next: index + 1)
            }
            index += 1
            continue
          }
          let (isLetter, width) = WordTokenizer.isLetter(bytes, at: index)
          if isLetter {
            isASCII = false
          } else {
            endWord(at: index, next: index + width)
          }
          index += width
        }
        endWord(at: bytes.count, next: bytes.count)
      }
    }
    return words
  }

  /// The key of a lowercased English word: spelled as Indonesian spells loanwords — `-tion`,
  /// `-sion` and `-ssion` as `si` (wherever they stand), `ph` as `f`, `th` as `t`, `ch` and `ck`
  /// as `k`, `qu` as `ku`, `c` as `s` before `e`, `i`, `y` and as `k` elsewhere, then as
  /// ``key(indonesian:)`` spells every word — and cut to ``keyLength`` letters; nil when shorter.
  static func key(english word: String) -> [UInt8]? {
    let bytes = Array(word.utf8)
    var spelled: [UInt8] = []
    spelled.reserveCapacity(bytes.count + 2)
    var index = 0
    letters: while index < bytes.count {
      for (written, spoken) in englishSpellings
      where index + written.count <= bytes.count && bytes[index..<(index + written.count)].elementsEqual(written) {
        spelled += spoken
        index += written.count
        continue letters
      }
      if bytes[index] == UInt8(ascii: "c") {
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        let soft = next == UInt8(ascii: "e") || next == UInt8(ascii: "i") || next == UInt8(ascii: "y")
        spelled.append(soft ? UInt8(ascii: "s") : UInt8(ascii: "k"))
      } else {
        spelled.append(bytes[index])
      }
      index += 1
    }
    return key(indonesian: spelled)
  }

  /// English letter groups and how Indonesian writes them, longest first.
  private static let englishSpellings: [(written: [UInt8], spoken: [UInt8])] = [
    ("ssion", "si"), ("tion", "si"), ("sion", "si"), ("ph", "f"), ("th", "t"), ("ch", "k"), ("ck", "k"),
    ("qu", "ku"),
  ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

  /// The key of a lowercased Indonesian word (or of an English one spelled the Indonesian
  /// way): `x` as `ks`, `q` as `k`, `y` as `i`, double letters single, cut to ``keyLength``
  /// letters; nil when shorter.
  static func key(indonesian word: [UInt8]) -> [UInt8]? {
    var key: [UInt8] = []
    key.reserveCapacity(keyLength)
    func append(_ letter: UInt8) {
      if key.last != letter && key.count < keyLength { key.append(letter) }
    }
    for letter in word {
      switch letter {
      case UInt8(ascii: "x"):
        append(UInt8(ascii: "k"))
        append(UInt8(ascii: "s"))
      case UInt8(ascii: "q"): append(UInt8(ascii: "k"))
      case UInt8(ascii: "y"): append(UInt8(ascii: "i"))
      default: append(letter)
      }
      if key.count == keyLength { return key }
    }
    return nil
  }
}
