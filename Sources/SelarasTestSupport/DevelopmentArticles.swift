import Foundation

/// The article pairs of `Development/newsroom-more/pairs.json`: newsroom adaptations written
/// for the project (see its SOURCE.md), with gold beads.
public enum DevelopmentArticles {
  public struct Article: Sendable {
    public var english: [String]
    public var indonesian: [String]
    /// The gold beads as sentence ranges of each side, in order.
    public var gold: [(source: Range<Int>, target: Range<Int>)]
  }

  /// The article called `name` in `pairs.json`, nil when there is none.
  public static func article(_ name: String) throws -> Article? {
    let data = try Data(contentsOf: Corpora.root.appendingPathComponent("Development/newsroom-more/pairs.json"))
    let articles = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["articles"] as? [[String: Any]]
    guard let beads = articles?.first(where: { $0["name"] as? String == name })?["beads"] as? [[String: Any]] else {
      return nil
    }
    var article = Article(english: [], indonesian: [], gold: [])
    for bead in beads {
      let english = bead["en"] as? [String] ?? []
      let indonesian = bead["id"] as? [String] ?? []
      article.gold.append(
        (
          article.english.count..<(article.english.count + english.count),
          article.indonesian.count..<(article.indonesian.count + indonesian.count)
        ))
      article.english += english
      article.indonesian += indonesian
    }
    return article
  }
}
