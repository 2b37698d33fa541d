import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Why a TMX file could not be read. Nothing of it is imported when this is thrown.
public enum TMXError: Error, Equatable, Sendable, CustomStringConvertible {
  case unreadable(file: String)
  case notWellFormed(file: String, line: Int, column: Int, reason: String)
  case notTMX(file: String)

  public var description: String {
    switch self {
    case .unreadable(let file): return "\(file): cannot read the file"
    case .notWellFormed(let file, let line, let column, let reason):
      return "\(file):\(line):\(column): not well-formed XML: \(reason)"
    case .notTMX(let file): return "\(file): no <tmx> root element: not TMX"
    }
  }
}

/// Reads TMX 1.1–1.4 as written by any tool, streaming: units are handed over one by one
/// and the file is never in memory whole.
///
/// - Languages in any case and region (`id`, `id-ID`, `IN-ID`, `EN-US`), in `xml:lang` or
///   TMX 1.1's `lang`.
/// - Inline markup: the native codes of `<bpt> <ept> <ph> <it> <ut>` are dropped (or, with
///   `.placeholders`, replaced by `{1}`, `{2}`…); the text of `<hi>` is kept.
/// - `<prop>` and `<note>` of the `tu` are kept; `creationdate`, `creationid`, `changedate`,
///   `creationtool` and Selaras's own `x-document`/`x-score` fill the unit's fields.
/// - A `tu` with fewer than two languages, an empty segment (an entity that was not
///   expanded, for instance) or no language is skipped with a warning.
/// - When `languages` is set, a `tuv` in any other language is left out with a warning, and
///   so is a `tu` left with fewer than two languages.
/// - External entities are never resolved; entity bombs are refused by libxml2.
public struct TMXReader: Sendable {
  public enum InlineMarkup: Sendable {
    case strip, placeholders
  }

  public var inlineMarkup: InlineMarkup
  /// The primary language subtags to keep (`id`, `en`); nil keeps every language.
  public var languages: Set<String>?

  public init(inlineMarkup: InlineMarkup = .strip, languages: Set<String>? = nil) {
    self.inlineMarkup = inlineMarkup
    self.languages = languages
  }

  /// Reads `url`, calling `body` with each unit from the source language (the header's
  /// `srclang`, else each `tu`'s first `tuv`) to every other language of the `tu`.
  ///
  /// - Returns: Warnings for what was skipped.
  /// - Throws: `TMXError`, or whatever `body` throws.
  public func read(_ url: URL, _ body: (TranslationUnit) throws -> Void) throws -> [Diagnostic] {
    guard let stream = InputStream(url: url) else { throw TMXError.unreadable(file: url.path) }
    let parser = XMLParser(stream: stream)
    parser.shouldResolveExternalEntities = false
    // The parse is over before `read` returns, so `body` does not outlive the call.
    return try withoutActuallyEscaping(body) { body in
      let handler = Handler(file: url.path, inlineMarkup: inlineMarkup, languages: languages, body: body)
      parser.delegate = handler
      _ = parser.parse()
      try finish(handler, parser, url)
      return handler.diagnostics
    }
  }

  private func finish(_ handler: Handler, _ parser: XMLParser, _ url: URL) throws {
    if let failure = handler.failure { throw failure }
    if let malformation = handler.malformation(parser) {
      if !FileManager.default.isReadableFile(atPath: url.path) { throw TMXError.unreadable(file: url.path) }
      throw TMXError.notWellFormed(
        file: url.path, line: malformation.line, column: malformation.column, reason: malformation.reason)
    }
    guard handler.sawRoot else { throw TMXError.notTMX(file: url.path) }
  }

  private final class Handler: XMLDocumentHandler {
    let file: String
    let inlineMarkup: InlineMarkup
    let languages: Set<String>?
    let body: (TranslationUnit) throws -> Void
    var diagnostics: [Diagnostic] = []
    var failure: (any Error)?
    var sawRoot = false

    private var headerSource: LanguageTag?
    private var headerTool: String?
    private var unit: PendingUnit?
    private var variant: (language: LanguageTag?, text: String)?
    private var inSegment = false
    /// Depth inside inline elements whose content is native code.
    private var codeDepth = 0
    private var placeholders = 0
    private var text = ""
    private var propertyType: String?

    private struct PendingUnit {
      var line: Int
      var attributes: [String: String]
      var variants: [(language: LanguageTag?, text: String)] = []
      var properties: [TranslationUnit.Property] = []
    }

    init(
      file: String, inlineMarkup: InlineMarkup, languages: Set<String>?,
      body: @escaping (TranslationUnit) throws -> Void
    ) {
      self.file = file
      self.inlineMarkup = inlineMarkup
      self.languages = languages
      self.body = body
    }

