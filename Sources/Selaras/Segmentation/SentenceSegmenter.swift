/// Splits Indonesian or English news text into sentences.
///
/// ICU's sentence boundaries (UAX #29) are the starting point; the segmenter then corrects
/// what they get wrong in news:
/// - line breaks are hard boundaries, so headlines and photo captions without a full stop
///   stand alone, while a dateline left alone on its line (`Bisnis.com, JAKARTA –`) joins
///   the sentence on the next;
/// - no break after titles and abbreviations (`dr.`, `Jl.`, `Tbk.`, `U.S.`, `p.m.`) or
///   initials (`Agus D.W. Martowardojo`) unless a sentence opener follows an ambiguous one;
/// - no break between a quote ending in `?` or `!` and its attribution (`"Siap?" tanya dia.`);
/// - every sentence is flagged when it is site chrome (see ``Sentence/isBoilerplate``).
///
/// ```swift
/// let segmenter = try SentenceSegmenter(language: .indonesian)
/// let sentences = try segmenter.segment("Kata dr. Ani. Ia pulang.")
/// // ["Kata dr. Ani.", "Ia pulang."]
/// ```
public struct SentenceSegmenter: Sendable {
  public let language: LanguageTag
  public let rules: SegmentationRules

  /// Creates a segmenter with the bundled rules for `language`.
  ///
  /// - Throws: `SegmentationError.unsupportedLanguage` unless `language` is `id` or `en`.
  public init(language: LanguageTag) throws(SegmentationError) {
    self.init(language: language, rules: try SegmentationRules.bundled(for: language))
  }

  public init(language: LanguageTag, rules: SegmentationRules) {
    self.language = language
    self.rules = rules
  }

  /// The sentences of `text`, in order, with UTF-8 byte ranges into `text`.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  /// - Throws: `SegmentationError.icu` when ICU cannot run.
  public func segment(_ text: String) throws(SegmentationError) -> [Sentence] {
    let breaker: ICUSentenceBreaker
    do {
      breaker = try ICUSentenceBreaker(locale: language.language)
    } catch {
      throw .icu(error)
    }
    var text = text
    let result: Result<[Sentence], ICUError> = text.withUTF8 { bytes in
      do throws(ICUError) {
        var pass = SegmentationPass(scanner: UTF8Scanner(bytes: bytes), rules: rules)
        try pass.run(breaker: breaker)
        return .success(pass.sentences)
      } catch {
        return .failure(error)
      }
    }
    switch result {
    case .success(let sentences): return sentences
    case .failure(let error): throw .icu(error)
    }
  }

  /// The text cut in ICU's iterator at most at once: ICU counts offsets in 32 bits.
  static let chunkLimit = 1 << 26
}
