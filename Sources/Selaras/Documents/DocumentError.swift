import Foundation

/// Why an article could not be read, as one line.
public enum DocumentError: Error, Equatable, CustomStringConvertible, Sendable {
  case empty
  case binary
  case tooLarge(bytes: Int, limit: Int)
  case unknownCharset(String)
  case invalidEncoding(charset: String, offset: Int)
  case tooDeep(limit: Int)
  case tooManyAttributes(limit: Int)
  /// A page whose markup holds no article text (not an article with no text).
  case noArticle

  public var description: String {
    switch self {
    case .empty: "the file is empty"
    case .binary: "not text or HTML (binary data)"
    case .tooLarge(let bytes, let limit): "\(bytes) bytes is more than the \(limit) a page may have"
    case .unknownCharset(let name): "unknown charset '\(name.prefix(40))'"
    case .invalidEncoding(let charset, let offset): "bytes not valid \(charset) at byte \(offset)"
    case .tooDeep(let limit): "elements nested more than \(limit) deep"
    case .tooManyAttributes(let limit): "an element with more than \(limit) attributes"
    case .noArticle: "no article found in the page (it is not an empty article: nothing on it reads as one)"
    }
  }
}
