import Foundation

/// Why a TMX file could not be read. Nothing of it is imported when this is thrown.
public enum TMXError: Error, Equatable, Sendable, CustomStringConvertible {
  case unreadable(file: String)
  case notWellFormed(file: String, line: Int, column: Int, reason: String)
  case notTMX(file: String)

  public var description: String {
    switch self {
    case .unreadable(let file): return XMLFormatMessage.unreadable(file)
    case .notWellFormed(let file, let line, let column, let reason):
      return XMLFormatMessage.notWellFormed(file, line, column, reason)
    case .notTMX(let file): return XMLFormatMessage.wrongRoot(file, root: "tmx", format: "TMX")
    }
  }
}

extension TMXError: XMLFormatError {
  static func wrongRoot(file: String) -> TMXError { .notTMX(file: file) }
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
/// - A `tu` with fewer than two languages, an empty segment or no language is skipped with a
///   warning.
/// - When `languages` is set, a `tuv` in any other language is left out with a warning, and
///   so is a `tu` left with fewer than two languages.
/// - Entities are never expanded nor fetched (see `XMLDocumentHandler`): a reference to one
///   is an error in a file without an external DTD; in a file with one, the `tu` that holds
///   it is skipped with a warning, since its text is missing. `&amp;`, `&lt;` and the
///   other predefined entities, and character references, are read as usual.
/// - CDATA sections are text.
public struct TMXReader: UnitReader {
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
    // The parse is over before `read` returns, so `body` does not outlive the call.
    try withoutActuallyEscaping(body) { body in
      let handler = Handler(file: url.path, inlineMarkup: inlineMarkup, languages: languages, body: body)
      let failure = handler.parse(.file(url))
      if let error = handler.failure { throw error }
      try TMXError.check(failure, sawRoot: handler.sawRoot, file: url.path)
      return handler.diagnostics
    }
  }

  private final class Handler: XMLDocumentHandler {
    let file: String
    let inlineMarkup: InlineMarkup
    let languages: Set<String>?
    let body: (TranslationUnit) throws -> Void
    var diagnostics: [Diagnostic] = []
    var failure: (any Error)?
    var sawRoot = false

    private enum Element: Int {
      case tmx, header, tu, tuv, seg, prop, note
      /// `bpt`, `ept`, `ph`, `it`, `ut`: inline elements whose content is native code.
      case code
    }

    private var headerSource: LanguageTag?
    private var headerTool: String?
    private var unit: PendingUnit?
    /// Whether a `tuv` is open, its language, and the UTF-8 text of its `seg`.
    private var inVariant = false
    private var variantLanguage: LanguageTag?
    private var segment: [UInt8] = []
    private var inSegment = false
    /// Depth inside inline elements whose content is native code.
    private var codeDepth = 0
    private var placeholders = 0
    private var propertyText: [UInt8] = []
    private var propertyType: String?

    private struct PendingUnit {
      var line: Int
      var tool, creationDate, changeDate, user: String?
      /// Each `tuv`'s language and text, white space collapsed.
      var variants: [(language: LanguageTag?, text: String)] = []
      var properties: [TranslationUnit.Property] = []
      /// Selaras's own properties, `x-document` and `x-score`.
      var document: String?
      var score: Double?
      /// An entity left unexpanded in the unit, whose text is missing.
      var skippedEntity: String?
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

    override func tag(_ name: String) -> Int {
      switch name {
      case "bpt", "ept", "ph", "it", "ut": return Element.code.rawValue
      case "tmx": return Element.tmx.rawValue
      case "header": return Element.header.rawValue
      case "tu": return Element.tu.rawValue
      case "tuv": return Element.tuv.rawValue
      case "seg": return Element.seg.rawValue
      case "prop": return Element.prop.rawValue
      case "note": return Element.note.rawValue
      default: return -1
      }
    }

