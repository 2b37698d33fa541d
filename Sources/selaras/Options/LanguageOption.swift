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
