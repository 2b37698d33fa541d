import ArgumentParser
import Selaras

/// An article and its translation to align: `SOURCE TARGET`, their languages and
/// `--presegmented`, as `align` and `review` take them.
struct ArticlePairOptions: ParsableArguments {
  @Argument(help: "The original (English by default): a text file, a saved page, a URL, or - for standard input.")
  var source: String?

  @Argument(help: "Its translation (Indonesian by default): a text file, a saved page or a URL.")
  var target: String?

  @OptionGroup var languages: LanguagePairOptions

  @Flag(help: "Each non-empty line of SOURCE and TARGET is one sentence.")
  var presegmented = false

  @Flag(help: "Save even when a side reads as the other language.")
  var force = false

  /// The aligner for `direction` with `lexicon`.
  func aligner(_ direction: LanguagePair, lexicon: Lexicon) throws -> ArticleAligner {
    try ArticleAligner(sourceLanguage: direction.source, targetLanguage: direction.target, lexicon: lexicon)
  }

  /// SOURCE and TARGET read, their languages checked against the aligner's (see
  /// ``SideLanguageCheck``), and aligned.
  func aligned(by aligner: ArticleAligner, saving: Bool) async throws -> AlignedArticle {
    let texts = (source: try await ArticleInput.text(source), target: try await ArticleInput.text(target))
    let names = (source: ArticleInput.displayName(source), target: ArticleInput.displayName(target))
    if let blank = ArticleInput.blankSide([(texts.source, names.source), (texts.target, names.target)]) {
      throw CommandError("\(blank): \(ArticleInput.noTextToAlign)")
    }
    try SideLanguageCheck.check(
      source: texts.source, target: texts.target, names: (source ?? "-", target ?? "-"),
      direction: LanguagePair(source: aligner.sourceLanguage, target: aligner.targetLanguage), saving: saving,
      force: force)
    return try aligner.align(source: texts.source, target: texts.target, presegmented: presegmented)
  }
}
