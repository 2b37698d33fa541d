/// What a page's markup says of an element through its class, id and role: chrome
/// (navigation, sharing, related stories, ads, comments…) or article.
enum ChromeNames {
  /// Whether the element's class, id or role names page furniture rather than the article.
  static func isChrome(class className: String?, id: String?, role: String?) -> Bool {
    if let role, chromeRoles.contains(role.lowercased()) { return true }
    let names = Array(((className ?? "") + " " + (id ?? "")).lowercased().utf8)
    guard names.contains(where: { $0 != 0x20 }) else { return false }
    var chrome = false
    for token in names.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
      if articleTokens.contains(token.count <= 24 ? String(decoding: token, as: UTF8.self) : "") { return false }
      if !chrome && chromeSubstrings.contains(where: { contains(token, $0) }) { chrome = true }
      if !chrome {
        for part in token.split(whereSeparator: { $0 == 0x2D || $0 == 0x5F })
        where part.count <= 12 && chromeParts.contains(String(decoding: part, as: UTF8.self)) {
          chrome = true
        }
      }
    }
    return chrome
  }

  /// Whether `pattern` occurs in `bytes`.
  private static func contains(_ bytes: ArraySlice<UInt8>, _ pattern: [UInt8]) -> Bool {
    guard bytes.count >= pattern.count, let first = pattern.first else { return false }
    var index = bytes.startIndex
    let last = bytes.endIndex - pattern.count
    while index <= last {
      if bytes[index] == first && bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
      index += 1
    }
    return false
  }

  /// Whether the class names a photo's caption, or its credit.
  static func isCaption(class className: String?) -> Bool {
    guard let className = className?.lowercased() else { return false }
    return className.contains("caption") || className.contains("keterangan")
  }

  static func isCredit(class className: String?) -> Bool {
    guard let className = className?.lowercased() else { return false }
    return ["credit", "copyright", "photographer", "byline-photo", "source", "sumber"].contains(
      where: className.contains)
  }

  private static let chromeRoles: Set<String> = [
    "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu", "menubar", "search",
    "toolbar", "tablist",
  ]

  /// Class and id tokens that name the article's body even when a part of them looks like
  /// chrome ("article-body-with-sidebar").
  private static let articleTokens: Set<String> = [
    "article-body", "articlebody", "article__body", "story-body", "entry-content", "post-content", "article-content",
    "detail__body-text", "read__content", "detail-text", "itp_bodycontent", "richtextstorybody", "articletext",
  ]

  /// Substrings of a class or id token that mark chrome wherever they occur.
  private static let chromeSubstrings: [[UInt8]] = chromeSubstringTexts.map { Array($0.utf8) }

  private static let chromeSubstringTexts = [
    "comment", "related", "recommend", "newsletter", "subscribe", "signup", "sign-up", "cookie", "consent",
    "breadcrumb", "pagination", "paging", "sidebar", "trending", "popular", "mostread", "most-read", "terpopuler",
    "bacajuga", "baca-juga", "readalso", "read-also", "readmore", "read-more", "outbrain", "taboola", "advert",
    "sponsor", "promo", "social", "sharing", "sharebar", "share-", "-share", "masthead", "navbar", "navigation",
    "footer", "disqus", "paywall", "login", "byline", "author", "timestamp", "dateline-", "ticker", "skip-link",
    "sr-only", "visually-hidden", "screen-reader", "modal", "popup", "overlay", "banner", "widget", "toolbar",
    "terkait", "pilihan", "headline-list", "tag-list", "taglist", "tags-", "-tags", "topic-list", "more-from",
    "moreon", "more-on", "see-also", "also-read", "next-article", "prev-article", "jump-link", "print-",
    "links-block", "link-list", "linklist", "upsell", "premium-box", "contributor",
  ]

  /// Parts of a class or id token (split at "-" and "_") that mark chrome.
  private static let chromeParts: Set<String> = [
    "ad", "ads", "adv", "advertisement", "iklan", "nav", "menu", "share", "tags", "tag", "topics", "footer", "header",
    "aside", "meta", "date", "time", "author", "byline", "gpt", "dfp", "social", "hidden", "hide", "print",
    "nocontent", "noprint", "subscription", "signin", "related", "rail", "sticky", "embed",
  ]
}
