import ArgumentParser
import Foundation
import Selaras

struct Extract: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Print the article of a saved web page or a URL, without the page's chrome.",
    discussion: """
      PAGE is a saved page (.html, .htm, or any file whose content is HTML), - for standard \
      input, or an http:// or https:// URL (at most 5 redirects and 10 MB; --timeout).
      text: the title, a blank line, then the paragraphs (subheadings, quotes, list items, photo
            captions and credits included) in page order, separated by blank lines.
      json: {"source":PAGE, "url":…, "title":…, "language":"id"|"en"|null, "published":…, "byline":…,
             "paragraphs":[{"kind":"paragraph|heading|quote|list-item|caption|credit", "text":…}]}
            one object per line, in argument order.

      A page with no article on it exits 1 and says so; nothing is written.

      Examples:
        selaras extract saved/bi-rate.html
        selaras extract https://example.com/news/story.html --format json
        curl -s URL | selaras extract - > story.txt
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Argument(help: "Saved pages, - for standard input, or http(s) URLs.")
  var pages: [String]

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  @Flag(help: "The same as --format json.")
  var json = false

  @Option(help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  @Option(help: "Seconds a URL's download may take, connecting included.")
  var timeout = 30

  func validate() throws {
    guard timeout > 0, timeout <= 86_400 else { throw ValidationError("--timeout is seconds above 0, at most a day") }
  }

  private struct PageOutput: Encodable {
    var source: String
    var url: String?
    var title: String?
    var language: String?
    var published: String?
    var byline: String?
    var paragraphs: [Paragraph]

    struct Paragraph: Encodable {
      var kind: String
      var text: String
    }

    // Absent values are written as null: the contract lists every key.
    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(source, forKey: .source)
      try container.encode(url, forKey: .url)
      try container.encode(title, forKey: .title)
      try container.encode(language, forKey: .language)
      try container.encode(published, forKey: .published)
      try container.encode(byline, forKey: .byline)
      try container.encode(paragraphs, forKey: .paragraphs)
    }

    enum CodingKeys: String, CodingKey {
      case source, url, title, language, published, byline, paragraphs
    }
  }

  func run() async throws {
    // Every page is read before anything is written: one bad page writes nothing.
    var documents: [(page: String, input: ArticleInput)] = []
    for page in pages {
      documents.append((page, try await ArticleInput.read(page, requireHTML: true, timeout: .seconds(timeout))))
    }
    var file = OutputFile(output)
    for (page, input) in documents {
      guard let document = input.document else { continue }
      switch json ? .json : format {
      case .text:
        file.write(document.text)
        if documents.count > 1 { file.write("\n") }
      case .json:
        let value = PageOutput(
          source: page, url: input.url, title: document.title, language: document.language,
          published: document.published, byline: document.byline,
          paragraphs: document.paragraphs.map { .init(kind: $0.kind.rawValue, text: $0.text) })
        file.write(try OrderedJSONEncoder().encode(value) + "\n")
      }
    }
    try file.finish()
  }
}
