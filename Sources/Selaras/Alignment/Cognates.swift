/// Indonesian loanwords paired with the English words they come from, within one article
/// pair: `inflasi` and `inflation`, `ekspor` and `exports`, `diskriminatif` and
/// `discriminated`, `demokrasi` and `democracy`. News Indonesian borrows much of its
/// vocabulary this way, and a small word list (FreeDict has 10,000 headwords) knows few of
/// these words.
///
/// Both words are spelled the Indonesian way (``key(english:)``: `c` as `k` or `s`, `-tion` as
/// `-si`, `ph` as `f`, `x` as `ks`, double letters single…) and cut to their first
/// ``keyLength`` letters; an Indonesian word (or the word without `di-`, `meng-`, `-nya`,
/// `-kan` and the like) whose key is that of an English word of the other text is taken to
/// translate it. Only words of the two texts at hand pair, so that a key shared by chance
/// with some English word elsewhere costs nothing.
enum Cognates {
  /// How many letters of the spelled words are compared: six pairs `subsidi` with
  /// `subsidies` and `konstitusi` with `constitutional`; shorter words have no key.
  static let keyLength = 6
  /// How many English words one Indonesian word may pair with (`subsidi`: `subsidies`,
  /// `subsidy`, `subsidised`).
  static let mostWords = 4

  /// `lexicon` with the loanwords of `indonesian` paired with the English words of `english`
  /// whose keys they share, each added to what the lexicon already gives the word.
  static func extend(_ lexicon: Lexicon, english: [String], indonesian: [String]) -> Lexicon {
    var byKey: [[UInt8]: [String]] = [:]
    for word in distinctWords(english) {
      guard let key = key(english: word) else { continue }
      if byKey[key, default: []].count < mostWords { byKey[key, default: []].append(word) }
    }
    guard !byKey.isEmpty else { return lexicon }
    var extended = lexicon
    for word in distinctWords(indonesian) {
      var found: [String] = []
      for form in forms(of: Array(word.utf8)) {
        guard let key = key(indonesian: form), let words = byKey[key] else { continue }
        // A word written the same in both texts (a name, `tsunami`) matches itself already;
        // a lexicon entry would cost a name its anchor at the start of a sentence.
        found = words.filter { $0 != word }
        break
      }
      guard !found.isEmpty else { continue }
      // The entry of the word as written comes first in lookups (``Lexicon/english(for:)``),
      // so it carries what the lexicon gave the word's other forms too.
      for known in lexicon.english(for: word) + found {
        extended.add(indonesian: word, english: known)
      }
    }
    return extended
  }

  /// The distinct lowercased words of `texts` long enough for a key, those written in ASCII
  /// letters only (a word with any other letter is left out whole). A word is made a string
  /// only the first time its hash is met: most words of a long text recur.
  static func distinctWords(_ texts: [String]) -> Set<String> {
    var words = Set<String>()
    var seen = Set<UInt64>()
    for text in texts {
      var text = text
      text.withUTF8 { bytes in
        var start = 0
        var isASCII = true
        var hash = ByteHash()
        for index in 0...bytes.count {
          let byte = index < bytes.count ? bytes[index] : 0
          if byte >= 0x80 {
            isASCII = false
          } else if (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") {
            hash.add(byte | 0x20)
          } else {
            if isASCII && index - start >= keyLength && seen.insert(hash.value).inserted {
              words.insert(String(decoding: bytes[start..<index], as: UTF8.self).lowercased())
            }
            start = index + 1
            isASCII = true
            hash = ByteHash()
          }
        }
      }
    }
    return words
  }

  /// The forms of an Indonesian word a loanword may hide in: as written, without a prefix
  /// (`diekspor`, `mengekspor`), without `-nya` or `-kan`, or both.
  static func forms(of word: [UInt8]) -> [[UInt8]] {
    var result = [word]
    for prefix in prefixes where word.count - prefix.count >= keyLength && word.starts(with: prefix) {
      result.append(Array(word[prefix.count...]))
      break
    }
    for form in result {
      for suffix in suffixes where form.count - suffix.count >= keyLength && form.reversed().starts(with: suffix.reversed()) {
        result.append(Array(form.dropLast(suffix.count)))
        break
      }
    }
    return result
  }

  private static let prefixes = ["meng", "mem", "men", "ber", "ter", "di", "me", "ke", "se"].map { Array($0.utf8) }
  private static let suffixes = ["nya", "kan"].map { Array($0.utf8) }

  /// The key of a lowercased English word: spelled as Indonesian spells loanwords, cut to
  /// ``keyLength`` letters; nil when shorter.
  static func key(english word: String) -> [UInt8]? {
    let bytes = Array(word.utf8)
    var spelled: [UInt8] = []
    spelled.reserveCapacity(bytes.count)
    var index = 0
    func at(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
    func next(_ text: String) -> Bool {
      let text = Array(text.utf8)
      return index + text.count <= bytes.count && bytes[index..<(index + text.count)].elementsEqual(text)
    }
    while index < bytes.count {
      if next("ssion") || next("tion") || next("sion") {
        spelled += Array("si".utf8)
        index += next("ssion") ? 5 : 4
        continue
      }
      switch (bytes[index], at(1)) {
      case (UInt8(ascii: "p"), UInt8(ascii: "h")): spelled.append(UInt8(ascii: "f")); index += 2
      case (UInt8(ascii: "t"), UInt8(ascii: "h")): spelled.append(UInt8(ascii: "t")); index += 2
      case (UInt8(ascii: "c"), UInt8(ascii: "h")), (UInt8(ascii: "c"), UInt8(ascii: "k")):
        spelled.append(UInt8(ascii: "k")); index += 2
      case (UInt8(ascii: "q"), UInt8(ascii: "u")): spelled += Array("kw".utf8); index += 2
      case (UInt8(ascii: "c"), let following):
        spelled.append("eiy".utf8.contains(following) ? UInt8(ascii: "s") : UInt8(ascii: "k")); index += 1
      default:
        spelled += spelledLetter(bytes[index]); index += 1
      }
    }
    return cut(spelled)
  }

  /// The key of a lowercased Indonesian word (a form of ``forms(of:)``), nil when shorter
  /// than ``keyLength`` letters.
  static func key(indonesian word: [UInt8]) -> [UInt8]? {
    cut(word.flatMap(spelledLetter))
  }

  /// A letter as both keys spell it: `x` as `ks`, `q` as `k`, `y` as `i`.
  private static func spelledLetter(_ letter: UInt8) -> [UInt8] {
    switch letter {
    case UInt8(ascii: "x"): Array("ks".utf8)
    case UInt8(ascii: "q"): [UInt8(ascii: "k")]
    case UInt8(ascii: "y"): [UInt8(ascii: "i")]
    default: [letter]
    }
  }

  /// Double letters made single, then the first ``keyLength`` letters; nil when fewer.
  private static func cut(_ spelled: [UInt8]) -> [UInt8]? {
    var key: [UInt8] = []
    for letter in spelled where key.last != letter {
      key.append(letter)
      if key.count == keyLength { return key }
    }
    return nil
  }
}
