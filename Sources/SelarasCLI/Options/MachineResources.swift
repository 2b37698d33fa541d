import Selaras

/// The language data on this machine the CLI passes to the library: Debian's FreeDict
/// English–Indonesian dictionary and Hunspell word list where installed, resolved once a run.
/// JSON outputs name what was used (`"resources"`), so that a result can be traced to the
/// data that made it.
enum MachineResources {
  static let installed = LanguageResources.installed(.debian)

  /// The part of them the aligner and term capture use: the dictionary.
  static var forLexicon: LanguageResources { LanguageResources(dictionary: installed.dictionary) }

  /// The part of them glossary matching uses: the Hunspell roots.
  static var forMatching: LanguageResources { LanguageResources(hunspell: installed.hunspell) }
}
