import ArgumentParser
import Selaras

/// An English article and its Indonesian version to align: `SOURCE TARGET`, their
/// languages and `--presegmented`, as `align` and `review` take them.
struct ArticlePairOptions: ParsableArguments {
  @Argument(help: "The English original: a text file, a saved page, a URL, or - for standard input.")
  var source: String?

  @Argument(help: "Its Indonesian version (a text file, a saved page or a URL).")
  var target: String?

  @OptionGroup var languages: LanguagePairOptions<English, Indonesian>

  @Flag(help: "Each non-empty line of SOURCE and TARGET is one sentence.")
  var presegmented = false

  /// The aligner for these languages with `lexicon`.
  func aligner(lexicon: Lexicon) throws -> ArticleAligner {
    try ArticleAligner(sourceLanguage: languages.sourceLang, targetLanguage: languages.targetLang, lexicon: lexicon)
  }

  /// SOURCE and TARGET read and aligned by `aligner`.
  func aligned(by aligner: ArticleAligner) async throws -> AlignedArticle {
    try await aligner.align(
      source: ArticleInput.text(source), target: ArticleInput.text(target), presegmented: presegmented)
  }
}
