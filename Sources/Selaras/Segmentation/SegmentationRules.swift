import Foundation
import Synchronization

/// The language-specific data the segmenter corrects ICU with: abbreviations, the words
/// that open sentences, and the patterns of site chrome.
///
/// The bundled rules live in `Resources/*.{id,en}.txt`, one file per kind and
/// language, so that they can be extended without touching code.
public struct SegmentationRules: Sendable {
  /// Abbreviations, lowercased with their final full stop, after which a sentence never ends.
  public var titles: Set<String> {
    didSet { abbreviationKinds = Self.kinds(titles: titles, ambiguous: ambiguousAbbreviations) }
  }
  /// Abbreviations that may end a sentence: the break is kept only before a sentence opener.
  public var ambiguousAbbreviations: Set<String> {
    didSet { abbreviationKinds = Self.kinds(titles: titles, ambiguous: ambiguousAbbreviations) }
  }
  /// Words that often open a sentence, as written (capitalized).
  public var sentenceStarters: Set<String>
  /// Site chrome: whole sentences and sentence openings.
  public var chrome: ChromePatterns

  enum AbbreviationKind {
    case title, ambiguous
  }

  /// `titles` and `ambiguousAbbreviations` in one table, for one lookup per boundary.
  private(set) var abbreviationKinds: [String: AbbreviationKind]

  private static func kinds(titles: Set<String>, ambiguous: Set<String>) -> [String: AbbreviationKind] {
    var kinds: [String: AbbreviationKind] = [:]
    for word in ambiguous { kinds[word] = .ambiguous }
    for word in titles { kinds[word] = .title }
    return kinds
  }

  public init(
    titles: Set<String>, ambiguousAbbreviations: Set<String>, sentenceStarters: Set<String>,
    chrome: ChromePatterns
  ) {
    self.titles = titles
    self.ambiguousAbbreviations = ambiguousAbbreviations
    self.sentenceStarters = sentenceStarters
    self.chrome = chrome
    self.abbreviationKinds = Self.kinds(titles: titles, ambiguous: ambiguousAbbreviations)
  }

  /// The rules shipped with Selaras for `language` (`id` or `en`).
  ///
  /// - Throws: `SegmentationError.unsupportedLanguage` for any other language.
  public static func bundled(for language: LanguageTag) throws(SegmentationError) -> SegmentationRules {
    let code = language.language
    guard code == "id" || code == "en" else {
      throw .unsupportedLanguage(language)
    }
    if let cached = cache.withLock({ $0[code] }) {
      return cached
    }
    let abbreviations = try sections(of: try resource("abbreviations.\(code)"))
    let starters = try sections(of: try resource("sentence-starters.\(code)"))
    let rules = SegmentationRules(
      titles: Set(abbreviations["[title]", default: []].map { $0.lowercased() }),
      ambiguousAbbreviations: Set(abbreviations["[ambiguous]", default: []].map { $0.lowercased() }),
      sentenceStarters: Set(starters["", default: []]),
      chrome: try chromePatterns("boilerplate.\(code)"))
    cache.withLock { $0[code] = rules }
    return rules
  }

  private static let cache = Mutex<[String: SegmentationRules]>([:])

  /// The chrome patterns of the bundled file `name`.txt: one a line, `= ` for a whole
  /// sentence, `^ ` for an opening.
  static func chromePatterns(_ name: String) throws(SegmentationError) -> ChromePatterns {
    let file = try resource(name)
    var exact: [String] = []
    var prefixes: [String] = []
    for (number, line) in file.lines {
      let pattern = String(line.dropFirst(2))
      if line.hasPrefix("= ") {
        exact.append(pattern)
      } else if line.hasPrefix("^ ") {
        prefixes.append(pattern)
      } else {
        throw .invalidRules(file: file.name, line: number, reason: "a pattern starts with '= ' or '^ '")
      }
    }
    return ChromePatterns(sentences: exact, prefixes: prefixes)
  }

  private struct RulesFile {
    var name: String
    /// Non-empty, non-comment lines with their 1-based numbers.
    var lines: [(Int, String)]
  }

  private static func resource(_ name: String) throws(SegmentationError) -> RulesFile {
    let fileName = "\(name).txt"
    guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else {
      throw .invalidRules(file: fileName, line: 0, reason: "bundled rules file is missing")
    }
    var lines: [(Int, String)] = []
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      lines.append((index + 1, line))
    }
    return RulesFile(name: fileName, lines: lines)
  }

  /// Groups lines under their `[section]` headers; lines before any header go under "".
  private static func sections(of file: RulesFile) throws(SegmentationError) -> [String: [String]] {
    var result: [String: [String]] = [:]
    var section = ""
    for (number, line) in file.lines {
      if line.hasPrefix("[") {
        section = line
      } else if line.contains(" ") {
        throw .invalidRules(file: file.name, line: number, reason: "an entry has no spaces")
      } else {
        result[section, default: []].append(line)
      }
    }
    return result
  }
}
