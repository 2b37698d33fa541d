import Foundation
import Selaras

/// The repository's `Corpora/` folder: real article pairs with gold segmentation and alignment.
public enum Corpora {
  /// The repository's root folder.
  public static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  public static let folder = ArticlePairFolder(root.appendingPathComponent("Corpora"))

  /// The articles with a gold alignment, sorted.
  public static var articles: [String] {
    (try? folder.goldNames()) ?? []
  }

  /// Every gold sentence pair line by line: each article's English and Indonesian `.lines`
  /// zipped (the lines that pair 1-1 in the gold and some that do not: real sentences all).
  public static let linePairs: [(english: String, indonesian: String)] = {
    let names = (try? folder.names(.english, .indonesian, kind: .lines)) ?? []
    return names.flatMap { name -> [(String, String)] in
      let english = (try? String(contentsOf: folder.file(name, .english, .lines), encoding: .utf8)) ?? ""
      let indonesian = (try? String(contentsOf: folder.file(name, .indonesian, .lines), encoding: .utf8)) ?? ""
      return zip(english.split(separator: "\n"), indonesian.split(separator: "\n")).map { (String($0), String($1)) }
    }
  }()

  /// The sentence pairs of every 1-1 gold bead.
  public static let goldPairs: [(english: String, indonesian: String)] = articles.flatMap {
    name -> [(String, String)] in
    let english = (try? String(contentsOf: folder.file(name, .english, .lines), encoding: .utf8)) ?? ""
    let indonesian = (try? String(contentsOf: folder.file(name, .indonesian, .lines), encoding: .utf8)) ?? ""
    let (source, target) = (english.split(separator: "\n"), indonesian.split(separator: "\n"))
    return ((try? folder.goldBeads(name)) ?? []).filter { $0.source.count == 1 && $0.target.count == 1 }.map {
      (String(source[$0.source.lowerBound]), String(target[$0.target.lowerBound]))
    }
  }
}
