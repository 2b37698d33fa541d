import ArgumentParser
import Selaras

struct Segment: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "segment",
    abstract: "Split Indonesian or English news text into sentences.",
    discussion: """
      Line breaks end sentences (headlines, captions); blank lines separate paragraphs.
      lines: one sentence per line, white space collapsed.
      json:  {"lang":"id", "sentences":[{"text":…, "start":…, "end":…, "paragraph":…, "boilerplate":…}]}
             with start/end as UTF-8 byte offsets into the input.

      Without --lang, the language is read from the text (its function words).

      Examples:
        selaras segment Corpora/economy-bi-rate.id.txt
        selaras segment story.txt --lang en --json
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case lines, json
  }

  @Argument(help: "The text file, or - for standard input.")
  var file: String?

  @Option(help: "The language of the text: id or en (default: read from the text).")
  var lang: LanguageTag?

  @Option(help: "Output format: lines or json.")
  var format: Format = .lines

  @Flag(help: "The same as --format json.")
  var json = false

  @OptionGroup var store: StoreOptions

  func validate() throws {
    try lang?.validateSupported("--lang")
  }

  private struct Output: Encodable {
    var lang: String
    var sentences: [SentenceOutput]

    struct SentenceOutput: Encodable {
      var text: String
      var start: Int
      var end: Int
      var paragraph: Int
      var boilerplate: Bool
    }
  }

  func run() async throws {
    let text = try await ArticleInput.text(file)
    // Nothing to segment needs no language.
    let blank = text.allSatisfy(\.isWhitespace)
    guard let lang = lang ?? LanguageIdentification.language(of: text, minimumWords: 2) ?? (blank ? .english : nil)
    else {
      throw CommandError(
        "\(file ?? "-"): cannot tell whether the text is Indonesian or English: give --lang id or --lang en")
    }
    let segmenter = try SentenceSegmenter(language: lang)
    var output = StandardOutput()
    switch json ? .json : format {
    case .lines:
      // Sentences as lines need no texts of their own nor chrome flags: their collapsed
      // bytes go from the input straight to the output.
      SentenceSegmenter.writeLines(try segmenter.sentenceRanges(text), of: text) { output.write(bytes: $0) }
    case .json:
      let sentences = try segmenter.segment(text)
      let items = sentences.map { sentence in
        Output.SentenceOutput(
          text: sentence.text, start: sentence.range.lowerBound, end: sentence.range.upperBound,
          paragraph: sentence.paragraph, boilerplate: sentence.isBoilerplate)
      }
      try output.writeJSON(Output(lang: lang.rawValue, sentences: items), layout: .itemsOnLines)
    }
    output.flush()
  }
}
