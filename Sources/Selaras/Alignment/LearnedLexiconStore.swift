/// Where the word translations learned from a newsroom's alignments are kept, so that
/// every later alignment uses them: the learned lexicon's seam, as ``GlossaryStore`` is the
/// glossary's. Counts add up: the more a pair of words is linked, the more it is trusted
/// (``LexiconLearner/lexicon(from:)`` decides which pairs become entries).
public protocol LearnedLexiconStore: Sendable {
  /// Every learned pair with its count, sorted by Indonesian word, then English word.
  func learnedTranslations() async throws -> [LearnedTranslation]

  /// Adds the counts of `translations` to the stored ones, in one transaction.
  func addLearnedTranslations(_ translations: [LearnedTranslation]) async throws

  /// Forgets what was learned for the Indonesian word `indonesian` (any case), or
  /// everything when it is nil; returns how many pairs were forgotten.
  @discardableResult
  func forgetLearnedTranslations(indonesian: String?) async throws -> Int
}