    override func start(_ parser: XMLParser, _ name: String, _ attributes: [String: String]) {
      switch name {
      case "tmx":
        sawRoot = true
      case "header":
        if let source = attributes["srclang"], source != "*all*" { headerSource = LanguageTag(source) }
        headerTool = attributes["creationtool"]
      case "tu":
        unit = PendingUnit(line: parser.lineNumber, attributes: attributes)
      case "tuv":
        variant = ((attributes["xml:lang"] ?? attributes["lang"]).map(LanguageTag.init), "")
      case "seg":
        inSegment = true
        placeholders = 0
      case "bpt", "ept", "ph", "it", "ut":
        guard inSegment else { break }
        if codeDepth == 0 && inlineMarkup == .placeholders {
          placeholders += 1
          variant?.text += "{\(placeholders)}"
        }
        codeDepth += 1
      case "prop", "note":
        propertyType = name == "note" ? "note" : attributes["type"] ?? "prop"
        text = ""
      default:
        break
      }
    }

    override func characters(_ string: String) {
      if inSegment {
        if codeDepth == 0 { variant?.text += string }
      } else if propertyType != nil {
        text += string
      }
    }

    override func end(_ parser: XMLParser, _ name: String) {
      switch name {
      case "bpt", "ept", "ph", "it", "ut":
        if inSegment { codeDepth -= 1 }
      case "seg":
        inSegment = false
      case "prop", "note":
        // Properties of a tuv are kept with the unit too: there is one unit per pair.
        if let type = propertyType, unit != nil {
          unit?.properties.append(.init(type: type, value: Self.collapsed(text)))
        }
        propertyType = nil
      case "tuv":
        if let variant { unit?.variants.append(variant) }
        variant = nil
      case "tu":
        if let unit { emit(unit, parser) }
        unit = nil
      default:
        break
      }
    }

    private func emit(_ pending: PendingUnit, _ parser: XMLParser) {
      var variants = pending.variants.map { ($0.language, Self.collapsed($0.text)) }
      guard variants.count >= 2 else {
        warn(pending.line, "tu with \(variants.count) tuv, skipped")
        return
      }
      if let missing = variants.firstIndex(where: { $0.0 == nil }) {
        warn(pending.line, "tuv \(missing + 1) has no language, tu skipped")
        return
      }
      if let languages, variants.contains(where: { !languages.contains($0.0!.language) }) {
        let other = variants.map { $0.0! }.filter { !languages.contains($0.language) }.map(\.rawValue)
        let kept = "Selaras keeps \(languages.sorted().joined(separator: " and "))"
        variants.removeAll { !languages.contains($0.0!.language) }
        guard variants.count >= 2 else {
          warn(pending.line, "tu in \(other.joined(separator: ", ")) skipped: \(kept)")
          return
        }
        warn(pending.line, "tuv in \(other.joined(separator: ", ")) left out: \(kept)")
      }
      if variants.contains(where: { $0.1.isEmpty }) {
        warn(pending.line, "empty segment (an entity that was not expanded?), tu skipped")
        return
      }
      let sourceIndex = headerSource.flatMap { source in variants.firstIndex { $0.0 == source } } ?? 0
      let (sourceLanguage, source) = (variants[sourceIndex].0!, variants[sourceIndex].1)
      var properties = pending.properties
      var document: String?
      var score: Double?
      properties.removeAll { property in
        switch property.type {
        case "x-document": document = property.value
        case "x-score": score = Double(property.value)
        default: return false
        }
        return true
      }
      for (index, (language, target)) in variants.enumerated() where index != sourceIndex {
        let unit = TranslationUnit(
          sourceLanguage: sourceLanguage, targetLanguage: language!, source: source, target: target, document: document,
          score: score, creationTool: pending.attributes["creationtool"] ?? headerTool,
          creationDate: pending.attributes["creationdate"].flatMap(TMXWriter.parseDate),
          changeDate: pending.attributes["changedate"].flatMap(TMXWriter.parseDate), user: pending.attributes["creationid"],
          properties: properties)
        do {
          try body(unit)
        } catch {
          failure = error
          parser.abortParsing()
          return
        }
      }
    }

    private func warn(_ line: Int, _ message: String) {
      diagnostics.append(Diagnostic(.warning, file: file, line: line, message))
    }

    /// The text trimmed, with runs of white space as one space; the string itself when it
    /// is already so, as almost every segment is.
    private static func collapsed(_ text: String) -> String {
      var text = text
      let isClean = text.withUTF8 { bytes in
        var previousSpace = true
        for index in bytes.indices {
          let byte = bytes[index]
          let isSpace = byte == 0x20
          if isSpace && previousSpace || (0x09...0x0D).contains(byte) || byte >= 0xC2 && isUnicodeSpace(bytes, index) {
            return false
          }
          previousSpace = isSpace
        }
        return !previousSpace || bytes.isEmpty
      }
      return isClean ? text : text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether a white-space character other than ASCII's starts at `index`: U+0085, U+00A0,
    /// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F or U+3000.
    private static func isUnicodeSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
      func byte(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
      switch bytes[index] {
      case 0xC2: return byte(1) == 0x85 || byte(1) == 0xA0
      case 0xE1: return byte(1) == 0x9A && byte(2) == 0x80
      case 0xE2:
        return byte(1) == 0x80 && ((0x80...0x8A).contains(byte(2)) || [0xA8, 0xA9, 0xAF].contains(byte(2)))
          || byte(1) == 0x81 && byte(2) == 0x9F
      case 0xE3: return byte(1) == 0x80 && byte(2) == 0x80
      default: return false
      }
    }
  }
}
