/// The concordance every backend runs over its word index: the posting lists of the
/// phrase's words are intersected, and the units they share are checked for the phrase.
package enum MemoryConcordance {
  /// Units whose side in `language` holds `phrase` (its words in order, punctuation aside),
  /// in the order they were added, turned so that their source is in `language`.
  ///
  /// - Parameters:
  ///   - postings: the ids holding each key on a side (``PostingList/key(_:language:)``),
  ///     empty for a key none holds.
  ///   - units: the units of the ids given (ascending) whose side is in `language`, with
  ///     their ids and properties, in id order.
  package static func find(
    _ phrase: String, language: LanguageTag, limit: Int,
    postings: (_ keys: [UInt64], _ side: Int) throws -> [[UInt32]],
    units: (_ ids: [Int64], _ side: Int) throws -> [(id: Int64, unit: TranslationUnit)]
  ) throws -> [StoredUnit] {
    let words = wordTokens(phrase)
    let keys = SegmentKeys(phrase).words.map { PostingList.key($0, language: language.language) }
    guard !words.isEmpty else { return [] }
    var found: [StoredUnit] = []
    for side in 0..<2 where found.count < limit {
      let lists = try postings(keys, side)
      guard !lists.contains(where: \.isEmpty) else { continue }  // a word no unit has
      var candidates = PostingList.intersection(lists)[...]
      while !candidates.isEmpty && found.count < limit {
        let batch = Array(candidates.prefix(256))
        candidates = candidates.dropFirst(256)
        let holding = try units(batch, side).filter { _, unit in
          contains(wordTokens(side == 0 ? unit.source : unit.target), words)
        }
        found += holding.prefix(limit - found.count).map {
          StoredUnit(id: $0.id, unit: side == 0 ? $0.unit : $0.unit.reversed)
        }
      }
    }
    return found
  }

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
