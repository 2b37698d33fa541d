import Foundation

/// Why an XLIFF file could not be read. Nothing of it is imported when this is thrown.
public enum XLIFFError: Error, Equatable, Sendable, CustomStringConvertible {
  case unreadable(file: String)
  case notWellFormed(file: String, line: Int, column: Int, reason: String)
  case notXLIFF(file: String)
  /// A `<file>` in languages the reader does not keep: the whole file is refused.
  case unsupportedLanguages(file: String, line: Int, source: String, target: String, kept: [String])

  public var description: String {
    switch self {
    case .unreadable(let file): return XMLFormatMessage.unreadable(file)
    case .notWellFormed(let file, let line, let column, let reason):
      return XMLFormatMessage.notWellFormed(file, line, column, reason)
    case .notXLIFF(let file): return XMLFormatMessage.wrongRoot(file, root: "xliff", format: "XLIFF")
    case .unsupportedLanguages(let file, let line, let source, let target, let kept):
      return "\(file):\(line): a file from \(source) to \(target): Selaras keeps \(kept.joined(separator: " and "))"
    }
  }
}

extension XLIFFError: XMLFormatError {
  static func wrongRoot(file: String) -> XLIFFError { .notXLIFF(file: file) }
}

/// Reads translated XLIFF 1.2 back as translation units, streaming: each `<trans-unit>`
/// whose `<target>` is done (`state` translated, reviewed, final or signed-off, the unit
/// `approved="yes"`, or no state at all, as tools that keep none write it; any non-empty
/// target with `allStates`) — a unit in another state (needs-review-translation, new, a
/// Trados draft) is skipped with a warning, so that the summary counts it — from
/// the `<file>`'s `source-language` to its `target-language`, the file's `original` as the
/// document (a unit's own `<note from="document">` before it). A unit segmented as Trados
/// and memoQ write it (`<seg-source>` and `<target>` holding `<mrk mtype="seg" mid>`) gives one
/// unit per segment, each judged by its own state where the file keeps one (Trados'
/// `<sdl:seg conf>`). `translate="no"` units, `<alt-trans>` and a PO header kept as a unit
/// (translate-toolkit's `x-gettext-domain-header`) are left out. Inline markup: the text
/// of `<g>` and `<mrk>` is kept; `<x/>`, `<bx/>`, `<ex/>` and the native code of `<bpt>`,
/// `<ept>`, `<ph>`, `<it>` are dropped, or with `.placeholders` become `{1}`, `{2}`…
/// The same rules for hostile XML as ``TMXReader``: no entity expanded, nothing fetched.
public struct XLIFFReader: UnitReader {
  public var inlineMarkup: TMXReader.InlineMarkup
  public var languages: Set<String>?
  public var allStates: Bool

  public init(inlineMarkup: TMXReader.InlineMarkup = .strip, languages: Set<String>? = nil, allStates: Bool = false) {
    self.inlineMarkup = inlineMarkup
    self.languages = languages
    self.allStates = allStates
  }

  /// The states of a finished target.
  static let doneStates: Set<String> = ["translated", "reviewed", "final", "signed-off"]

  public func read(_ url: URL, _ body: (TranslationUnit) throws -> Void) throws -> [Diagnostic] {
    try withoutActuallyEscaping(body) { body in
      let handler = Handler(file: url.path, reader: self, body: body)
      let failure = handler.parse(.file(url))
      if let error = handler.failure { throw error }
      try XLIFFError.check(failure, sawRoot: handler.sawRoot, file: url.path)
      return handler.diagnostics
    }
  }

  private final class Handler: XMLDocumentHandler {
    let file: String
    let reader: XLIFFReader
    let body: (TranslationUnit) throws -> Void
    var diagnostics: [Diagnostic] = []
    var failure: (any Error)?
    var sawRoot = false

    private enum Element: Int {
      case xliff, file, unit, source, target, altTrans, note, segSource, mark, sdlSegment
      /// `x`, `bx`, `ex`: empty placeholders; `bpt`, `ept`, `ph`, `it`: native code.
      case placeholder, code
    }

