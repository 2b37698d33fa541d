import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The part of an `XMLParser` delegate that every reader needs: it counts open elements and
/// keeps the first error, because on Linux `parse()` returns true even after an error and
/// says nothing at all of a document cut short. Readers subclass it and override the hooks.
class XMLDocumentHandler: NSObject, XMLParserDelegate {
  private var firstError: (code: Int, line: Int, column: Int)?
  /// Elements opened and not yet closed.
  private(set) var depth = 0

  func start(_ parser: XMLParser, _ name: String, _ attributes: [String: String]) {}
  func end(_ parser: XMLParser, _ name: String) {}
  func characters(_ string: String) {}

  final func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    depth += 1
    start(parser, name, attributes)
  }

  final func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    depth -= 1
    end(parser, name)
  }

  final func parser(_ parser: XMLParser, foundCharacters string: String) {
    characters(string)
  }

  final func parser(_ parser: XMLParser, parseErrorOccurred error: any Error) {
    if firstError == nil {
      firstError = ((error as NSError).code, parser.lineNumber, parser.columnNumber)
    }
    parser.abortParsing()
  }

  /// Where and why the document was not well-formed, once `parser` is done; nil when it was.
  func malformation(_ parser: XMLParser) -> (line: Int, column: Int, reason: String)? {
    if let error = firstError {
      return (error.line, error.column, XMLErrorText.describe(error.code))
    }
    if let error = parser.parserError {
      return (parser.lineNumber, parser.columnNumber, XMLErrorText.describe((error as NSError).code))
    }
    if depth != 0 {
      return (parser.lineNumber, parser.columnNumber, "the document ends before its root closes")
    }
    return nil
  }
}
