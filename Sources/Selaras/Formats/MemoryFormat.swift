import Foundation

/// Reads translation units out of one memory format, streaming.
public protocol UnitReader: Sendable {
  /// Calls `body` with each unit of the file at `url` in order; returns what was skipped.
  func read(_ url: URL, _ body: (TranslationUnit) throws -> Void) throws -> [Diagnostic]
}

/// Writes translation units in one memory format, streaming: the header, each unit as it
/// comes, the footer.
public protocol UnitWriter: Sendable {
  func header() -> String
  /// The unit, as UTF-8, appended to `bytes`.
  func append(_ unit: TranslationUnit, to bytes: inout [UInt8])
  func footer() -> String
}

/// The translation memory's exchange formats, each with its reader and writer: the one place
/// a format is chosen.
public enum MemoryFormat: String, CaseIterable, Codable, Sendable {
  /// TMX 1.4b out; TMX 1.1–1.4 in.
  case tmx

  /// The format a file's extension names, or nil.
  public init?(fileExtension: String) {
    switch fileExtension.lowercased() {
    case "tmx": self = .tmx
    default: return nil
    }
  }

  /// The reader: inline codes stripped or kept as placeholders, units in `languages` only
  /// (primary subtags; all when nil).
  public func reader(inlineMarkup: TMXReader.InlineMarkup = .strip, languages: Set<String>? = nil) -> any UnitReader {
    switch self {
    case .tmx: TMXReader(inlineMarkup: inlineMarkup, languages: languages)
    }
  }

  /// The writer of a file whose units go from `source` to `target`.
  public func writer(source: LanguageTag, target: LanguageTag) -> any UnitWriter {
    switch self {
    case .tmx: TMXWriter(sourceLanguage: source, targetLanguage: target)
    }
  }
}
