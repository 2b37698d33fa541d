import Foundation

/// A folder of article pairs named as Corpora names them: `NAME.en.txt` and `NAME.id.txt`
/// (raw text), and for gold data `NAME.en.lines`, `NAME.id.lines` (one sentence a line) and
/// `NAME.gold.json` (`[[[source indices],[target indices]], …]`).
public struct ArticlePairFolder: Sendable {
  public enum Kind: String, Sendable {
    /// Raw article text, `NAME.LANG.txt`.
    case text = "txt"
    /// Gold segmentation, `NAME.LANG.lines`.
    case lines
    /// A saved web page, `NAME.LANG.html`.
    case page = "html"
  }

  public let url: URL

  public init(_ url: URL) {
    self.url = url
  }

  /// The file of article `name` in `language`.
  public func file(_ name: String, _ language: LanguageTag, _ kind: Kind = .text) -> URL {
    url.appendingPathComponent("\(name).\(language.language).\(kind.rawValue)")
  }

  /// The gold alignment file of article `name`.
  public func goldFile(_ name: String) -> URL {
    url.appendingPathComponent("\(name).gold.json")
  }

  /// The names of the articles that have a `kind` file in both languages, sorted; throws
  /// when the folder cannot be read.
  public func names(_ source: LanguageTag, _ target: LanguageTag, kind: Kind = .text) throws -> [String] {
    let files = Set(try FileManager.default.contentsOfDirectory(atPath: url.path))
    let suffix = ".\(source.language).\(kind.rawValue)"
    return files.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) }
      .filter { files.contains("\($0).\(target.language).\(kind.rawValue)") }.sorted()
  }

  /// The names of the articles whose two sides are each a text file or a saved page, sorted,
  /// with the file of each side (the text file when both exist).
  public func articles(_ source: LanguageTag, _ target: LanguageTag) throws -> [(
    name: String, source: URL, target: URL
  )] {
    let files = Set(try FileManager.default.contentsOfDirectory(atPath: url.path))
    func side(_ name: String, _ language: LanguageTag) -> URL? {
      [Kind.text, .page].map { file(name, language, $0) }.first { files.contains($0.lastPathComponent) }
    }
    let names = Set(
      [Kind.text, .page].flatMap { kind in
        let suffix = ".\(source.language).\(kind.rawValue)"
        return files.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) }
      })
    return names.sorted().compactMap { name in
      guard let sourceFile = side(name, source), let targetFile = side(name, target) else { return nil }
      return (name, sourceFile, targetFile)
    }
  }

  /// The article files in `source` or `target` (text or page) whose other side is missing,
  /// sorted: what a batch cannot align, to be reported rather than passed over.
  public func unpaired(_ source: LanguageTag, _ target: LanguageTag) throws -> [String] {
    let files = Set(try FileManager.default.contentsOfDirectory(atPath: url.path))
    let paired = Set(try articles(source, target).map(\.name))
    return files.filter { file in
      [source, target].contains { language in
        [Kind.text, .page].contains { kind in
          let suffix = ".\(language.language).\(kind.rawValue)"
          return file.hasSuffix(suffix) && !paired.contains(String(file.dropLast(suffix.count)))
        }
      }
    }.sorted()
  }

  /// The name a document stored from `file` goes by, in a batch or alone: the file's name
  /// without its language and extension (`economy-bi-rate.en.txt` → `economy-bi-rate`), or
  /// without its extension when it names no language (`story.txt` → `story`).
  public static func documentName(_ file: String) -> String {
    var name = file.split(separator: "/").last.map(String.init) ?? file
    for suffix in [".txt", ".html", ".htm", ".lines", ".text"] where name.hasSuffix(suffix) {
      name.removeLast(suffix.count)
      break
    }
    for language in [".en", ".id"] where name.hasSuffix(language) {
      name.removeLast(language.count)
      break
    }
    return name.isEmpty ? file : name
  }

  /// The names of the articles with a gold alignment, sorted.
  public func goldNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".gold.json") }
      .map { String($0.dropLast(".gold.json".count)) }.sorted()
  }

  /// The gold beads of article `name`, scored 1; a bead's empty side sits where the
  /// previous bead's ended.
  public func goldBeads(_ name: String) throws -> [Bead] {
    let file = goldFile(name)
    let pairs: [[[Int]]]
    do {
      pairs = try JSONDecoder().decode([[[Int]]].self, from: Data(contentsOf: file))
    } catch {
      throw AlignmentFileError(description: "\(file.path): not a gold alignment [[[source], [target]], …]")
    }
    var sourceNext = 0
    var targetNext = 0
    return try pairs.map { pair in
      guard pair.count == 2 else {
        throw AlignmentFileError(description: "\(file.path): a bead is not [[source], [target]]")
      }
      let source = pair[0].first.map { $0..<($0 + pair[0].count) } ?? sourceNext..<sourceNext
      let target = pair[1].first.map { $0..<($0 + pair[1].count) } ?? targetNext..<targetNext
      sourceNext = source.upperBound
      targetNext = target.upperBound
      return Bead(source: source, target: target, score: 1)
    }
  }
}
