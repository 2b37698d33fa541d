import ArgumentParser
import Foundation
import Selaras

struct Pretranslate: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pretranslate",
    abstract: "Pre-translate a story from the memory and the glossary into XLIFF 1.2 for a CAT tool.",
    discussion: """
      Segments FILE as `segment` does and looks every segment up in the memory (--db). The XLIFF has a \
      trans-unit per segment (a group per paragraph): the target filled when the best match reaches \
      --fill (state translated, state-qualifier exact-match or, when its neighbours match in order \
      too, id-match; needs-review-translation / fuzzy-match below 100), up to --matches alt-trans \
      with match-quality = `tm search`'s score, the glossary's terms as <note from="glossary">, and \
      site chrome as translate="no". The analysis (segments and words per band: repetitions, 101, \
      100, 95-99, 85-94, 75-84, 50-74, no match) goes to stderr as a table, or to stdout with --json:
      {"segments":N, "words":W, "bands":[{"band":"100", "segments":…, "words":…},…]}

      The direction is the store's (en→id for a new store) unless --source-lang/--target-lang name one.

      Examples:
        selaras pretranslate story.en.txt --output story.xlf
        selaras pretranslate story.en.txt --output story.xlf --fill 95 --json > analysis.json
      """)

  @Argument(help: "The text to translate (or - for standard input).")
  var file: String

  @OptionGroup var languages: LanguagePairOptions

  @Flag(help: "Each non-empty line is one segment.")
  var presegmented = false

  @Option(help: "The lowest match percentage shown as alt-trans.")
  var minScore = 70

  @Option(help: "The match percentage from which the best match fills the target.")
  var fill = 100

  @Option(help: "The most alt-trans matches a segment shows.")
  var matches = 3

  @Option(help: "The XLIFF file to write (atomically).")
  var output: String

  @OptionGroup var json: JSONOption

  @OptionGroup var store: StoreOptions

  func validate() throws {
    guard (0...100).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 100") }
    guard (1...100).contains(fill) else { throw ValidationError("--fill must be between 1 and 100") }
    guard matches >= 0 else { throw ValidationError("--matches must not be negative") }
    guard output != "-" else { throw ValidationError("--output needs a file: the analysis is standard output's") }
  }

  func run() async throws {
    let text = try await ArticleInput.text(file)
    let direction = try await languages.resolved(store)
    let segmenter = try SentenceSegmenter(language: direction.source)
    let sentences = presegmented ? segmenter.presegmented(text) : try segmenter.segment(text)
    guard !sentences.isEmpty else { throw CommandError("\(file): no text to translate") }
    let pretranslator = Pretranslator(
      memory: try await store.existingMemory(), glossary: try await LoadedGlossary.load(store),
      options: .init(minimumScore: minScore, fillScore: fill, matches: matches))
    let name = file == "-" ? "stdin" : URL(fileURLWithPath: file).lastPathComponent
    let document = try await pretranslator.pretranslate(
      sentences, name: name, source: direction.source, target: direction.target)
    var xliff = OutputFile(output)
    xliff.write(XLIFFWriter.pretranslation(document))
    try xliff.finish()
    if json.json {
      var standardOutput = StandardOutput()
      try standardOutput.writeJSON(document.analysis)
      standardOutput.flush()
    } else {
      printError(Self.table(document.analysis))
    }
  }

  /// The analysis as CAT tools print it: a row per band, then the totals.
  static func table(_ analysis: PretranslationAnalysis) -> String {
    func row(_ band: String, _ segments: String, _ words: String) -> String {
      func right(_ text: String) -> String { String(repeating: " ", count: max(0, 10 - text.count)) + text }
      return band.padding(toLength: 12, withPad: " ", startingAt: 0) + right(segments) + right(words)
    }
    let rows = analysis.bands.map { row($0.band, "\($0.segments)", "\($0.words)") }
    return ([row("match", "segments", "words")] + rows + [row("total", "\(analysis.segments)", "\(analysis.words)")])
      .joined(separator: "\n")
  }
}