    override func start(_ element: XMLElement, _ attributes: XMLAttributes) {
      switch Element(rawValue: element.tag) {
      case .tmx:
        sawRoot = true
      case .header:
        if let source = attributes["srclang"], source != "*all*" { headerSource = LanguageTag(source) }
        headerTool = attributes["creationtool"]
      case .tu:
        unit = PendingUnit(
          line: line, tool: attributes["creationtool"], creationDate: attributes["creationdate"],
          changeDate: attributes["changedate"], user: attributes["creationid"])
      case .tuv:
        inVariant = true
        variantLanguage = (attributes["xml:lang"] ?? attributes["lang"]).map(LanguageTag.init)
        segment.removeAll(keepingCapacity: true)
      case .seg:
        inSegment = true
        placeholders = 0
      case .code:
        guard inSegment else { break }
        if codeDepth == 0 && inlineMarkup == .placeholders {
          placeholders += 1
          segment.append(contentsOf: "{\(placeholders)}".utf8)
        }
        codeDepth += 1
      case .prop:
        propertyType = attributes["type"] ?? "prop"
        propertyText.removeAll(keepingCapacity: true)
      case .note:
        propertyType = "note"
        propertyText.removeAll(keepingCapacity: true)
      case nil:
        break
      }
    }

    override func characters(_ text: UnsafeBufferPointer<UInt8>) {
      if inSegment {
        if codeDepth == 0 && inVariant { segment.append(contentsOf: text) }
      } else if propertyType != nil {
        propertyText.append(contentsOf: text)
      }
    }

    override func skippedEntity(_ name: String) {
      if unit?.skippedEntity == nil { unit?.skippedEntity = name }
    }

    override func end(_ element: XMLElement) {
      switch Element(rawValue: element.tag) {
      case .code:
        if inSegment { codeDepth -= 1 }
      case .seg:
        inSegment = false
      case .prop, .note:
        // Properties of a tuv are kept with the unit too: there is one unit per pair.
        if let type = propertyType, unit != nil {
          let value = SegmentText.collapsed(String(decoding: propertyText, as: UTF8.self))
          switch type {
          case "x-document": unit?.document = value
          case "x-score": unit?.score = Double(value)
          default: unit?.properties.append(.init(type: type, value: value))
          }
        }
        propertyType = nil
      case .tuv:
        if inVariant {
          unit?.variants.append((variantLanguage, SegmentText.collapsed(String(decoding: segment, as: UTF8.self))))
        }
        inVariant = false
      case .tu:
        if let unit { emit(unit) }
        unit = nil
      case .tmx, .header, nil:
        break
      }
    }

    private func emit(_ pending: PendingUnit) {
      if let entity = pending.skippedEntity {
        warn(pending.line, "entity &\(entity); is not expanded (entities never are), tu skipped")
        return
      }
      var variants = pending.variants
      guard variants.count >= 2 else {
        warn(pending.line, "tu with \(variants.count) tuv, skipped")
        return
      }
      if let missing = variants.firstIndex(where: { $0.language == nil }) {
        warn(pending.line, "tuv \(missing + 1) has no language, tu skipped")
        return
      }
      if let languages, variants.contains(where: { !languages.contains($0.language!.language) }) {
        let other = variants.map { $0.language! }.filter { !languages.contains($0.language) }.map(\.rawValue)
        let kept = "Selaras keeps \(languages.sorted().joined(separator: " and "))"
        variants.removeAll { !languages.contains($0.language!.language) }
        guard variants.count >= 2 else {
          warn(pending.line, "tu in \(other.joined(separator: ", ")) skipped: \(kept)")
          return
        }
        warn(pending.line, "tuv in \(other.joined(separator: ", ")) left out: \(kept)")
      }
      if variants.contains(where: { $0.text.isEmpty }) {
        warn(pending.line, "empty segment, tu skipped")
        return
      }
      let sourceIndex = headerSource.flatMap { source in variants.firstIndex { $0.language == source } } ?? 0
      let (sourceLanguage, source) = (variants[sourceIndex].language!, variants[sourceIndex].text)
      for (index, (language, target)) in variants.enumerated() where index != sourceIndex {
        let unit = TranslationUnit(
          sourceLanguage: sourceLanguage, targetLanguage: language!, source: source, target: target,
          document: pending.document, score: pending.score, creationTool: pending.tool ?? headerTool,
          creationDate: pending.creationDate.flatMap(TMXWriter.parseDate),
          changeDate: pending.changeDate.flatMap(TMXWriter.parseDate), user: pending.user,
          properties: pending.properties)
        if let problem = unit.storageProblem {
          warn(pending.line, "tu skipped: \(problem)")
          continue
        }
        do {
          try body(unit)
        } catch {
          failure = error
          stop()
          return
        }
      }
    }

    private func warn(_ line: Int, _ message: String) {
      diagnostics.append(Diagnostic(.warning, file: file, line: line, message))
    }
  }
}
