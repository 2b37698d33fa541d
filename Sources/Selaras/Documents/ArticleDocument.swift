import Foundation

/// An article as read from a text file or a web page: its title, what the page says about it,
/// and its paragraphs in reading order, each with its kind and where it came from.
///
/// ``ArticleReader`` reads one from text or a page (``PlainTextReader``, ``HTMLArticleReader``);
/// the commands that read an article work on its ``text`` (the CLI reads a file that is not a
/// page straight as text, which is the same text, faster); `selaras extract` prints it.
public struct ArticleDocument: Sendable, Codable, Equatable {
  public var title: String?
  /// "id" or "en" when the page or its text says which; nil when neither does.
  public var language: String?
  /// When the page says the article was published, as the page wrote it (ISO 8601 mostly).
  public var published: String?
  public var byline: String?
  public var paragraphs: [ArticleParagraph]

  public init(
    title: String?, language: String? = nil, published: String? = nil, byline: String? = nil,
    paragraphs: [ArticleParagraph]
  ) {
    self.title = title
    self.language = language
    self.published = published
    self.byline = byline
    self.paragraphs = paragraphs
  }

  /// The article as plain text: the title on the first line, a blank line, then the
  /// paragraphs separated by blank lines — the form the segmenter and aligner read.
  public var text: String {
    var blocks: [String] = []
    if let title, !title.isEmpty { blocks.append(title) }
    blocks += paragraphs.map(\.text)
    return blocks.joined(separator: "\n\n") + (blocks.isEmpty ? "" : "\n")
  }
}

/// One block of an article's text.
public struct ArticleParagraph: Sendable, Codable, Equatable {
  public var kind: ParagraphKind
  public var text: String
  /// Where the block came from: for a text file its first line (1-based), for a page the
  /// element's position among the page's elements in document order (0-based).
  public var origin: Int

  public init(kind: ParagraphKind, text: String, origin: Int) {
    self.kind = kind
    self.text = text
    self.origin = origin
  }
}

/// What a block of an article is. The raw values are the CLI contract's (`selaras extract
/// --format json`): they stay as they are once shipped.
public enum ParagraphKind: String, Sendable, Codable, CaseIterable {
  case paragraph
  case heading
  case quote
  case listItem = "list-item"
  case caption
  case credit

  /// Whether the block is the article's running text (what an extraction benchmark calls the
  /// body), rather than a photo's caption or credit.
  public var isBody: Bool {
    switch self {
    case .paragraph, .heading, .quote, .listItem: true
    case .caption, .credit: false
    }
  }
}
