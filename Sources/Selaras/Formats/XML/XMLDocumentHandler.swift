internal import CXML
import Foundation

/// Where an XML document comes from.
enum XMLSource {
  case file(URL)
  case data(Data)
}

/// Why a document could not be read through.
enum XMLFailure: Equatable {
  /// The file could not be opened or read.
  case unreadable
  case malformed(line: Int, column: Int, reason: String)
}

/// Streams an XML document through libxml2's SAX2 parser to the hooks a reader overrides:
/// the document is read a chunk at a time and never held whole.
///
/// XML is hostile input, so the parser:
/// - never expands an entity declared in a DTD and never reads an external DTD or entity.
///   A reference to such an entity is fatal in a document without an external DTD, as XML
///   says of an undeclared entity; in a document with one, it reaches `skippedEntity`, for
///   the reader to say which text is missing. A billion-laughs document is refused at its
///   first reference, before anything is expanded;
/// - never opens a network connection;
/// - keeps libxml2's limits on text nodes, names and depth (no `XML_PARSE_HUGE`);
/// - reports its errors here, never on standard error.
///
/// Foundation's `XMLParser` wraps the same parser, but hands each event over as Swift
/// strings and an attribute dictionary: that cost as much as the parse itself.
class XMLDocumentHandler {
  /// Elements opened and not yet closed.
  private(set) var depth = 0
  private var parser: OpaquePointer?
  private var failure: XMLFailure?
  private var stopped = false
  private var declaredEntities: Set<String> = []
  /// Elements by their name's address: libxml2 interns names, so an address stands for one
  /// name for the whole parse.
  private var elements: [(address: UnsafePointer<UInt8>, element: XMLElement)] = []

  /// The number a reader gives an element name it handles, for the hooks to switch on
  /// instead of comparing strings; -1 for others. Asked once per name and parse.
  func tag(_ name: String) -> Int { -1 }
  func start(_ element: XMLElement, _ attributes: XMLAttributes) {}
  func end(_ element: XMLElement) {}
  /// Text, in UTF-8, valid only for the call; one run of text may come in several calls.
  func characters(_ text: UnsafeBufferPointer<UInt8>) {}
  /// A reference to an entity that was not expanded: its text is missing where it stood.
  func skippedEntity(_ name: String) {}

  /// The line the parser has reached.
  final var line: Int {
    parser.map { Int(cxml_line($0)) } ?? 0
  }

  private var column: Int {
    parser.map { Int(cxml_column($0)) } ?? 0
  }

  /// Stops the parse from within a hook; `parse` then returns without a failure of its own.
  final func stop() {
    stopped = true
    if let parser { cxml_stop(parser) }
  }

  /// Reads `source` through, calling the hooks.
  ///
  /// - Returns: Why the document could not be read through, or nil when it was, or when a
  ///   hook stopped it.
  final func parse(_ source: XMLSource) -> XMLFailure? {
    switch source {
    case .data(let data):
      return data.withUnsafeBytes { bytes in
        var offset = 0
        return run { buffer in
          let count = min(buffer.count, bytes.count - offset)
          buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
          offset += count
          return count
        }
      }
    case .file(let url):
      let descriptor = open(url.path, O_RDONLY)
      guard descriptor >= 0 else { return .unreadable }
      defer { close(descriptor) }
      return run { buffer in read(descriptor, buffer.baseAddress, buffer.count) }
    }
  }