    private var original: String?
    private var sourceLanguage: LanguageTag?
    private var targetLanguage: LanguageTag?
    private var unit: (line: Int, translate: Bool)?
    private var source: String?
    private var target: (text: String, state: String?, language: LanguageTag?)?
    /// The text being read, in a `source` or `target` of the unit itself.
    private var text: [UInt8]?
    private var targetState: String?
    private var targetLanguageAttribute: LanguageTag?
    private var altTransDepth = 0
    private var codeDepth = 0
    private var placeholders = 0
    private var skipped: String?
    /// The text of a `<note from="document">` of the unit (as ``XLIFFUnitWriter`` writes
    /// a unit's document), and the document it named.
    private var documentNote: [UInt8]?
    private var unitDocument: String?
    private var approved = false
    private var segments = XLIFFSegments()
    /// Trados' state of each segment (`<sdl:seg id conf>`).
    private var segmentStates: [String: String] = [:]

    init(file: String, reader: XLIFFReader, body: @escaping (TranslationUnit) throws -> Void) {
      self.file = file
      self.reader = reader
      self.body = body
    }

    override func tag(_ name: String) -> Int {
      switch name {
      case "xliff": return Element.xliff.rawValue
      case "file": return Element.file.rawValue
      case "trans-unit": return Element.unit.rawValue
      case "source": return Element.source.rawValue
      case "target": return Element.target.rawValue
      case "alt-trans": return Element.altTrans.rawValue
      case "note": return Element.note.rawValue
      case "seg-source": return Element.segSource.rawValue
      case "mrk": return Element.mark.rawValue
      case "sdl:seg": return Element.sdlSegment.rawValue
      case "x", "bx", "ex": return Element.placeholder.rawValue
      case "bpt", "ept", "ph", "it": return Element.code.rawValue
      default: return -1
      }
    }

    override func start(_ element: XMLElement, _ attributes: XMLAttributes) {
      switch Element(rawValue: element.tag) {
      case .xliff:
        sawRoot = true
      case .file:
        original = attributes["original"]
        sourceLanguage = attributes["source-language"].map(LanguageTag.init)
        targetLanguage = attributes["target-language"].map(LanguageTag.init)
        if let languages = reader.languages, let source = sourceLanguage, let target = targetLanguage,
          !languages.contains(source.language) || !languages.contains(target.language)
        {
          failure = XLIFFError.unsupportedLanguages(
            file: file, line: line, source: source.rawValue, target: target.rawValue, kept: languages.sorted())
          stop()
        }
      case .unit:
        // translate-toolkit's po2xliff keeps the PO header as a unit: not a translation.
        unit = (line, attributes["translate"] != "no" && attributes["restype"] != "x-gettext-domain-header")
        source = nil
        target = nil
        skipped = nil
        unitDocument = nil
        approved = attributes["approved"] == "yes"
        segments.startUnit()
        segmentStates = [:]
      case .note:
        if unit != nil && altTransDepth == 0 && attributes["from"] == "document" { documentNote = [] }
      case .altTrans:
        altTransDepth += 1
      case .source, .target:
        guard unit != nil, altTransDepth == 0 else { break }
        text = []
        placeholders = 0
        segments.inTarget = Element(rawValue: element.tag) == .target
        if segments.inTarget {
          targetState = attributes["state"]
          targetLanguageAttribute = attributes["xml:lang"].map(LanguageTag.init)
        }
      case .segSource:
        guard unit != nil, altTransDepth == 0 else { break }
        segments.inSegSource = true
        placeholders = 0
      case .mark:
        guard unit != nil, altTransDepth == 0 else { break }
        // Each segment numbers its codes from {1}, in the source as in the target.
        if segments.startMark(type: attributes["mtype"], mid: attributes["mid"]) { placeholders = 0 }
      case .sdlSegment:
        if unit != nil, let id = attributes["id"], let conf = attributes["conf"] { segmentStates[id] = conf }
      case .placeholder, .code:
        guard text != nil || segments.inSegSource else { break }
        if codeDepth == 0 && reader.inlineMarkup == .placeholders {
          placeholders += 1
          let mark = Array("{\(placeholders)}".utf8)
          text?.append(contentsOf: mark)
          segments.append(mark)
        }
        if Element(rawValue: element.tag) == .code { codeDepth += 1 }
      case nil:
        break
      }
    }

