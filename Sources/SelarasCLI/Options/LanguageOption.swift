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

  /// The other of Selaras's two languages.
  var other: LanguageTag { self == .english ? .indonesian : .english }

  /// "English" or "Indonesian", for messages.
  var name: String { self == .english ? "English" : self == .indonesian ? "Indonesian" : rawValue }
}

/// `--lang`: the language of a command's text; the store's source language unless given.
struct LanguageOption: ParsableArguments {
  @Option(help: "The language of the text: id or en (default: the store's source language).")
  var lang: LanguageTag?

  func validate() throws {
    try lang?.validateSupported("--lang")
  }

  /// `--lang`, else the source language of the store's direction.
  func resolved(_ store: StoreOptions) async throws -> LanguageTag {
    if let lang { return lang }
    return try await store.direction().source
  }
}

/// `--source-lang` and `--target-lang`: the direction a command works in, the store's unless
/// given. One of them names the other too (Selaras has two languages).
struct LanguagePairOptions: ParsableArguments {
  @Option(help: "The source language: id or en (default: the store's; en for a new store).")
  var sourceLang: LanguageTag?

  @Option(help: "The target language: id or en (default: the other one).")
  var targetLang: LanguageTag?

  func validate() throws {
    try sourceLang?.validateSupported("--source-lang")
    try targetLang?.validateSupported("--target-lang")
    if let sourceLang, sourceLang == targetLang {
      throw ValidationError(
        "--source-lang and --target-lang are both '\(sourceLang.language)': one is id, the other en")
    }
  }

  /// The direction the command line names, nil when it names none.
  var given: LanguagePair? {
    switch (sourceLang, targetLang) {
    case (nil, nil): nil
    case (let source?, let target?): LanguagePair(source: source, target: target)
    case (let source?, nil): LanguagePair(source: source, target: source.other)
    case (nil, let target?): LanguagePair(source: target.other, target: target)
    }
  }

  /// The direction named, else the store's.
  func resolved(_ store: StoreOptions) async throws -> LanguagePair {
    if let given { return given }
    return try await store.direction()
  }
}
