import Foundation

/// Reads a UTF-8 text file as an article: its first block (up to the first blank line) is the
/// title, every other block a paragraph whose origin is its first line.
public struct PlainTextReader: DocumentReader {
  public init() {}

  public func read(_ data: Data, charset: String?) throws(DocumentError) -> ArticleDocument {
    let text: String
    do {
      text = try String(validatingUTF8Text: data)
    } catch {
      switch error {
      case .binary: throw .binary
      case .invalidUTF8(let offset): throw .invalidEncoding(charset: "UTF-8", offset: offset)
      case .unsupportedEncoding(let name): throw .unknownCharset(name)
      }
    }
    var blocks: [(line: Int, text: String)] = []
    var current: [Substring] = []
    var start = 1
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.allSatisfy(\.isWhitespace) {
        if !current.isEmpty { blocks.append((start, current.joined(separator: "\n"))) }
        current = []
      } else {
        if current.isEmpty { start = index + 1 }
        current.append(line.hasSuffix("\r") ? line.dropLast() : line)
      }
    }
    if !current.isEmpty { blocks.append((start, current.joined(separator: "\n"))) }
    guard let first = blocks.first else { throw .empty }
    return ArticleDocument(
      title: first.text,
      paragraphs: blocks.dropFirst().map { ArticleParagraph(kind: .paragraph, text: $0.text, origin: $0.line) })
  }
}
