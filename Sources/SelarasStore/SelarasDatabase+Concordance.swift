import Foundation
import GRDB
import Selaras

extension SelarasDatabase {
  /// Units whose `language` side holds `phrase` (its words in order, punctuation aside),
  /// in the order they were added: the posting lists of the phrase's words are intersected,
  /// and the units they share are checked for the phrase.
  public func concordance(_ phrase: String, language: LanguageTag, limit: Int) throws -> [TranslationUnit] {
    let words = Self.wordTokens(phrase)
    let keys = SegmentKeys(phrase).words
    guard !words.isEmpty else { return [] }
    return try writer.read { db in
      var units: [TranslationUnit] = []
      for side in [Side.source, .target] where units.count < limit {
        let lists = try WordIndex.postings(
          of: keys.map { (side.rawValue, WordIndex.key($0, language: language.language)) }, db: db)
        guard !lists.contains(where: \.isEmpty) else { continue }  // a word no unit has
        var candidates = PostingList.intersection(lists)[...]
        while !candidates.isEmpty && units.count < limit {
          let batch = candidates.prefix(256)
          candidates = candidates.dropFirst(256)
          let rows = try Self.units(
            """
            SELECT \(Self.unitColumns) FROM unit WHERE id IN (\(batch.map(String.init).joined(separator: ",")))
            AND \(side.language) = ? ORDER BY id
            """, .text(language.language), db: db)
          let found = rows.filter { _, unit in
            Self.contains(Self.wordTokens(side == .source ? unit.source : unit.target), words)
          }.prefix(limit - units.count)
          let properties = try Self.properties(of: found.map(\.id), db: db)
          units += found.map { id, unit in
            var unit = unit
            unit.properties = properties[id] ?? []
            return side == .source ? unit : unit.reversed
          }
        }
      }
      return units
    }
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
