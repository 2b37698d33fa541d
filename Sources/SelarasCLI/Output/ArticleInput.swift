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
    let name = displayName(path)
    if let path, PageFetcher.isURL(path) {
      let page: FetchedPage
      do {
        page = try await PageFetcher(timeout: timeout).fetch(path)
      } catch {
        throw CommandError("\(path): \(error)")
      }
      guard DocumentFormat.detect(page.data, name: page.url) == .html else {
        // A text/plain answer: an article's text, or, where a page is wanted, no page.
        if requireHTML { throw CommandError("\(path): the server answered with text, not a web page") }
        return ArticleInput(text: try InputFile.decoded(page.data, name: path), url: page.url)
      }
      do {
        let document = try HTMLArticleReader().read(page.data, charset: page.charset)
        return ArticleInput(text: document.text, document: document, url: page.url)
      } catch {
        throw CommandError("\(path): \(error)")
      }
    }
    // A regular file that does not open as a page is read as text straight into a string,
    // as fast as `segment` reads it, without its bytes held twice.
    if let path, path != "-", !requireHTML, try !InputFile.startsAsPage(path) {
      return ArticleInput(text: try InputFile.text(path))
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

  /// How messages name the article at `path`: `<stdin>` for standard input.
  static func displayName(_ path: String?) -> String {
    path == nil || path == "-" ? "<stdin>" : path!
  }

  /// The name of the first side whose text is empty or blank, nil when both hold text: such a
  /// side is no article whose every sentence the other side dropped, and is not aligned.
  static func blankSide(_ sides: [(text: String, name: String)]) -> String? {
    sides.first { $0.text.allSatisfy(\.isWhitespace) }?.name
  }

  /// Why a blank side is not aligned, after its name.
  static let noTextToAlign = "no text to align (the file or page is empty)"
}
