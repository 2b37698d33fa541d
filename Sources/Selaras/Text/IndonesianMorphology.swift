import Foundation

/// The forms an Indonesian word may be reduced to by taking off its affixes, for matching
/// text against glossary terms.
///
/// Matching is one-way: a word in the text matches a term when one of its reductions *is*
/// the term's word. Terms are never reduced. By default only inflection comes off: clitics
/// `-nya -lah -kah -pun -ku -mu` and `ku- kau-`; reduplication (`negara-negara`); the verbal
/// suffixes `-kan -i` and prefixes `me(N)-` with the sound changes of its nasal (`memp-`→`p`,
/// `ment-`→`t`, `meng-`→`k`, `meny-`→`s`), `memper- ber- be- di- diper- ter-`. So
/// `memperkuat` reaches `perkuat` and `kuat`, `kemitraannya` reaches `kemitraan` and
/// `drone-drone` reaches `drone`, while derivation, which makes a new word, is left alone:
/// `keuangan` (finance) does not reach `uang` (money), nor `pemerintah` (government)
/// `perintah` (command), nor `kedutaan` (embassy) `duta` (envoy).
///
/// With ``stripsDerivation`` (the aligner's lexicon look-ups, where a shared root is evidence
/// that two sentences are translations), the confixes `ke-…-an`, `pe(N)-…-an`, `per-…-an`,
/// `ber-…-an` come off too. When a root-word list is given (Debian's `hunspell-id`),
/// reduction stops at a form that is a word of the list.
public struct IndonesianMorphology: Sendable {
  /// Known root words, lowercased; empty when no list was given.
  public var roots: Set<String> {
    didSet { rootHashes = Set(roots.map { ByteHash.of($0.utf8) }) }
  }
  private var rootHashes: Set<UInt64>

  /// Whether derivational confixes come off too, not only inflection.
  public var stripsDerivation: Bool

  public init(roots: Set<String> = [], stripsDerivation: Bool = false) {
    self.roots = roots
    self.stripsDerivation = stripsDerivation
    rootHashes = Set(roots.map { ByteHash.of($0.utf8) })
  }

  /// The word (lowercased, without diacritics) and the forms it reduces to, most specific
  /// first, without duplicates. Suffixes come off first, then prefixes (as in Nazief and
  /// Adriani's stemmer); a form that is a known root is not taken further apart.
  public func reductions(of word: String) -> [String] {
    var result: [String] = []
    forEachReduction(of: Self.foldedBytes(word)) { bytes in
      result.append(String(decoding: bytes, as: UTF8.self))
    }
    return result
  }

  /// The hashes (``ByteHash``) of the reductions of a folded word, as the glossary
  /// matcher looks them up.
  func reductionHashes(ofFolded word: [UInt8]) -> [UInt64] {
    guard word.contains(UInt8(ascii: "-")) else {
      return forms(of: word).map { $0.hash(of: word) }
    }
    var result: [UInt64] = []
    forEachReduction(of: word) { result.append(ByteHash.of($0)) }
    return result
  }

  /// Calls `body` with each reduction of a folded word, as bytes.
  func forEachReduction(of word: [UInt8], _ body: ([UInt8]) -> Void) {
    guard let dash = word.firstIndex(of: UInt8(ascii: "-")) else {
      forms(of: word).forEach { body($0.bytes(of: word)) }
      return
    }
    body(word)
    // Reduplication: negara-negara → negara, kota-kotanya → kotanya → kota.
    let first = word[..<dash]
    let second = word[(dash + 1)...]
    if !first.isEmpty && second.starts(with: first) {
      let single = Array(first) + Array(second.dropFirst(first.count))
      forms(of: single).forEach { body($0.bytes(of: single)) }
    }
  }

  /// A reduction: a slice of the word, after a first letter the nasal of `meN-`/`peN-`
  /// had replaced (`menulis` → `t` + `ulis`), if any.
  struct Form: Hashable {
    var restored: UInt8?
    var range: Range<Int>

    func bytes(of word: [UInt8]) -> [UInt8] {
      (restored.map { [$0] } ?? []) + word[range]
    }

    /// The ``ByteHash`` of ``bytes(of:)``, without making them.
    func hash(of word: [UInt8]) -> UInt64 {
      var hash = ByteHash()
      if let restored { hash.add(restored) }
      hash.add(word[range])
      return hash.value
    }
  }

  private func isRoot(_ form: Form, of word: [UInt8]) -> Bool {
    !rootHashes.isEmpty && rootHashes.contains(form.hash(of: word))
  }

