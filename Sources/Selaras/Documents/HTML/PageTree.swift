internal import CXML
import Foundation

/// A page parsed by libxml2's HTML parser into elements and text, in document order: what
/// the extractor walks. Element 0 stands for the document.
struct PageTree {
  struct Element {
    /// The lower-case tag name.
    var name: String
    var parent: Int
    /// The attributes the extractor reads (``PageTree/keptAttributes``), lower-case names.
    var attributes: [String: String]
    var children: [Node] = []
  }

  enum Node {
    case element(Int)
    case text(String)
  }

  private(set) var elements: [Element] = [Element(name: "#document", parent: -1, attributes: [:])]

  /// The deepest nesting a page may have: deeper pages are refused, not parsed (no real page
  /// comes near; a hostile one would make every walk of the tree recurse that deep).
  static let maximumDepth = 512

  /// Attributes the extractor reads; others are dropped as the page is read.
  static let keptAttributes: Set<String> = [
    "id", "class", "role", "itemprop", "itemtype", "hidden", "aria-hidden", "style", "href", "lang", "name",
    "property", "content", "type", "data-testid", "data-component", "datetime", "rel", "http-equiv",
  ]

  /// Parses UTF-8 bytes of a page.
  init(utf8 bytes: [UInt8]) throws(DocumentError) {
    let builder = Builder()
    let status = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        var callbacks = Builder.callbacks
        return chtml_parse(
          &callbacks, Unmanaged.passUnretained(builder).toOpaque(), chars.baseAddress, Int32(chars.count),
          Int32(Self.maximumDepth))
      }
    }
    if status == 1 { throw .tooDeep(limit: Self.maximumDepth) }
    builder.flush()
    elements = builder.elements
  }

  func attribute(_ name: String, of element: Int) -> String? {
    elements[element].attributes[name]
  }

  /// The indices of the elements named `name`, in document order.
  func all(_ name: String) -> [Int] {
    elements.indices.filter { elements[$0].name == name }
  }

  /// The text of an element and everything in it, white space collapsed to single spaces.
  func text(of element: Int) -> String {
    var pieces = ""
    appendText(of: element, to: &pieces)
    return PageText.collapsed(pieces)
  }

  /// The text directly inside an element, as written: a script's source.
  func rawText(of element: Int) -> String {
    elements[element].children.reduce(into: "") { text, child in
      if case .text(let piece) = child { text += piece }
    }
  }

  private func appendText(of element: Int, to pieces: inout String) {
    for child in elements[element].children {
      switch child {
      case .text(let text): pieces += text
      case .element(let index):
        let name = elements[index].name
        if PageTree.invisible.contains(name) { continue }
        if name == "br" { pieces += "\n" }
        appendText(of: index, to: &pieces)
        if PageTree.blockNames.contains(name) { pieces += " " }
      }
    }
  }

  /// Elements whose content is never text a reader sees.
  static let invisible: Set<String> = [
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "select",
    "option", "textarea", "button", "input", "head", "title", "video", "audio", "picture", "source",
  ]

  /// Elements that break a line: text on either side of one never runs together.
  static let blockNames: Set<String> = [
    "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "ul", "ol", "li", "dl", "dt", "dd",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption", "table", "tr", "td", "th",
    "tbody", "thead", "form", "address", "hr", "br", "center",
  ]

  /// Builds the tree from the parser's events.
  private final class Builder {
    var elements: [Element] = [Element(name: "#document", parent: -1, attributes: [:])]
    var open = [0]
    var pending: [UInt8] = []
    /// Names by their address: libxml2 interns them for the parse.
    var names: [UnsafePointer<UInt8>: String] = [:]

    func name(_ pointer: UnsafePointer<UInt8>) -> String {
      if let name = names[pointer] { return name }
      let name = String(cString: pointer).lowercased()
      names[pointer] = name
      return name
    }

    func flush() {
      guard !pending.isEmpty else { return }
      let text = String(decoding: pending, as: UTF8.self)
      pending.removeAll(keepingCapacity: true)
      elements[open[open.count - 1]].children.append(.text(text))
    }

    func start(_ pointer: UnsafePointer<UInt8>, _ attributes: UnsafePointer<UnsafePointer<UInt8>?>?) {
      flush()
      var kept: [String: String] = [:]
      if let attributes {
        var index = 0
        while let key = attributes[index] {
          let value = attributes[index + 1]
          index += 2
          let name = String(cString: key).lowercased()
          guard PageTree.keptAttributes.contains(name) else { continue }
          kept[name] = value.map { String(cString: $0) } ?? ""
        }
      }
      let parent = open[open.count - 1]
      elements.append(Element(name: name(pointer), parent: parent, attributes: kept))
      let index = elements.count - 1
      elements[parent].children.append(.element(index))
      open.append(index)
    }

    func end() {
      flush()
      if open.count > 1 { open.removeLast() }
    }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> Builder {
      Unmanaged<Builder>.fromOpaque(pointer!).takeUnretainedValue()
    }

    static let callbacks = chtml_callbacks(
      start: { this, name, attributes in
        Builder.from(this).start(
          name!,
          attributes.map { UnsafeMutableRawPointer(mutating: $0).assumingMemoryBound(to: UnsafePointer<UInt8>?.self) })
      },
      end: { this, _ in Builder.from(this).end() },
      characters: { this, text, count in
        Builder.from(this).pending.append(contentsOf: UnsafeBufferPointer(start: text, count: Int(count)))
      })
  }
}
