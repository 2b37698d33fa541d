import Foundation

/// The translated article a translated XLIFF 1.2 holds: each `<trans-unit>`'s target (or, not
/// translated, its source) in document order, the units of one `<group>` as one paragraph
/// (``XLIFFWriter`` writes a group per paragraph; a unit outside any group is a paragraph of
/// its own), paragraphs separated by a blank line. A unit segmented as Trados and memoQ write
/// it (`<mrk mtype="seg">`) takes each segment's target, or its source where the segment has
/// none. `translate="no"` units keep their source. Any target counts, whatever its state: the
/// translator sends the file back when it is done.
public struct XLIFFMerger {
  /// The article, and how many units were translated and how many kept their source.
  public struct Merged: Sendable, Equatable {
    public var text: String
    public var translated: Int
    public var untranslated: Int
    /// Units marked `translate="no"`, kept as they are.
    public var kept: Int
  }

  public init() {}

  public func merge(_ url: URL) throws -> Merged {
    let handler = Handler()
    try XLIFFError.check(handler.parse(.file(url)), sawRoot: handler.sawRoot, file: url.path)
    handler.closeParagraph()
    return Merged(
      text: handler.paragraphs.joined(separator: "\n\n") + (handler.paragraphs.isEmpty ? "" : "\n"),
      translated: handler.translated, untranslated: handler.untranslated, kept: handler.kept)
  }

  private final class Handler: XMLDocumentHandler {
    var sawRoot = false
    var paragraphs: [String] = []
    var translated = 0
    var untranslated = 0
    var kept = 0

    private enum Element: Int {
      case xliff, group, unit, source, target, segSource, mark, altTrans
      /// `bpt`, `ept`, `ph`, `it`: native code, not text.
      case code
    }

    private var current: [String] = []
    private var groupDepth = 0
    private var altTransDepth = 0
    private var unit: (translate: Bool, source: String?, target: String?)?
    private var text: [UInt8]?
    private var codeDepth = 0
    private var segments = XLIFFSegments()

    override func tag(_ name: String) -> Int {
      switch name {
      case "xliff": Element.xliff.rawValue
      case "group": Element.group.rawValue
      case "trans-unit": Element.unit.rawValue
      case "source": Element.source.rawValue
      case "target": Element.target.rawValue
      case "seg-source": Element.segSource.rawValue
      case "mrk": Element.mark.rawValue
      case "alt-trans": Element.altTrans.rawValue
      case "bpt", "ept", "ph", "it": Element.code.rawValue
      default: -1
      }
    }

    func closeParagraph() {
      if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
      current = []
    }

    override func start(_ element: XMLElement, _ attributes: XMLAttributes) {
      switch Element(rawValue: element.tag) {
      case .xliff: sawRoot = true
      case .group:
        closeParagraph()
        groupDepth += 1
      case .unit:
        if groupDepth == 0 { closeParagraph() }
        unit = (attributes["translate"] != "no", nil, nil)
        segments.startUnit()
      case .altTrans: altTransDepth += 1
      case .source, .target:
        if unit != nil && altTransDepth == 0 {
          text = []
          segments.inTarget = Element(rawValue: element.tag) == .target
        }
      case .code:
        codeDepth += 1
      case .segSource:
        if unit != nil && altTransDepth == 0 { segments.inSegSource = true }
      case .mark:
        guard unit != nil, altTransDepth == 0 else { break }
        _ = segments.startMark(type: attributes["mtype"], mid: attributes["mid"])
      case nil: break
      }
    }

    override func characters(_ characters: UnsafeBufferPointer<UInt8>) {
      guard codeDepth == 0 else { return }
      text?.append(contentsOf: characters)
      segments.append(characters)
    }

    override func end(_ element: XMLElement) {
      switch Element(rawValue: element.tag) {
      case .group:
        closeParagraph()
        groupDepth -= 1
      case .altTrans: altTransDepth -= 1
      case .source:
        if let bytes = text { unit?.source = SegmentText.collapsed(String(decoding: bytes, as: UTF8.self)) }
        text = nil
      case .target:
        if let bytes = text { unit?.target = SegmentText.collapsed(String(decoding: bytes, as: UTF8.self)) }
        text = nil
        segments.inTarget = false
      case .code:
        codeDepth -= 1
      case .segSource: segments.inSegSource = false
      case .mark: segments.endMark()
      case .unit:
        if let unit { add(unit) }
        unit = nil
        if groupDepth == 0 { closeParagraph() }
      case .xliff, nil: break
      }
    }

    private func add(_ unit: (translate: Bool, source: String?, target: String?)) {
      let source = unit.source ?? ""
      guard unit.translate else {
        kept += 1
        if !source.isEmpty { current.append(source) }
        return
      }
      // A target not segmented like its seg-source is taken whole.
      if segments.isSegmented {
        let texts = segments.source.map { segment in
          segments.target[segment.mid].flatMap { $0.isEmpty ? nil : $0 } ?? segment.text
        }
        let done = segments.source.allSatisfy { segments.target[$0.mid].map { !$0.isEmpty } ?? false }
        if done { translated += 1 } else { untranslated += 1 }
        current.append(texts.filter { !$0.isEmpty }.joined(separator: " "))
        return
      }
      if let target = unit.target, !target.isEmpty {
        translated += 1
        current.append(target)
      } else {
        untranslated += 1
        if !source.isEmpty { current.append(source) }
      }
    }
  }
}
