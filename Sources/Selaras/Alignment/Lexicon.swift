import Foundation

/// A bilingual word list, Indonesian to English, that the aligner uses as anchors.
///
/// Words are kept lowercased; lookups try the Indonesian word as written and then with
/// its affixes removed (see ``english(for:)``).
public struct Lexicon: Sendable {
  /// Indonesian word or phrase → English words.
  public private(set) var translations: [String: [String]] = [:]
  /// The first words of the two-word entries (`rumah` of `rumah sakit`).
  private(set) var phraseStarts: Set<String> = []

  public init() {}

  public var count: Int { translations.count }

  public mutating func add(indonesian: String, english: String) {
    let key = indonesian.lowercased()
    let value = english.lowercased()
    guard !key.isEmpty, !value.isEmpty else { return }
    if translations[key]?.contains(value) != true {
      translations[key, default: []].append(value)
    }
    let words = key.split(separator: " ")
    if words.count == 2 {
      phraseStarts.insert(String(words[0]))
    }
  }

  public mutating func merge(_ other: Lexicon) {
    for (word, english) in other.translations {
      for translation in english {
        add(indonesian: word, english: translation)
      }
    }
  }

  /// The English words for an Indonesian word, trying the word and then the forms its
  /// affixes reduce it to (``IndonesianMorphology``), most specific first.
  public func english(for word: String) -> [String] {
    for candidate in Self.morphology.reductions(of: word) {
      if let found = translations[candidate] {
        return found
      }
    }
    return []
  }

  private static let morphology = IndonesianMorphology(stripsDerivation: true)

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

extension Lexicon {
  /// The glossary's term pairs as lexicon entries: every Indonesian term of a concept
  /// with every English one (forbidden terms left out), so that accepted terms anchor the
  /// aligner.
  public init(glossary entries: [TermEntry]) {
    self.init()
    for entry in entries {
      let english = entry.terms(in: .english).filter { $0.status != .forbidden }
      for indonesian in entry.terms(in: .indonesian) where indonesian.status != .forbidden {
        for term in english {
          add(indonesian: indonesian.text, english: term.text)
        }
      }
    }
  }
}
