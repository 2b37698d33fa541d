import Foundation

/// The machine's language data a run uses: a bilingual dictionary for the aligner's and
/// term capture's lexicon, and a Hunspell word list whose roots guard the glossary's
/// matching against over-stemming. Explicit inputs, so that results depend on what the
/// caller passes, not on what happens to be installed: the CLI and the bench resolve them
/// (``installed(_:)``) and name them in their JSON.
public struct LanguageResources: Codable, Hashable, Sendable {
  /// A dictd dictionary, English headwords with Indonesian translations.
  public struct DictdFiles: Codable, Hashable, Sendable {
    public var index: String
    public var data: String

    public init(index: String, data: String) {
      self.index = index
      self.data = data
    }
  }

  /// The dictionary merged into the built-in word list, or none.
  public var dictionary: DictdFiles?
  /// The Hunspell `.dic` file of Indonesian roots, or none.
  public var hunspell: String?

  public init(dictionary: DictdFiles? = nil, hunspell: String? = nil) {
    self.dictionary = dictionary
    self.hunspell = hunspell
  }

  /// No resources: the built-in word list alone, and no Hunspell roots.
  public static let none = LanguageResources()

  /// Where Debian installs them: `dict-freedict-eng-ind` and `hunspell-id`.
  public static let debian = LanguageResources(
    dictionary: DictdFiles(
      index: "/usr/share/dictd/freedict-eng-ind.index", data: "/usr/share/dictd/freedict-eng-ind.dict.dz"),
    hunspell: "/usr/share/hunspell/id_ID.dic")

  /// Those of `candidates` whose files exist: what a caller that wants the machine's
  /// resources asks for, once, and then passes on.
  public static func installed(_ candidates: LanguageResources = .debian) -> LanguageResources {
    let exists = { FileManager.default.fileExists(atPath: $0) }
    return LanguageResources(
      dictionary: candidates.dictionary.flatMap { exists($0.index) && exists($0.data) ? $0 : nil },
      hunspell: candidates.hunspell.flatMap { exists($0) ? $0 : nil })
  }

  /// The built-in word list, with the dictionary's translations when there is one.
  ///
  /// - Throws: `DictdError` when the dictionary cannot be read.
  public func lexicon() throws -> Lexicon {
    var lexicon = Lexicon.builtIn
    if let dictionary {
      lexicon.merge(
        try Lexicon(
          englishIndonesianDictd: URL(fileURLWithPath: dictionary.index), data: URL(fileURLWithPath: dictionary.data)))
    }
    return lexicon
  }

  /// The Indonesian morphology, with the Hunspell roots when there are some.
  public func morphology() throws -> IndonesianMorphology {
    try hunspell.map { try IndonesianMorphology(hunspellDictionary: URL(fileURLWithPath: $0)) } ?? IndonesianMorphology()
  }
}
