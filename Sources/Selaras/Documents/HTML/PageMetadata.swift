import Foundation

/// What a page says about its article outside the article's text: Open Graph and other
/// `<meta>` tags, JSON-LD (`NewsArticle`'s headline, datePublished, author) and the
/// document's language. Hints only: the article's text always comes from the page's body.
struct PageMetadata {
  var headline: String?
  var ogTitle: String?
  var documentTitle: String?
  var published: String?
  var byline: String?
  var language: String?

  init(_ tree: PageTree) {
    var metaAuthor: String?
    for (index, element) in tree.elements.enumerated() {
      switch element.name {
      case "html":
        if language == nil, let lang = element.attributes["lang"] { language = Self.language(lang) }
      case "title":
        if documentTitle == nil { documentTitle = tree.text(of: index) }
      case "meta":
        let key =
          (element.attributes["property"] ?? element.attributes["name"] ?? element.attributes["http-equiv"] ?? "")
          .lowercased()
        guard let content = element.attributes["content"].map(PageText.collapsed), !content.isEmpty else { continue }
        switch key {
        case "og:title", "twitter:title": if ogTitle == nil { ogTitle = content }
        case "article:published_time", "og:article:published_time", "pubdate", "publishdate", "publish-date",
          "date", "dc.date", "dc.date.issued", "parsely-pub-date", "content_publishedate":
          if published == nil { published = content }
        case "author", "article:author", "dc.creator", "parsely-author", "content_author":
          if metaAuthor == nil, !content.hasPrefix("http") { metaAuthor = content }
        case "og:locale", "content-language", "language", "dc.language":
          if language == nil { language = Self.language(content) }
        default: break
        }
      case "script":
        if element.attributes["type"]?.lowercased() == "application/ld+json" { readJSONLD(tree.rawText(of: index)) }
      default: break
      }
    }
    if byline == nil { byline = metaAuthor }
  }

  /// "id" or "en" from a language tag such as `id-ID`, `en_US` or `in`; nil for others.
  static func language(_ tag: String) -> String? {
    let code = tag.lowercased().prefix { $0.isLetter }
    switch code {
    case "id", "in", "ind": return "id"
    case "en", "eng": return "en"
    default: return nil
    }
  }

  /// The largest JSON-LD block read: an article's metadata is a few kilobytes, and a
  /// parsed JSON object costs a hundred times its text in memory.
  static let maximumJSONLD = 256 << 10

  private mutating func readJSONLD(_ text: String) {
    guard text.utf8.count <= Self.maximumJSONLD, let data = text.data(using: .utf8),
      let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    else { return }
    visit(value, depth: 0)
  }

  private mutating func visit(_ value: Any, depth: Int) {
    guard depth < 8 else { return }
    if let list = value as? [Any] {
      for item in list { visit(item, depth: depth + 1) }
      return
    }
    guard let object = value as? [String: Any] else { return }
    let types = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
    if types.contains(where: { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "LiveBlogPosting" }) {
      if headline == nil, let text = object["headline"] as? String { headline = PageText.collapsed(text) }
      if published == nil, let date = object["datePublished"] as? String { published = date }
      if byline == nil, let author = object["author"] { byline = Self.names(author) }
      if language == nil, let lang = object["inLanguage"] as? String { language = Self.language(lang) }
    }
    if let graph = object["@graph"] { visit(graph, depth: depth + 1) }
  }

  /// The author names of a JSON-LD `author`: a string, a Person, or a list of them.
  private static func names(_ author: Any) -> String? {
    if let name = author as? String { return name.isEmpty ? nil : name }
    if let object = author as? [String: Any] { return (object["name"] as? String).flatMap { $0.isEmpty ? nil : $0 } }
    if let list = author as? [Any] {
      let all = list.compactMap(names)
      return all.isEmpty ? nil : all.joined(separator: ", ")
    }
    return nil
  }
}
