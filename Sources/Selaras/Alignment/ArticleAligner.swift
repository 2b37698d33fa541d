/// An English article and its Indonesian version, segmented and aligned.
public struct AlignedArticle: Sendable {
  public var source: [Sentence]
  public var target: [Sentence]
  /// Every sentence of both sides in exactly one bead, in order.
  public var beads: [Bead]

  /// The mean score of the beads that pair sentences; nil when there are none.
  /// A low value suggests the texts are not translations of each other.
  public var meanPairScore: Double? {
    let pairs = beads.filter { !$0.isNull }
    return pairs.isEmpty ? nil : pairs.reduce(0) { $0 + $1.score } / Double(pairs.count)
  }

  /// The texts of a bead's two sides, each side's sentences joined with one space.
  public func texts(of bead: Bead) -> (source: String, target: String) {
    (
      bead.source.map { source[$0].text }.joined(separator: " "),
      bead.target.map { target[$0].text }.joined(separator: " ")
    )
  }
}

/// Segments and aligns article pairs: the whole job of `selaras align`.
public struct ArticleAligner: Sendable {
  public let sourceLanguage: LanguageTag
  public let targetLanguage: LanguageTag
  public var lexicon: Lexicon
  public var weights = NewsAlignmentScorer.Weights.fitted
  public var calibration = BeadCalibration.fitted
  public var aligner = SentenceAligner()
  private let sourceSegmenter: SentenceSegmenter
  private let targetSegmenter: SentenceSegmenter

  /// - Throws: `SegmentationError.unsupportedLanguage` for a language other than id or en.
  public init(sourceLanguage: LanguageTag = .english, targetLanguage: LanguageTag = .indonesian, lexicon: Lexicon)
    throws(SegmentationError)
  {
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.lexicon = lexicon
    sourceSegmenter = try SentenceSegmenter(language: sourceLanguage)
    targetSegmenter = try SentenceSegmenter(language: targetLanguage)
  }

  /// Aligns raw article texts, or, when `presegmented`, texts with one sentence a line.
  public func align(source: String, target: String, presegmented: Bool = false) throws(SegmentationError)
    -> AlignedArticle
  {
    let sentences = try segment(source: source, target: target, presegmented: presegmented)
    return align(source: sentences.source, target: sentences.target)
  }

  /// Both texts cut into sentences as ``align(source:target:presegmented:)`` cuts them.
  public func segment(source: String, target: String, presegmented: Bool = false) throws(SegmentationError)
    -> (source: [Sentence], target: [Sentence])
  {
    let sourceSentences = presegmented ? sourceSegmenter.presegmented(source) : try sourceSegmenter.segment(source)
    let targetSentences = presegmented ? targetSegmenter.presegmented(target) : try targetSegmenter.segment(target)
    return (sourceSentences, targetSentences)
  }

  /// Aligns sentences already cut.
  public func align(source: [Sentence], target: [Sentence]) -> AlignedArticle {
    let scorer = NewsAlignmentScorer(
      source: source, sourceLanguage: sourceLanguage, target: target, targetLanguage: targetLanguage,
      lexicon: lexicon, weights: weights, calibration: calibration)
    return AlignedArticle(source: source, target: target, beads: aligner.align(scorer))
  }

  /// Aligns a batch of articles in two passes: the first with ``lexicon``, the second with
  /// the word translations `learner` finds in the first pass's confident beads added to it.
  ///
  /// - Parameter firstPass: Called with each article's index and first alignment as it is
  ///   made, for progress.
  /// - Returns: The second pass's alignments, in order, and the lexicon learned.
  public func alignBatch(
    _ articles: [(source: [Sentence], target: [Sentence])], learner: LexiconLearner = LexiconLearner(),
    firstPass: (Int, AlignedArticle) -> Void = { _, _ in }
  ) -> (articles: [AlignedArticle], learned: Lexicon) {
    let first = articles.enumerated().map { index, texts in
      let article = align(source: texts.source, target: texts.target)
      firstPass(index, article)
      return article
    }
    let learned = learner.learn(from: first)
    guard learned.count > 0 else { return (first, learned) }
    var second = self
    second.lexicon.merge(learned)
    return (articles.map { second.align(source: $0.source, target: $0.target) }, learned)
  }
}

extension AlignedArticle {
  /// The beads that pair sentences and score at least `minimumScore`, as translation
  /// memory units with their provenance: the document, the score, the tool.
  public func translationUnits(
    document: String?, minimumScore: Double, sourceLanguage: LanguageTag, targetLanguage: LanguageTag,
    creationTool: String? = "Selaras"
  ) -> [TranslationUnit] {
    beads.filter { !$0.isNull && $0.score >= minimumScore }.map { bead in
      let (source, target) = texts(of: bead)
      return TranslationUnit(
        sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, source: source, target: target,
        document: document, score: bead.score, creationTool: creationTool)
    }
  }
}
