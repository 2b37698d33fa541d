/// Fuzzy match percentages as translators know them: word-token Levenshtein distance,
/// `100 × (max(n, m) − distance) / max(n, m)`, over case-folded tokens, with numbers and
/// punctuation counted as tokens (as OmegaT does).
///
/// ```swift
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
  private static func punctuation(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into tokens: inout [String]) {
    guard !range.isEmpty else { return }
    for character in String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    where !character.isWhitespace {
      tokens.append(String(character))
    }
  }

  /// The match percentage of two segments, 0…100, rounded down.
  public static func score(_ first: String, _ second: String) -> Int {
    score(tokens(first), tokens(second))
  }

  /// The match percentage of two token sequences: the tokens are numbered first, so that
  /// the distance compares integers.
  public static func score(_ first: [String], _ second: [String]) -> Int {
    var numbers: [String: Int] = [:]
    func number(_ token: String) -> Int {
      if let known = numbers[token] { return known }
      numbers[token] = numbers.count
      return numbers.count - 1
    }
    let a = first.map(number)
    let b = second.map(number)
    return score(a, b)
  }

  /// The match percentage of two sequences of token hashes (``SegmentKeys/tokenHashes(_:)``);
  /// a concrete overload, so that callers in other modules get the specialized loop.
  public static func score(_ first: [UInt64], _ second: [UInt64]) -> Int {
    percentage(first, second)
  }

  /// The match percentage of two token sequences, 0…100, rounded down; two empty
  /// sequences match 100%.
  public static func score<T: Equatable>(_ first: [T], _ second: [T]) -> Int {
    percentage(first, second)
  }

  private static func percentage<T: Equatable>(_ first: [T], _ second: [T]) -> Int {
    let longest = max(first.count, second.count)
    guard longest > 0 else { return 100 }
    return 100 * (longest - distance(first, second)) / longest
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
