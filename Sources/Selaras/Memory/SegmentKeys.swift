/// What the translation memory's word index keeps of a segment: its length in
/// ``FuzzyMatch`` tokens, for the length window of a search, and a 64-bit hash of each
/// distinct word token (numbers included, punctuation not), case-folded as ``FuzzyMatch``
/// folds it.
///
/// Computed on bytes without making a string per token, because an import computes it for
/// both sides of every unit.
public struct SegmentKeys: Sendable {
  /// ``FuzzyMatch/tokens(_:)``'s count for the segment.
  public var tokenCount = 0
  /// The hashes of the distinct word tokens, in order of first occurrence.
  public var words: [UInt64] = []

  /// The hashes of all of a segment's ``FuzzyMatch`` tokens, in order: what the match
  /// percentage compares, computed without a string per token. Equal tokens have equal
  /// hashes; unequal ones differ but for a 64-bit collision.
  public static func tokenHashes(_ text: String) -> [UInt64] {
    var text = text
    var result: [UInt64] = []
    text.withUTF8 { bytes in
      var last = 0
      WordTokenizer.scan(bytes) { span in
        punctuationHashes(bytes, last..<span.range.lowerBound, into: &result)
        result.append(hash(span, bytes))
        last = span.range.upperBound
      }
      punctuationHashes(bytes, last..<bytes.count, into: &result)
    }
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
    text.withUTF8 { bytes in
      var last = 0
      WordTokenizer.scan(bytes) { span in
        tokenCount += Self.punctuationCount(bytes, last..<span.range.lowerBound) + 1
        let hash = Self.hash(span, bytes)
        if !words.contains(hash) { words.append(hash) }
        last = span.range.upperBound
      }
      tokenCount += Self.punctuationCount(bytes, last..<bytes.count)
    }
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

  /// The punctuation tokens between two words: non-space characters, one token each.
  private static func punctuationCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    guard !range.isEmpty else { return 0 }
    if bytes[range].allSatisfy({ $0 < 0x80 }) {
      return bytes[range].reduce(0) { count, byte in
        count + (byte == 0x20 || (0x09...0x0D).contains(byte) ? 0 : 1)
      }
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).reduce(0) {
      $0 + ($1.isWhitespace ? 0 : 1)
    }
  }
}