    override func characters(_ characters: UnsafeBufferPointer<UInt8>) {
      if text != nil && codeDepth == 0 { text!.append(contentsOf: characters) }
      if codeDepth == 0 { segments.append(characters) }
      if documentNote != nil { documentNote!.append(contentsOf: characters) }
    }

    override func skippedEntity(_ name: String) {
      if unit != nil && skipped == nil { skipped = name }
    }

    override func end(_ element: XMLElement) {
      switch Element(rawValue: element.tag) {
      case .altTrans:
        altTransDepth -= 1
      case .note:
        if let bytes = documentNote { unitDocument = SegmentText.collapsed(String(decoding: bytes, as: UTF8.self)) }
        documentNote = nil
      case .code:
        if text != nil || segments.inSegSource { codeDepth -= 1 }
      case .mark:
        segments.endMark()
      case .segSource:
        segments.inSegSource = false
      case .source:
        if let bytes = text { source = SegmentText.collapsed(String(decoding: bytes, as: UTF8.self)) }
        text = nil
      case .target:
        if let bytes = text {
          target = (SegmentText.collapsed(String(decoding: bytes, as: UTF8.self)), targetState, targetLanguageAttribute)
        }
        text = nil
        segments.inTarget = false
      case .unit:
        if let unit { emit(line: unit.line, translate: unit.translate) }
        unit = nil
      case .xliff, .file, .placeholder, .sdlSegment, nil:
        break
      }
    }

    private func emit(line: Int, translate: Bool) {
      guard translate, let source, let target, !target.text.isEmpty, !source.isEmpty else { return }
      // A target not segmented like its seg-source is read whole, as an unsegmented unit is.
      if segments.isSegmented {
        // One unit per segment, by the target's segment of the same mid.
        for (mid, sourceText) in segments.source {
          guard let targetText = segments.target[mid], !targetText.isEmpty, !sourceText.isEmpty else { continue }
          let state = segmentStates[mid].map(Self.tradosState) ?? target.state
          emit(
            line: line, source: sourceText, target: targetText, state: state, language: target.language, segment: mid)
        }
        return
      }
      emit(
        line: line, source: source, target: target.text, state: target.state, language: target.language, segment: nil)
    }

    /// Trados' segment confirmation levels as XLIFF states.
    private static func tradosState(_ conf: String) -> String {
      switch conf {
      case "Translated": "translated"
      case "ApprovedTranslation": "reviewed"
      case "ApprovedSignOff": "signed-off"
      case "Draft": "draft"
      default: conf
      }
    }

    private func emit(
      line: Int, source: String, target targetText: String, state: String?, language: LanguageTag?, segment: String?
    ) {
      let done = approved || state.map(XLIFFReader.doneStates.contains) ?? true
      guard reader.allStates || done else {
        warn(
          line,
          "trans-unit\(segment.map { " segment \($0)" } ?? "") skipped: its target is \(state ?? "not done") "
            + "(--all-states takes it)")
        return
      }
      if let skipped {
        warn(line, "entity &\(skipped); is not expanded (entities never are), trans-unit skipped")
        return
      }
      guard let from = sourceLanguage, let to = language ?? targetLanguage else {
        warn(line, "no source-language or target-language on the file, trans-unit skipped")
        return
      }
      if let languages = reader.languages, !languages.contains(from.language) || !languages.contains(to.language) {
        warn(line, "trans-unit \(from)→\(to) skipped: Selaras keeps \(languages.sorted().joined(separator: " and "))")
        return
      }
      let unit = TranslationUnit(
        sourceLanguage: from, targetLanguage: to, source: source, target: targetText, document: unitDocument ?? original
      )
      if let problem = unit.storageProblem {
        warn(line, "trans-unit skipped: \(problem)")
        return
      }
      do {
        try body(unit)
      } catch {
        failure = error
        stop()
      }
    }

    private func warn(_ line: Int, _ message: String) {
      diagnostics.append(Diagnostic(.warning, file: file, line: line, message))
    }
  }
}
