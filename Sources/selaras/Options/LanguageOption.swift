import ArgumentParser
import Selaras

extension LanguageTag: ExpressibleByArgument {
  public init?(argument: String) {
    let tag = LanguageTag(argument)
    guard !tag.language.isEmpty, tag.language.allSatisfy(\.isLetter) else { return nil }
    self = tag
  }
}

extension LanguageTag {
  /// Throws a usage error unless Selaras supports the language (id or en).
  func validateSupported(_ flag: String) throws {
    guard self == .indonesian || self == .english else {
      throw ValidationError("unsupported language '\(self)' for \(flag): use id or en")
    }
  }
}

/// A language a command defaults to.
protocol DefaultLanguage {
  static var tag: LanguageTag { get }
}

enum English: DefaultLanguage {
  static var tag: LanguageTag { .english }
}

enum Indonesian: DefaultLanguage {
  static var tag: LanguageTag { .indonesian }
}

/// `--lang`: the language of a command's text, `Default` unless given.
struct LanguageOption<Default: DefaultLanguage>: ParsableArguments {
  @Option(help: "The language of the text: id or en.")
  var lang: LanguageTag = Default.tag

  func validate() throws {
    try lang.validateSupported("--lang")
  }
}

/// `--source-lang` and `--target-lang`, `Source` and `Target` unless given.
struct LanguagePairOptions<Source: DefaultLanguage, Target: DefaultLanguage>: ParsableArguments {
  @Option(help: "The source language: id or en.")
  var sourceLang: LanguageTag = Source.tag

  @Option(help: "The target language: id or en.")
  var targetLang: LanguageTag = Target.tag

  func validate() throws {
    try sourceLang.validateSupported("--source-lang")
    try targetLang.validateSupported("--target-lang")
    guard sourceLang != targetLang else {
      throw ValidationError("--source-lang and --target-lang are both '\(sourceLang.language)': one is id, the other en")
    }
  }
}
