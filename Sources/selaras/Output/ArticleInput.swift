import Foundation
import Selaras

/// An article argument read as every command reads one: a text file as its text, a saved
/// web page (by content, whatever its name) as the article extracted from it.
struct ArticleInput {
  /// The text the segmenter and aligner read: the file's own text, or the page's article
  /// as ``ArticleDocument/text`` renders it.
  var text: String
  /// The article read from a page; nil for a text file.
  var document: ArticleDocument?
  /// The address the page was downloaded from; nil for files.
  var url: String?

  /// Reads `path` (`-` or nil for standard input). With `requireHTML`, a file that is not a
  /// page is refused.
  static func read(_ path: String?, requireHTML: Bool = false) throws -> ArticleInput {
    let name = path == nil || path == "-" ? "<stdin>" : path!
    if let path, path.lowercased().hasPrefix("http://") || path.lowercased().hasPrefix("https://") {
      throw CommandError("\(path): reading URLs is not built yet; save the page and pass the file")
    }
    let data = try InputFile.data(path)
    guard DocumentFormat.detect(data, name: name) == .html else {
      if requireHTML {
        throw CommandError(data.isEmpty ? "\(name): the file is empty" : "\(name): not an HTML page")
      }
      return ArticleInput(text: try InputFile.decoded(data, name: name))
    }
    do {
      let document = try HTMLArticleReader().read(data, charset: nil)
      return ArticleInput(text: document.text, document: document)
    } catch {
      throw CommandError("\(name): \(error)")
    }
  }

  /// The text of the article at `path`, from a text file or a page.
  static func text(_ path: String?) throws -> String {
    try read(path).text
  }
}
