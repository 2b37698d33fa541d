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
  /// XLIFF 1.2: translated trans-units in (``XLIFFReader``), units as trans-units out.
  case xliff

  /// The format a file's extension names, or nil.
  public init?(fileExtension: String) {
    switch fileExtension.lowercased() {
    case "tmx": self = .tmx
    case "xlf", "xliff": self = .xliff
    default: return nil
    }
  }

  /// The format of the file at `url` by its root element (`<tmx>`, `<xliff>`), looked for in
  /// its first 64 KB; nil when neither is there or the file cannot be read.
  public static func detect(_ url: URL) -> MemoryFormat? {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
    defer { try? handle.close() }
    guard var head = try? handle.read(upToCount: 1 << 16) else { return nil }
    // UTF-16 (a byte order mark, or zero bytes among the first): the markup's ASCII without
    // its zero bytes is enough to tell the root element.
    if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.prefix(8).contains(0) {
      head.removeAll { $0 == 0 }
    }
    let text = String(decoding: head, as: UTF8.self)
    let tmx = text.range(of: "<tmx")?.lowerBound
    let xliff = text.range(of: "<xliff")?.lowerBound
    switch (tmx, xliff) {
    case (let tmx?, let xliff?): return tmx < xliff ? .tmx : .xliff
    case (_?, nil): return .tmx
    case (nil, _?): return .xliff
    case (nil, nil): return nil
    }
  }

  /// The reader: inline codes stripped or kept as placeholders, units in `languages` only
  /// (primary subtags; all when nil); for XLIFF, every non-empty target with `allStates`,
  /// else the finished ones.
  public func reader(
    inlineMarkup: TMXReader.InlineMarkup = .strip, languages: Set<String>? = nil, allStates: Bool = false
  ) -> any UnitReader {
    switch self {
    case .tmx: TMXReader(inlineMarkup: inlineMarkup, languages: languages)
    case .xliff: XLIFFReader(inlineMarkup: inlineMarkup, languages: languages, allStates: allStates)
    }
  }

  /// The writer of a file whose units go from `source` to `target`.
  public func writer(source: LanguageTag, target: LanguageTag) -> any UnitWriter {
    switch self {
    case .tmx: TMXWriter(sourceLanguage: source, targetLanguage: target)
    case .xliff: XLIFFUnitWriter(sourceLanguage: source, targetLanguage: target)
    }
  }
}
