import Foundation

/// A bilingual word list, Indonesian to English, that the aligner uses as anchors.
///
/// Words are kept lowercased; lookups try the Indonesian word as written and then with
/// its clitics and common affixes removed (see ``candidates(for:)``).
public struct Lexicon: Sendable {
  /// Indonesian word or phrase → English words.
  public private(set) var translations: [String: [String]] = [:]

  public init() {}

  public var count: Int { translations.count }

  public mutating func add(indonesian: String, english: String) {
    let key = indonesian.lowercased()
    let value = english.lowercased()
    guard !key.isEmpty, !value.isEmpty else { return }
    if translations[key]?.contains(value) != true {
      translations[key, default: []].append(value)
    }
  }

  public mutating func merge(_ other: Lexicon) {
    for (word, english) in other.translations {
      for translation in english {
        add(indonesian: word, english: translation)
      }
    }
  }

  /// The English words for an Indonesian word, trying its stripped forms in turn.
  public func english(for word: String) -> [String] {
    for candidate in Self.candidates(for: word.lowercased()) {
      if let found = translations[candidate] {
        return found
      }
    }
    return []
  }

  /// The forms of an Indonesian word to look up, most specific first: the word, without
  /// a clitic (`-nya`, `-lah`, `-kah`, `-pun`), without a suffix (`-kan`, `-an`, `-i`),
  /// without a prefix (`di-`, `ter-`, `ber-`, `me(N)-`, `pe(N)-`, `se-`, `ke-`), and the
  /// base of a reduplication (`negara-negara`).
  ///
  /// This is a light stemmer for alignment anchors; the glossary has the full morphology.
  public static func candidates(for word: String) -> [String] {
    var result = [word]
    var base = word
    if let dash = base.firstIndex(of: "-") {
      let first = String(base[..<dash])
      let second = String(base[base.index(after: dash)...])
      if second.hasPrefix(first) || first == second {
        base = first
        result.append(base)
      }
    }
    for clitic in ["nya", "lah", "kah", "pun"] where base.hasSuffix(clitic) && base.count > clitic.count + 3 {
      base = String(base.dropLast(clitic.count))
      result.append(base)
      break
    }
    var withoutSuffix = base
    for suffix in ["kan", "an", "i"] where base.hasSuffix(suffix) && base.count > suffix.count + 3 {
      withoutSuffix = String(base.dropLast(suffix.count))
      result.append(withoutSuffix)
      break
    }
    for stem in [base, withoutSuffix] {
      for (prefix, replacement) in Self.prefixes where stem.hasPrefix(prefix) && stem.count > prefix.count + 2 {
        result.append(replacement + stem.dropFirst(prefix.count))
      }
    }
    return result
  }

  private static let prefixes: [(String, String)] = [
    ("memper", ""), ("meng", ""), ("meng", "k"), ("meny", "s"), ("mem", "p"), ("mem", ""), ("men", "t"), ("men", ""),
    ("me", ""), ("di", ""), ("ter", ""), ("ber", ""), ("pem", "p"), ("pen", "t"), ("peng", ""), ("peng", "k"),
    ("pe", ""), ("per", ""), ("se", ""), ("ke", ""),
  ]

  /// The word list shipped with Selaras (`Resources/lexicon.id-en.tsv`).
  public static let builtIn: Lexicon = {
    var lexicon = Lexicon()
    guard let url = Bundle.module.url(forResource: "lexicon.id-en", withExtension: "tsv", subdirectory: "Resources"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { return lexicon }
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let fields = line.split(separator: "\t")
      guard fields.count >= 2 else { continue }
      for english in fields[1].split(separator: ",") {
        lexicon.add(indonesian: String(fields[0]), english: english.trimmingCharacters(in: .whitespaces))
      }
    }
    return lexicon
  }()
}