  /// Feeds the parser chunks that `fill` reads (a byte count, 0 at the end, negative on an error).
  private func run(_ fill: (UnsafeMutableRawBufferPointer) -> Int) -> XMLFailure? {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 1)
    defer { buffer.deallocate() }
    // The first bytes go in with the context, which guesses the encoding from them.
    var count = fill(UnsafeMutableRawBufferPointer(rebasing: buffer[..<4]))
    guard count >= 0 else { return .unreadable }
    guard count > 0 else { return .malformed(line: 1, column: 1, reason: "the file is empty") }
    var callbacks = Self.callbacks
    let this = Unmanaged.passUnretained(self).toOpaque()
    guard
      let parser = buffer.withMemoryRebound(
        to: CChar.self,
        { chars in
          cxml_create(&callbacks, this, chars.baseAddress, Int32(count))
        })
    else { return .unreadable }
    self.parser = parser
    defer {
      self.parser = nil
      cxml_free(parser)
    }
    while !stopped {
      count = fill(buffer)
      guard count >= 0 else { return .unreadable }
      cxml_feed(parser, buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(count), count == 0 ? 1 : 0)
      if count == 0 { break }
    }
    if let failure { return failure }
    guard !stopped else { return nil }
    // Every fatal error reaches `fail`; these say so should one ever not.
    if cxml_well_formed(parser) == 0 {
      return .malformed(line: line, column: column, reason: "not well-formed")
    }
    if depth != 0 {
      return .malformed(line: line, column: column, reason: "the document ends before its root closes")
    }
    return nil
  }

  private func element(_ local: UnsafePointer<UInt8>, _ prefix: UnsafePointer<UInt8>?) -> XMLElement {
    if let prefix {
      let name = String(cString: prefix) + ":" + String(cString: local)
      return XMLElement(name: name, tag: tag(name))
    }
    for entry in elements where entry.address == local { return entry.element }
    let name = String(cString: local)
    let element = XMLElement(name: name, tag: tag(name))
    if elements.count < 64 { elements.append((local, element)) }
    return element
  }

  /// Keeps the first failure and stops.
  private func fail(code: Int32, conversion: Bool, line: Int32, column: Int32, entity: UnsafePointer<UInt8>?) {
    guard failure == nil else { return }
    var reason =
      conversion ? "bytes not valid in the document's encoding, here or after" : XMLErrorText.describe(Int(code))
    if code == CXML_UNDECLARED_ENTITY, let entity = entity.map({ String(cString: $0) }) {
      reason =
        declaredEntities.contains(entity)
        ? "entity &\(entity); is declared in the DTD, and entities are never expanded"
        : "entity &\(entity); is not declared"
    }
    failure = .malformed(line: Int(line), column: Int(column), reason: reason)
    // Not `cxml_stop`: it frees the input that a failed conversion is still using. A fatal
    // error stops the events, and `run` stops feeding the parser.
    stopped = true
  }

  private static func from(_ pointer: UnsafeMutableRawPointer?) -> XMLDocumentHandler {
    Unmanaged<XMLDocumentHandler>.fromOpaque(pointer!).takeUnretainedValue()
  }

  private static let callbacks = cxml_callbacks(
    start: { this, local, prefix, count, attributes in
      let handler = XMLDocumentHandler.from(this)
      handler.depth += 1
      handler.start(handler.element(local!, prefix), XMLAttributes(pointers: attributes, count: Int(count)))
    },
    end: { this, local, prefix in
      let handler = XMLDocumentHandler.from(this)
      handler.depth -= 1
      handler.end(handler.element(local!, prefix))
    },
    characters: { this, text, count in
      XMLDocumentHandler.from(this).characters(UnsafeBufferPointer(start: text, count: Int(count)))
    },
    // Declarations are noted, to say so when a reference to one is refused.
    entity_declared: { this, name in
      if let name { XMLDocumentHandler.from(this).declaredEntities.insert(String(cString: name)) }
    },
    entity_skipped: { this, name in
      if let name { XMLDocumentHandler.from(this).skippedEntity(String(cString: name)) }
    },
    error: { this, code, conversion, line, column, entity in
      XMLDocumentHandler.from(this).fail(
        code: code, conversion: conversion != 0, line: line, column: column, entity: entity)
    })
}

/// An element's name, and the reader's number for it (``XMLDocumentHandler/tag(_:)``).
struct XMLElement {
  let name: String
  let tag: Int
}

/// The attributes of an element, as libxml2 hands them to a start-element event: valid only
/// during that event.
struct XMLAttributes {
  /// Five pointers an attribute: local name, prefix, namespace, value start, value end.
  fileprivate let pointers: UnsafePointer<UnsafePointer<UInt8>?>?
  fileprivate let count: Int

  /// The value of the attribute named `name` (`type`, `xml:lang`), or nil.
  subscript(name: StaticString) -> String? {
    guard let pointers, count > 0 else { return nil }
    let wanted = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
    for index in 0..<count {
      let fields = pointers + 5 * index
      guard Self.matches(wanted, local: fields[0]!, prefix: fields[1]) else { continue }
      return Self.decoded(UnsafeBufferPointer(start: fields[3]!, count: fields[4]! - fields[3]!))
    }
    return nil
  }

  private static func matches(
    _ wanted: UnsafeBufferPointer<UInt8>, local: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?
  ) -> Bool {
    var position = 0
    func consume(_ part: UnsafePointer<UInt8>) -> Bool {
      var byte = part
      while byte.pointee != 0 {
        guard position < wanted.count, wanted[position] == byte.pointee else { return false }
        position += 1
        byte += 1
      }
      return true
    }
    if let prefix {
      guard consume(prefix), position < wanted.count, wanted[position] == UInt8(ascii: ":") else { return false }
      position += 1
    }
    return consume(local) && position == wanted.count
  }

  /// The value as a string. libxml2 leaves an `&` that stood for itself as `&#38;` when it
  /// does not replace entities; nothing else in a value is escaped.
  private static func decoded(_ value: UnsafeBufferPointer<UInt8>) -> String {
    let text = String(decoding: value, as: UTF8.self)
    return value.contains(UInt8(ascii: "&")) ? text.replacingOccurrences(of: "&#38;", with: "&") : text
  }
}
