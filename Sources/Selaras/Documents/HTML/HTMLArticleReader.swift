import Foundation

/// Reads the article of a web page (a saved page, or one downloaded): its title, what the
/// page says about it, and its paragraphs, captions and credits in page order, without the
/// page's chrome (see ``ArticleExtractor``).
///
/// Pages are hostile input: they are parsed by libxml2's HTML parser, which never touches
/// the network or loads a DTD; pages larger than ``maximumBytes`` or nested deeper than
/// ``PageTree/maximumDepth`` are refused whole.
public struct HTMLArticleReader: DocumentReader {
  /// The largest page read: a news page is rarely above 2 MB, markup and inline scripts
  /// included.
  public static let maximumBytes = 16 << 20

  public init() {}

  public func read(_ data: Data, charset: String?) throws(DocumentError) -> ArticleDocument {
    guard !data.isEmpty, data.contains(where: { !(0x09...0x0D).contains($0) && $0 != 0x20 }) else { throw .empty }
    guard data.count <= Self.maximumBytes else { throw .tooLarge(bytes: data.count, limit: Self.maximumBytes) }
    if data.starts(with: Array("%PDF".utf8)) { throw .binary }
    let (bytes, _) = try PageCharset.utf8(data, declared: charset)
    try Self.checkAttributes(bytes)
    let tree = try PageTree(utf8: bytes)
    let metadata = PageMetadata(tree)
    let extractor = ArticleExtractor(tree)
    let (title, headline) = Self.title(tree, metadata: metadata)
    let (blocks, _) = extractor.article(title: title, headline: headline)
    guard blocks.contains(where: { $0.kind.isBody }) else { throw .noArticle }
    let paragraphs = blocks.map { ArticleParagraph(kind: $0.kind, text: $0.text, origin: $0.element) }
    return ArticleDocument(
      title: title, language: metadata.language ?? Self.guessLanguage(paragraphs), published: metadata.published,
      byline: metadata.byline.map(PageText.collapsed), paragraphs: paragraphs)
  }

  /// A description of how the page was read, for development: each element's name, class
  /// and whether it was set aside, and the blocks found.
  package static func trace(_ data: Data) throws(DocumentError) -> String {
    guard data.count <= maximumBytes else { throw .tooLarge(bytes: data.count, limit: maximumBytes) }
    let (bytes, charset) = try PageCharset.utf8(data, declared: nil)
    try checkAttributes(bytes)
    let tree = try PageTree(utf8: bytes)
    return "charset \(charset), \(tree.elements.count) elements\n" + ArticleExtractor(tree).trace()
  }

  /// The most attributes one element may have: libxml2 checks each new attribute against the
  /// element's others, so a tag with hundreds of thousands takes minutes. No real page has a
  /// thousand.
  public static let maximumAttributes = 2_000

  /// Refuses a page with a tag of more than ``maximumAttributes`` attributes, by a scan of its
  /// tags (quoted values skipped) before it is parsed.
  static func checkAttributes(_ bytes: [UInt8]) throws(DocumentError) {
    var index = 0
    let count = bytes.count
    while index < count {
      guard bytes[index] == UInt8(ascii: "<"), index + 1 < count, Self.isLetter(bytes[index + 1]) else {
        index += 1
        continue
      }
      var attributes = 0
      var afterSpace = false
      index += 1
      let name = index
      while index < count && (Self.isLetter(bytes[index]) || (0x30...0x39).contains(bytes[index])) { index += 1 }
      // A script's or style's text is no markup: "a<b" in it opens no tag.
      let raw = Self.rawTextElements.first { Self.equalsIgnoringCase(bytes[name..<index], $0) }
      scan: while index < count {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: ">"): break scan
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
          index += 1
          while index < count && bytes[index] != byte { index += 1 }
          afterSpace = false
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C: afterSpace = true
        default:
          if afterSpace && byte != UInt8(ascii: "=") && byte != UInt8(ascii: "/") {
            attributes += 1
            if attributes > maximumAttributes { throw .tooManyAttributes(limit: maximumAttributes) }
          }
          afterSpace = false
        }
        index += 1
      }
      index += 1
      if let raw { index = Self.end(of: raw, in: bytes, from: index) }
    }
  }

  private static let rawTextElements: [[UInt8]] = [Array("script".utf8), Array("style".utf8)]

  /// Where the text of a raw-text element that started before `start` ends: at its closing
  /// tag `</name`, or at the end.
  private static func end(of name: [UInt8], in bytes: [UInt8], from start: Int) -> Int {
    var index = start
    while index + name.count + 2 <= bytes.count {
      if bytes[index] == UInt8(ascii: "<") && bytes[index + 1] == UInt8(ascii: "/")
        && equalsIgnoringCase(bytes[(index + 2)..<(index + 2 + name.count)], name)
      {
        return index
      }
      index += 1
    }
    return bytes.count
  }

  private static func equalsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ lowercase: [UInt8]) -> Bool {
    bytes.count == lowercase.count && zip(bytes, lowercase).allSatisfy { $0 | 0x20 == $1 }
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }

  /// The headline: the page's `<h1>` that the metadata's headline or title names (or the
  /// first `<h1>` outside chrome), else the metadata's headline, else the document title
  /// without the site's name.
  /// Also the `<h1>` element it came from, if any.
  static func title(_ tree: PageTree, metadata: PageMetadata) -> (text: String?, element: Int?) {
    let named = [metadata.headline, metadata.ogTitle, metadata.documentTitle].compactMap { $0 }.map(PageText.folded)
    var first: (String, Int)?
    for index in tree.all("h1") {
      let text = tree.text(of: index)
      guard !text.isEmpty, text.count < 400 else { continue }
      let folded = PageText.folded(text)
      // The headline the metadata names, or most of it: not a logo's <h1> ("Kompas.com") that a
      // title "Headline - Kompas.com" merely contains.
      if !folded.isEmpty,
        named.contains(where: {
          !$0.isEmpty && ($0.contains(folded) && folded.count * 2 >= $0.count || folded.contains($0))
        })
      {
        return (text, index)
      }
      if first == nil, !isInsideChrome(index, tree) { first = (text, index) }
    }
    if let first { return first }
    if let headline = metadata.headline ?? metadata.ogTitle { return (headline, nil) }
    guard let title = metadata.documentTitle else { return (nil, nil) }
    // "Headline | Site", "Headline - Site": the longest part.
    let parts = title.components(separatedBy: " | ").flatMap { $0.components(separatedBy: " - ") }
      .flatMap { $0.components(separatedBy: " – ") }
    return (parts.max { $0.count < $1.count }.map(PageText.collapsed), nil)
  }

  private static func isInsideChrome(_ index: Int, _ tree: PageTree) -> Bool {
    var current = tree.elements[index].parent
    while current > 0 {
      let element = tree.elements[current]
      if ["nav", "footer", "aside"].contains(element.name)
        || ChromeNames.isChrome(
          class: element.attributes["class"], id: element.attributes["id"], role: element.attributes["role"])
      {
        return true
      }
      current = element.parent
    }
    return false
  }

  /// "id" or "en" by the commonest function words of each language in the first paragraphs;
  /// nil when neither has any.
  static func guessLanguage(_ paragraphs: [ArticleParagraph]) -> String? {
    LanguageIdentification.evidence(paragraphs.prefix(20).map(\.text).joined(separator: "\n")).likelier?.language
  }
}
