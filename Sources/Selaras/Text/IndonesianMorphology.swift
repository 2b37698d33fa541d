/// The forms an Indonesian word may be reduced to by taking off its affixes, for matching
/// text against glossary terms.
///
/// Matching is one-way: a word in the text matches a term when one of its reductions *is*
/// the term's word. Terms are never reduced, so `pemerintah` in a text does not reach an
/// entry for `perintah` (a bare `peN-` is no affix here: it makes new words, `pemerintah`
/// "government" from `perintah` "command"), while `memperkuat` reaches `perkuat` and `kuat`,
/// `kemitraannya` reaches `kemitraan`, and `drone-drone` reaches `drone`.
///
/// Affixes handled: clitics `-nya -lah -kah -pun -ku -mu` and `ku- kau-`; reduplication
/// (`negara-negara`); suffixes `-kan -i`; prefixes `me(N)-` with the sound changes of its
/// nasal (`memp-`→`p`, `ment-`→`t`, `meng-`→`k`, `meny-`→`s`), `memper- ber- be- di- diper-
/// ter-`; confixes `ke-…-an`, `pe(N)-…-an`, `per-…-an`, `ber-…-an`. When a root-word list is
/// given (Debian's `hunspell-id`), reduction stops at a form that is a root.
public struct IndonesianMorphology: Sendable {
  /// Known root words, lowercased; empty when no list was given.
  public var roots: Set<String>

  public init(roots: Set<String> = []) {
    self.roots = roots
  }

  /// The word (lowercased) and the forms it reduces to, most specific first, without
  /// duplicates. Suffixes come off first, then prefixes (as in Nazief and Adriani's
  /// stemmer); a form that is a known root is not taken further apart.
  public func reductions(of word: String) -> [String] {
    let suffixForms = Self.suffixForms(word.lowercased())
    if let root = suffixForms.firstIndex(where: roots.contains) {
      return Array(suffixForms[...root])
    }
    var result = suffixForms
    var frontier = suffixForms
    for _ in 0..<2 {
      var next: [String] = []
      for form in frontier {
        for stripped in Self.prefixStrips(form) + Self.confixStrips(form) where !result.contains(stripped) {
          result.append(stripped)
          if !roots.contains(stripped) { next.append(stripped) }
        }
      }
      frontier = next
    }
    return result
  }

  /// The word without reduplication, clitics and the suffixes `-kan` and `-i`, each step
  /// applied to the forms before it.
  static func suffixForms(_ word: String) -> [String] {
    var forms = [word]
    if let dash = word.firstIndex(of: "-") {
      let first = word[..<dash]
      let second = word[word.index(after: dash)...]
      if !first.isEmpty && second.hasPrefix(first) {
        forms.append(String(first) + String(second.dropFirst(first.count)))
      }
    }
    for form in forms {
      for clitic in ["nya", "lah", "kah", "pun", "ku", "mu"] where form.hasSuffix(clitic) && form.count >= clitic.count + 3 {
        forms.append(String(form.dropLast(clitic.count)))
      }
      for clitic in ["kau", "ku"] where form.hasPrefix(clitic) && form.count >= clitic.count + 4 {
        forms.append(String(form.dropFirst(clitic.count)))
      }
    }
    for form in forms {
      for suffix in ["kan", "i"] where form.hasSuffix(suffix) && form.count >= suffix.count + 4 {
        forms.append(String(form.dropLast(suffix.count)))
      }
    }
    var unique: [String] = []
    for form in forms where !unique.contains(form) {
      unique.append(form)
    }
    return unique
  }

  private static func confixStrips(_ word: String) -> [String] {
    guard word.hasSuffix("an") && word.count >= 7 else { return [] }
    let inner = String(word.dropLast(2))
    var forms: [String] = []
    for (prefix, replacements) in confixPrefixes where inner.hasPrefix(prefix) && inner.count > prefix.count + 2 {
      let rest = inner.dropFirst(prefix.count)
      for replacement in replacements {
        if !replacement.isEmpty && !(rest.first.map(isVowel) ?? false) { continue }
        forms.append(replacement + rest)
      }
    }
    return forms
  }

  private static func prefixStrips(_ word: String) -> [String] {
    var forms: [String] = []
    for (prefix, replacements) in verbPrefixes where word.hasPrefix(prefix) && word.count > prefix.count + 2 {
      let rest = word.dropFirst(prefix.count)
      for replacement in replacements {
        // The restored consonant only comes back before a vowel: menulis → tulis.
        if !replacement.isEmpty && !(rest.first.map(isVowel) ?? false) { continue }
        forms.append(replacement + rest)
      }
    }
    return forms
  }

  private static func isVowel(_ character: Character) -> Bool {
    "aeiou".contains(character)
  }

  /// Verbal prefixes and what the nasal of `meN-` may have replaced.
  private static let verbPrefixes: [(String, [String])] = [
    ("memper", [""]), ("diper", [""]), ("meng", ["", "k"]), ("meny", ["s"]), ("mem", ["", "p"]),
    ("men", ["", "t"]), ("me", [""]), ("ber", [""]), ("be", [""]), ("di", [""]), ("ter", [""]),
  ]

  /// Prefixes of the confixes `ke-…-an`, `pe(N)-…-an`, `per-…-an`, `ber-…-an`.
  private static let confixPrefixes: [(String, [String])] = [
    ("ke", [""]), ("per", [""]), ("ber", [""]), ("peng", ["", "k"]), ("peny", ["s"]), ("pem", ["", "p"]),
    ("pen", ["", "t"]), ("pe", [""]),
  ]
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
