/// What the translation memory's word index keeps of a segment: its length in
/// ``MatchText`` tokens, and each distinct index key (``MatchText/indexKeys``): words (numbers
/// and calendar names included) and punctuation apart.
///
/// Computed on bytes without making a string per token, because an import computes it for
/// both sides of every unit.
public struct SegmentKeys: Sendable {
  /// ``MatchText/count`` of the segment.
  public var tokenCount = 0
  /// The distinct index keys of the words, numbers and calendar names, in order of first occurrence.
  public var words: [UInt64] = []
  /// The distinct index keys of the punctuation, in order of first occurrence.
  public var punctuation: [UInt64] = []

  /// The index keys of all of a segment's tokens, in order (``MatchText/indexKeys``). Equal
  /// tokens have equal keys; unequal ones differ but for a 64-bit collision.
  public static func tokenHashes(_ text: String) -> [UInt64] {
    MatchText(text).indexKeys
  }

  public init(_ text: String) {
    var text = text
    var tokens: [MatchToken] = []
    text.withUTF8 { bytes in
      // Room for the tokens of most segments, which would otherwise grow the array a few times.
      tokens.reserveCapacity(bytes.count / 4 + 4)
      MatchToken.scan(bytes) { tokens.append($0) }
    }
    let stop = MatchToken.finalStop(tokens)
    tokenCount = tokens.count - (stop == nil ? 0 : 1)
    words.reserveCapacity(tokens.count)
    for (index, token) in tokens.enumerated() where index != stop {
      if token.kind.isWordlike {
        if !words.contains(token.indexKey) { words.append(token.indexKey) }
      } else if !punctuation.contains(token.indexKey) {
        punctuation.append(token.indexKey)
      }
    }
  }

  /// The hash of one word token, lowercased: ASCII on the fly, anything else through
  /// `String.lowercased()` as ``FuzzyMatch/tokens(_:)`` does.
  public static func hash(ofToken token: String) -> UInt64 {
    ByteHash.of(token.lowercased().utf8)
  }

  static func hash(_ span: WordTokenizer.Span, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
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
