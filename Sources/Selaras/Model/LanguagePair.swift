/// A translation direction: the language a store's units, a glossary's columns or an alignment
/// go from, and the one they go to.
public struct LanguagePair: Hashable, Sendable, Codable, CustomStringConvertible {
  public var source: LanguageTag
  public var target: LanguageTag

  /// English wire copy into Indonesian: what a store is made for unless told otherwise.
  public static let englishToIndonesian = LanguagePair(source: .english, target: .indonesian)

  public init(source: LanguageTag, target: LanguageTag) {
    self.source = source
    self.target = target
  }

  /// The other direction.
  public var reversed: LanguagePair { LanguagePair(source: target, target: source) }

  /// `en→id`, as `tm stats` names pairs.
  public var description: String { "\(source.language)→\(target.language)" }

  /// Reads `en→id`, `en-id` or `en>id`; nil for anything else.
  public init?(_ text: String) {
    let parts = text.split(whereSeparator: { "→->".contains($0) }).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
    self.init(source: LanguageTag(parts[0]), target: LanguageTag(parts[1]))
  }
}

/// A store that records the direction it was made for, once: the direction every command
/// working on it defaults to. A conforming type passes the conformance suite's direction test.
public protocol LanguagePairRecord: Sendable {
  /// The direction recorded for the store, or nil when none is (a store made before
  /// directions were recorded).
  func languagePair() async throws -> LanguagePair?

  /// Records `pair` unless the store already has one; returns the one in force.
  @discardableResult
  func recordLanguagePair(_ pair: LanguagePair) async throws -> LanguagePair
}
