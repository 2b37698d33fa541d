import ArgumentParser
import Selaras

/// An English article and its Indonesian version to align: `SOURCE TARGET`, their
/// languages and `--presegmented`, as `align` and `review` take them.
struct ArticlePairOptions: ParsableArguments {
  @Argument(help: "The English original (or - for standard input).")
  var source: String?

  @Argument(help: "Its Indonesian version.")
  var target: String?

  @OptionGroup var languages: LanguagePairOptions<English, Indonesian>

  @Flag(help: "Each non-empty line of SOURCE and TARGET is one sentence.")
  var presegmented = false

  /// The aligner for these languages with `lexicon`.
  func aligner(lexicon: Lexicon) throws -> ArticleAligner {
    try ArticleAligner(sourceLanguage: languages.sourceLang, targetLanguage: languages.targetLang, lexicon: lexicon)
  }

  /// SOURCE and TARGET read and aligned by `aligner`.
  func aligned(by aligner: ArticleAligner) throws -> AlignedArticle {
    try aligner.align(source: ArticleInput.text(source), target: ArticleInput.text(target), presegmented: presegmented)
  }
}
