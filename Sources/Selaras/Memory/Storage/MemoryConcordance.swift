/// The concordance every backend runs over its word index: the posting lists of the
/// phrase's words are intersected, and the units they share are checked for the phrase.
package enum MemoryConcordance {
  /// Units whose side in `language` holds `phrase` (its words in order, punctuation aside),
  /// turned so that their source is in `language`: the best ``FuzzyMatch`` scores of the
  /// phrase against them first (the units closest to the phrase itself), then in the order
  /// they were added. The first ``examined``-fold `limit` units found are ranked.
  ///
  /// - Parameters:
  ///   - postings: the ids holding each key on a side (``PostingList/key(_:language:)``),
  ///     empty for a key none holds.
  ///   - units: the units of the ids given (ascending) whose side is in `language`, with
  ///     their ids and properties, in id order.
  ///   Each is a read of its own: a unit removed between them is not found.
  package static func find(
    _ phrase: String, language: LanguageTag, limit: Int,
    postings: (_ keys: [UInt64], _ side: UnitSide) async throws -> [[UInt32]],
    units: (_ ids: [Int64], _ side: UnitSide) async throws -> [(id: Int64, unit: TranslationUnit)]
  ) async throws -> [StoredUnit] {
    let words = wordTokens(phrase)
    let keys = SegmentKeys(phrase).words.map { PostingList.key($0, language: language.language) }
    guard !words.isEmpty else { return [] }
    var found: [StoredUnit] = []
    let wanted = limit.multipliedReportingOverflow(by: examined).overflow ? limit : limit * examined
    for side in UnitSide.allCases where found.count < wanted {
      let lists = try await postings(keys, side)
      guard !lists.contains(where: \.isEmpty) else { continue }  // a word no unit has
      var candidates = PostingList.intersection(lists)[...]
      while !candidates.isEmpty && found.count < wanted {
        let batch = Array(candidates.prefix(256))
        candidates = candidates.dropFirst(256)
        let holding = try await units(batch, side).filter { _, unit in
          contains(wordTokens(side == .source ? unit.source : unit.target), words)
        }
        found += holding.prefix(wanted - found.count).map {
          StoredUnit(id: $0.id, unit: side == .source ? $0.unit : $0.unit.reversed)
        }
      }
    }
    let query = MatchText(phrase)
    let scores = found.map { FuzzyMatch.score(query, MatchText($0.unit.source)) }
    return found.indices.sorted { (scores[$1], $0) < (scores[$0], $1) }.prefix(limit).map { found[$0] }
  }

  /// How many times the units asked for are examined for the best.
  static let examined = 4

  /// The word tokens of a segment as ``FuzzyMatch`` folds them, punctuation left out.
  private static func wordTokens(_ text: String) -> [String] {
    FuzzyMatch.tokens(text).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
  }

  /// Whether `phrase` occurs in `tokens` as a contiguous run.
  private static func contains(_ tokens: [String], _ phrase: [String]) -> Bool {
    guard tokens.count >= phrase.count else { return false }
    return (0...(tokens.count - phrase.count)).contains { start in
      tokens[start..<(start + phrase.count)].elementsEqual(phrase)
    }
  }
}
