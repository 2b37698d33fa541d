/// The match percentage of a segment against a stored one, the one score every part of
/// Selaras gives (`tm search`, `tm concordance`'s order, `pretranslate`, `serve`'s lookup, the
/// amaGama routes).
///
/// Over ``MatchText`` tokens (words lowercased, punctuation on its own, numbers, dates, times,
/// weekdays and months as placeables, the dateline set aside):
/// - **100**: the same segment, written the same way (but for the dateline).
/// - **95–99**: the same words; what differs is placeables (1 point each) or what translators
///   do not retype — quotation mark style, dash style, a final full stop, spacing, case
///   (1 point a kind, 3 at most). Placeables alone are never below 95, formatting alone never
///   below 97.
/// - **94 and below**: the token Levenshtein percentage, `100 × (L − distance) / L` with `L`
///   the longer length (as OmegaT counts), capped at 94 when a word differs: a segment that
///   differs in a word ranks below every one that differs only in placeables.
///
/// ```swift
/// FuzzyMatch.score("The rupiah fell 1.2% on Tuesday.", "The rupiah fell 0.8% on Wednesday.")  // 98
/// FuzzyMatch.score("The rupiah fell 1.2% on Tuesday.", "The rupiah rose 1.2% on Tuesday.")  // 88
/// ```
public enum FuzzyMatch {
  /// The tokens of a segment: words and numbers (`1.2`, `15,565`) lowercased, and each
  /// punctuation mark on its own. White space separates tokens and is not one.
  public static func tokens(_ text: String) -> [String] {
    var tokens: [String] = []
    var text = text
    text.withUTF8 { bytes in
      var last = 0
      WordTokenizer.scan(bytes) { span in
        punctuation(bytes, last..<span.range.lowerBound, into: &tokens)
        tokens.append(span.text(in: bytes).lowercased())
        last = span.range.upperBound
      }
      punctuation(bytes, last..<bytes.count, into: &tokens)
    }
    return tokens
  }

  /// The non-space characters between two words, one token each.
  private static func punctuation(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into tokens: inout [String])
  {
    guard !range.isEmpty else { return }
    for character in String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    where !character.isWhitespace {
      tokens.append(String(character))
    }
  }

  /// The match percentage of `text` against `stored`, 0…100.
  public static func score(_ text: String, _ stored: String) -> Int {
    score(MatchText(text), MatchText(stored))
  }

  /// The match percentage of `text` against `stored`, 0…100 (see ``FuzzyMatch``).
  package static func score(_ text: MatchText, _ stored: MatchText) -> Int {
    if text.keys != stored.keys {
      let percentage = percentage(text.keys, stored.keys)
      return differsInAWord(text, stored) ? min(percentage, highestWithAWordChanged) : percentage
    }
    var placeables = 0
    var formatting: Set<MatchToken.Kind> = []
    for index in text.keys.indices where text.written[index] != stored.written[index] {
      if text.kinds[index].isPlaceable {
        placeables += 1
      } else {
        formatting.insert(text.kinds[index])  // case of a word, a quote's or a dash's style
      }
    }
    let points =
      placeables
      + min(
        3,
        formatting.count + (text.endsWithStop != stored.endsWithStop ? 1 : 0)
          + (text.spacing != stored.spacing ? 1 : 0))
    return points == 0 ? 100 : max(lowestWithPlaceables, 100 - points)
  }

  /// The highest score of a segment in which a word differs.
  public static let highestWithAWordChanged = 94
  /// The lowest score of a segment with the same words and other placeables or formatting.
  public static let lowestWithPlaceables = 95

  /// Whether the two segments' words (numbers and calendar names included) differ, not
  /// only their punctuation.
  private static func differsInAWord(_ first: MatchText, _ second: MatchText) -> Bool {
    var i = 0
    var j = 0
    while true {
      while i < first.count && !first.isWordlike(i) { i += 1 }
      while j < second.count && !second.isWordlike(j) { j += 1 }
      guard i < first.count, j < second.count else { return i < first.count || j < second.count }
      if first.keys[i] != second.keys[j] { return true }
      i += 1
      j += 1
    }
  }

  /// The token Levenshtein percentage of two sequences, 0…100, rounded down; two empty
  /// sequences match 100%.
  private static func percentage<T: Equatable>(_ first: [T], _ second: [T]) -> Int {
    let longest = max(first.count, second.count)
    guard longest > 0 else { return 100 }
    return 100 * (longest - distance(first, second)) / longest
  }

  /// The pairs of equal tokens on a cheapest edit path between two sequences: for each
  /// index of `first` kept by the path, the index of `second` it is kept as (none for two
  /// different sequences of more than four million token pairs).
  static func kept<T: Equatable>(_ first: [T], _ second: [T]) -> [Int: Int] {
    let (n, m) = (first.count, second.count)
    if first == second { return Dictionary(uniqueKeysWithValues: first.indices.map { ($0, $0) }) }
    // A table for segments of thousands of tokens each would take hundreds of megabytes.
    guard n > 0, m > 0, n * m <= 4_000_000 else { return [:] }
    var cost = [Int](repeating: 0, count: (n + 1) * (m + 1))
    for i in 0...n { cost[i * (m + 1)] = i }
    for j in 0...m { cost[j] = j }
    for i in 1...n {
      for j in 1...m {
        let same = first[i - 1] == second[j - 1]
        cost[i * (m + 1) + j] = Swift.min(
          cost[(i - 1) * (m + 1) + j] + 1, cost[i * (m + 1) + j - 1] + 1,
          cost[(i - 1) * (m + 1) + j - 1] + (same ? 0 : 1))
      }
    }
    var pairs: [Int: Int] = [:]
    var (i, j) = (n, m)
    while i > 0 && j > 0 {
      let here = cost[i * (m + 1) + j]
      if first[i - 1] == second[j - 1] && here == cost[(i - 1) * (m + 1) + j - 1] {
        pairs[i - 1] = j - 1
        (i, j) = (i - 1, j - 1)
      } else if here == cost[(i - 1) * (m + 1) + j - 1] + 1 {
        (i, j) = (i - 1, j - 1)
      } else if here == cost[(i - 1) * (m + 1) + j] + 1 {
        i -= 1
      } else {
        j -= 1
      }
    }
    return pairs
  }

  /// The Levenshtein distance between two token sequences (insertions, deletions and
  /// substitutions of whole tokens).
  ///
  /// - Complexity: O(*n* × *m*) time, O(*m*) memory.
  public static func distance<T: Equatable>(_ first: [T], _ second: [T]) -> Int {
    if first.isEmpty { return second.count }
    if second.isEmpty { return first.count }
    var previous = Array(0...second.count)
    var current = [Int](repeating: 0, count: second.count + 1)
    first.withUnsafeBufferPointer { first in
      second.withUnsafeBufferPointer { second in
        for i in first.indices {
          let a = first[i]
          current[0] = i + 1
          for j in second.indices {
            current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a == second[j] ? 0 : 1))
          }
          swap(&previous, &current)
        }
      }
    }
    return previous[second.count]
  }
}
