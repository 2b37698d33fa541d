/// What the translation memory's word index keeps of a segment: its length in
/// ``MatchText`` tokens, and each distinct key as the index holds it (``MatchText/indexKeys``):
/// words (placeables by kind and occurrence, and as written, ``MatchText/placeableKeys``) and
/// punctuation apart.
///
/// Computed on bytes without making a string per token, because an import computes it for
/// both sides of every unit.
package struct SegmentKeys: Sendable {
  /// ``MatchText/count`` of the segment.
  package var tokenCount = 0
  /// The distinct keys of the words and placeables (each placeable's kind and value), in
  /// order of first occurrence.
  package var words: [UInt64] = []
  /// The distinct keys of the punctuation, in order of first occurrence.
  package var punctuation: [UInt64] = []

  /// The index keys of all of a segment's tokens, in order (``MatchText/indexKeys``). Equal
  /// tokens have equal keys; unequal ones differ but for a 64-bit collision.
  package static func tokenHashes(_ text: String) -> [UInt64] {
    MatchText(text).indexKeys
  }

  package init(_ text: String) {
    var text = text
    let match = text.withUTF8 { MatchText(utf8: $0, writtenForms: false) }
    tokenCount = match.count
    words.reserveCapacity(match.count + match.placeableKeys.count)
    for (index, key) in match.indexKeys.enumerated() {
      if match.isWordlike(index) {
        if !words.contains(key) { words.append(key) }
      } else if !punctuation.contains(key) {
        punctuation.append(key)
      }
    }
    for key in match.placeableKeys where !words.contains(key) { words.append(key) }
  }

  /// The hash of one word token, lowercased: ASCII on the fly, anything else through
  /// `String.lowercased()` as ``FuzzyMatch/tokens(_:)`` does.
  package static func hash(ofToken token: String) -> UInt64 {
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
