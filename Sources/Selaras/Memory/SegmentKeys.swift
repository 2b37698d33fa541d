/// What the translation memory's word index keeps of a segment: its length in
/// ``FuzzyMatch`` tokens, and a 64-bit hash of each distinct token, case-folded as
/// ``FuzzyMatch`` folds it: words (numbers included) and punctuation apart.
///
/// Computed on bytes without making a string per token, because an import computes it for
/// both sides of every unit.
public struct SegmentKeys: Sendable {
  /// ``FuzzyMatch/tokens(_:)``'s count for the segment.
  public var tokenCount = 0
  /// The hashes of the distinct word tokens, in order of first occurrence.
  public var words: [UInt64] = []
  /// The hashes of the distinct punctuation tokens, in order of first occurrence.
  public var punctuation: [UInt64] = []

  /// The hashes of all of a segment's ``FuzzyMatch`` tokens, in order: what the match
  /// percentage compares, computed without a string per token. Equal tokens have equal
  /// hashes; unequal ones differ but for a 64-bit collision.
  public static func tokenHashes(_ text: String) -> [UInt64] {
    var text = text
    return text.withUTF8 { tokenHashes(utf8: $0) }
  }

  /// ``tokenHashes(_:)`` of text given as UTF-8 (valid UTF-8, as SQLite hands out text),
  /// so that a search can score a stored segment without making a string of it.
  public static func tokenHashes(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt64] {
    var result: [UInt64] = []
    var last = 0
    WordTokenizer.scan(bytes) { span in
      punctuationHashes(bytes, last..<span.range.lowerBound, into: &result)
      result.append(hash(span, bytes))
      last = span.range.upperBound
    }
    punctuationHashes(bytes, last..<bytes.count, into: &result)
    return result
  }

  /// The hash of each punctuation token between two words: a non-space character.
  private static func punctuationHashes(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into result: inout [UInt64]
  ) {
    guard !range.isEmpty else { return }
    if bytes[range].allSatisfy({ $0 < 0x80 }) {
      for byte in bytes[range] where byte != 0x20 && !(0x09...0x0D).contains(byte) {
        result.append(ByteHash.of(CollectionOfOne(byte)))
      }
      return
    }
    for character in String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    where !character.isWhitespace {
      result.append(ByteHash.of(String(character).utf8))
    }
  }

  public init(_ text: String) {
    var text = text
    var marks: [UInt64] = []
    text.withUTF8 { bytes in
      // Room for the tokens of most segments, which would otherwise grow each array a few times.
      words.reserveCapacity(bytes.count / 5 + 4)
      marks.reserveCapacity(bytes.count / 16 + 4)
      var last = 0
      WordTokenizer.scan(bytes) { span in
        Self.punctuationHashes(bytes, last..<span.range.lowerBound, into: &marks)
        tokenCount += 1
        let hash = Self.hash(span, bytes)
        if !words.contains(hash) { words.append(hash) }
        last = span.range.upperBound
      }
      Self.punctuationHashes(bytes, last..<bytes.count, into: &marks)
    }
    tokenCount += marks.count
    for mark in marks where !punctuation.contains(mark) { punctuation.append(mark) }
  }

  /// The hash of one word token, lowercased: ASCII on the fly, anything else through
  /// `String.lowercased()` as ``FuzzyMatch/tokens(_:)`` does.
  public static func hash(ofToken token: String) -> UInt64 {
    ByteHash.of(token.lowercased().utf8)
  }

  private static func hash(_ span: WordTokenizer.Span, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let range = span.range
    guard !span.isDottedAcronym, bytes[range].allSatisfy({ $0 < 0x80 }) else {
      return hash(ofToken: span.text(in: bytes))
    }
    var hash = ByteHash()
    for byte in bytes[range] {
      hash.add(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
    }
    return hash.value
  }
}
