import Foundation

/// Reads an article from the bytes of a file or a download. Plain text and HTML pages are
/// the two readers; ``ArticleReader/read(_:charset:)`` picks one by content.
public protocol DocumentReader: Sendable {
  /// The article in `data`. `charset` is the one an HTTP header declared, if any.
  func read(_ data: Data, charset: String?) throws(DocumentError) -> ArticleDocument
}

/// Reads an article from bytes, as text or as a page by their content.
public enum ArticleReader {
  /// The article in `data`, read by ``DocumentFormat/detect(_:name:)``'s choice.
  public static func read(_ data: Data, name: String? = nil, charset: String? = nil) throws(DocumentError)
    -> ArticleDocument
  {
    switch DocumentFormat.detect(data, name: name) {
    case .text: try PlainTextReader().read(data, charset: charset)
    case .html: try HTMLArticleReader().read(data, charset: charset)
    }
  }
}
