import ArgumentParser
import Selaras

/// Which language each side of an article pair reads as, against the direction the command
/// works in: files given the wrong way round are caught before their pairs are stored.
enum SideLanguageCheck {
  /// Warns on stderr when a side reads as the other language, or, when `saving` without
  /// `force`, refuses: pairs stored the wrong way round would mislead every later search.
  static func check(
    source: String, target: String, names: (source: String, target: String), direction: LanguagePair,
    saving: Bool, force: Bool
  ) throws {
    let read = (LanguageIdentification.language(of: source), LanguageIdentification.language(of: target))
    var problems: [String] = []
    if read.0 == direction.target && read.1 == direction.source {
      problems.append(
        "\(names.source) and \(names.target) look swapped: \(names.source) reads as \(direction.target.name), "
          + "\(names.target) as \(direction.source.name) (the direction is \(direction))")
    } else {
      if let language = read.0, language != direction.source {
        problems.append("\(names.source) reads as \(language.name), not \(direction.source.name)")
      }
      if let language = read.1, language != direction.target {
        problems.append("\(names.target) reads as \(language.name), not \(direction.target.name)")
      }
    }
    guard !problems.isEmpty else { return }
    let message = problems.joined(separator: "; ")
    if saving && !force {
      throw CommandError(
        "\(message): nothing saved. Give the files in the store's direction, name the direction "
          + "(--source-lang, --target-lang), or --force to save as is")
    }
    printError("warning: \(message)")
  }
}