  private func forms(of word: [UInt8]) -> [Form] {
    var suffixForms = [Form(restored: nil, range: word.indices)]
    func addSuffixForm(_ form: Form) {
      if !suffixForms.contains(form) { suffixForms.append(form) }
    }
    for form in suffixForms {
      for clitic in Self.clitics where Self.ends(word, form.range, clitic) && form.range.count >= clitic.count + 3 {
        addSuffixForm(Form(restored: nil, range: form.range.lowerBound..<(form.range.upperBound - clitic.count)))
      }
      for clitic in Self.proclitics where Self.starts(word, form.range, clitic) && form.range.count >= clitic.count + 4 {
        addSuffixForm(Form(restored: nil, range: (form.range.lowerBound + clitic.count)..<form.range.upperBound))
      }
    }
    for form in suffixForms {
      for suffix in Self.suffixes where Self.ends(word, form.range, suffix) && form.range.count >= suffix.count + 4 {
        addSuffixForm(Form(restored: nil, range: form.range.lowerBound..<(form.range.upperBound - suffix.count)))
      }
    }
    if let root = suffixForms.firstIndex(where: { isRoot($0, of: word) }) {
      return Array(suffixForms[...root])
    }
    var result = suffixForms
    var frontier = suffixForms
    for _ in 0..<2 {
      var next: [Form] = []
      for form in frontier where form.restored == nil {
        for stripped in prefixStrips(word, form.range) where !result.contains(stripped) {
          result.append(stripped)
          if !isRoot(stripped, of: word) { next.append(stripped) }
        }
      }
      frontier = next
    }
    return result
  }

  private func prefixStrips(_ word: [UInt8], _ range: Range<Int>) -> [Form] {
    var forms: [Form] = []
    func strip(_ prefixes: [(prefix: [UInt8], restored: [UInt8?])], in range: Range<Int>) {
      for (prefix, restorations) in prefixes where Self.starts(word, range, prefix) && range.count > prefix.count + 2 {
        let rest = (range.lowerBound + prefix.count)..<range.upperBound
        for restored in restorations {
          // The restored letter only comes back before a vowel: menulis → tulis.
          if restored != nil && !Self.isVowel(word[rest.lowerBound]) { continue }
          forms.append(Form(restored: restored, range: rest))
        }
      }
    }
    strip(Self.verbPrefixes, in: range)
    // Confixes: ke-…-an, pe(N)-…-an, per-…-an, ber-…-an, which derive new words.
    if stripsDerivation && Self.ends(word, range, Array("an".utf8)) && range.count >= 7 {
      strip(Self.confixPrefixes, in: range.lowerBound..<(range.upperBound - 2))
    }
    return forms
  }

  private static func starts(_ word: [UInt8], _ range: Range<Int>, _ prefix: [UInt8]) -> Bool {
    range.count >= prefix.count && word[range.lowerBound..<(range.lowerBound + prefix.count)].elementsEqual(prefix)
  }

  private static func ends(_ word: [UInt8], _ range: Range<Int>, _ suffix: [UInt8]) -> Bool {
    range.count >= suffix.count && word[(range.upperBound - suffix.count)..<range.upperBound].elementsEqual(suffix)
  }

  private static func isVowel(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "a") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "i") || byte == UInt8(ascii: "o")
      || byte == UInt8(ascii: "u")
  }

  /// A word lowercased and without diacritics, as UTF-8.
  static func foldedBytes(_ word: String) -> [UInt8] {
    if word.utf8.allSatisfy({ $0 < 0x80 }) {
      return word.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    }
    return Array(word.lowercased().folding(options: [.diacriticInsensitive], locale: nil).utf8)
  }

  private static func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }

  private static let clitics = bytes(["nya", "lah", "kah", "pun", "ku", "mu"])
  private static let proclitics = bytes(["kau", "ku"])
  private static let suffixes = bytes(["kan", "i"])

  private static func prefixes(_ list: [(String, [String])]) -> [(prefix: [UInt8], restored: [UInt8?])] {
    list.map { prefix, restorations in
      (Array(prefix.utf8), restorations.map { $0.isEmpty ? nil : $0.utf8.first })
    }
  }

  /// Verbal prefixes and what the nasal of `meN-` may have replaced.
  private static let verbPrefixes = prefixes([
    ("memper", [""]), ("diper", [""]), ("meng", ["", "k"]), ("meny", ["s"]), ("mem", ["", "p"]),
    ("men", ["", "t"]), ("me", [""]), ("ber", [""]), ("be", [""]), ("di", [""]), ("ter", [""]),
  ])

  /// Prefixes of the confixes `ke-…-an`, `pe(N)-…-an`, `per-…-an`, `ber-…-an`.
  private static let confixPrefixes = prefixes([
    ("ke", [""]), ("per", [""]), ("ber", [""]), ("peng", ["", "k"]), ("peny", ["s"]), ("pem", ["", "p"]),
    ("pen", ["", "t"]), ("pe", [""]),
  ])
}

/// The forms an English word may be reduced to: plurals, `-ed`, `-ing`, possessives.
public enum EnglishMorphology {
  public static func reductions(of word: String) -> [String] {
    var word = word.lowercased()
    if word.hasSuffix("'s") || word.hasSuffix("’s") {
      word = String(word.dropLast(2))
    }
    var result = [word]
    func add(_ form: String) {
      if form.count >= 2 && !result.contains(form) { result.append(form) }
    }
    if word.hasSuffix("ies") && word.count > 4 { add(String(word.dropLast(3)) + "y") }
    if word.hasSuffix("es") && word.count > 3 { add(String(word.dropLast(2))) }
    if word.hasSuffix("s") && !word.hasSuffix("ss") && word.count > 3 { add(String(word.dropLast())) }
    if word.hasSuffix("ed") && word.count > 4 {
      add(String(word.dropLast(2)))
      add(String(word.dropLast(1)))
    }
    if word.hasSuffix("ing") && word.count > 5 {
      add(String(word.dropLast(3)))
      add(String(word.dropLast(3)) + "e")
    }
    return result
  }
}
