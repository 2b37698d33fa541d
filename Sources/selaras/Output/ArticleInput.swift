import Foundation
import Selaras
import SelarasWeb

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

  /// Reads `path` (`-` or nil for standard input, or an http(s) URL, downloaded within
  /// `timeout`). With `requireHTML`, a file that is not a page is refused.
  static func read(_ path: String?, requireHTML: Bool = false, timeout: Duration = .seconds(30)) async throws
    -> ArticleInput
  {
    let name = path == nil || path == "-" ? "<stdin>" : path!
    if let path, PageFetcher.isURL(path) {
      let page: FetchedPage
      do {
        page = try await PageFetcher(timeout: timeout).fetch(path)
      } catch {
        throw CommandError("\(path): \(error)")
      }
      do {
        let document = try HTMLArticleReader().read(page.data, charset: page.charset)
        return ArticleInput(text: document.text, document: document, url: page.url)
      } catch {
        throw CommandError("\(path): \(error)")
      }
    }
    let data = try InputFile.data(path, limit: HTMLArticleReader.maximumBytes) {
      DocumentFormat.detect($0, name: name) == .html
    }
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

  /// The text of the article at `path`, from a text file, a saved page or a URL.
  static func text(_ path: String?, timeout: Duration = .seconds(30)) async throws -> String {
    try await read(path, timeout: timeout).text
  }
}
