/// The patterns of site chrome in one language: whole sentences and sentence openings,
/// matched against a sentence's collapsed text without regard to ASCII case.
///
/// Matching runs on UTF-8 bytes with the patterns indexed by their first byte, so that a
/// sentence costs a few comparisons rather than one per pattern.
public struct ChromePatterns: Sendable {
  private struct Pattern: Sendable {
    var bytes: [UInt8]
    var isPrefix: Bool
  }

  private var byFirstByte: [[Pattern]] = Array(repeating: [], count: 256)

  public init(sentences: [String], prefixes: [String]) {
    for (texts, isPrefix) in [(sentences, false), (prefixes, true)] {
      for text in texts where !text.isEmpty {
        let bytes = text.utf8.map(Self.fold)
        byFirstByte[Int(bytes[0])].append(Pattern(bytes: bytes, isPrefix: isPrefix))
      }
    }
  }

  /// Whether `sentence` is chrome: one of the patterns, or an editor's initials in
  /// brackets such as `(rzr/rzr)` or `(kna)`, which Indonesian sites end articles with.
  public func matches(_ sentence: String) -> Bool {
    var sentence = sentence
    return sentence.withUTF8 { bytes in
      guard let first = bytes.first else { return false }
      if Self.isEditorInitials(bytes) {
        return true
      }
      for pattern in byFirstByte[Int(Self.fold(first))] {
        let count = pattern.bytes.count
        guard pattern.isPrefix ? bytes.count >= count : bytes.count == count else { continue }
        var index = 1
        while index < count && Self.fold(bytes[index]) == pattern.bytes[index] {
          index += 1
        }
        if index == count { return true }
      }
      return false
    }
  }

  /// `(rzr/rzr)`: a bracket, at most 20 ASCII letters, digits and slashes, a bracket.
  private static func isEditorInitials(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 3, bytes.count <= 22, bytes.first == UInt8(ascii: "("), bytes.last == UInt8(ascii: ")") else {
      return false
    }
    return bytes.dropFirst().dropLast().allSatisfy { byte in
      (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "/")
    }
  }

  @inline(__always)
  private static func fold(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
  }
}
