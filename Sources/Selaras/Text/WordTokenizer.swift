/// A word of a sentence, as the aligner and glossary see it.
package struct WordToken: Hashable, Sendable {
  package enum Kind: Sendable {
    case word, number
  }

  package var text: String
  package var kind: Kind
  /// Whether the first letter is uppercase.
  package var isCapitalized: Bool
  /// The index of the token in its sentence.
  package var position: Int
}

/// Splits a sentence into words and numbers.
///
/// Letters, marks and internal hyphens or apostrophes make words (`negara-negara`,
/// `Amir-Abdollahian`); digits with internal `.`, `,`, `:` or `/` make numbers (`1.500`,
/// `6,00`, `1:21`, `25/10/2023`). A run of single letters with full stops is one word
/// (`U.S.` → `US`). An English possessive is dropped (`Russia's` → `Russia`). Everything
/// else separates tokens.
///
/// - Complexity: O(*n*) in the UTF-8 length, with a fast path for ASCII.
package enum WordTokenizer {
  package static func tokens(_ text: String) -> [WordToken] {
    var text = text
    return text.withUTF8 { bytes in
      var tokens: [WordToken] = []
      scan(bytes) { span in
        tokens.append(
          WordToken(text: span.text(in: bytes), kind: span.kind, isCapitalized: span.isCapitalized, position: tokens.count))
      }
      return tokens
    }
  }

  /// A token found by ``scan(_:_:)``: where it is, without copying its text.
  struct Span {
    var range: Range<Int>
    var kind: WordToken.Kind
    var isCapitalized: Bool
    /// `U.S.`: the token's text is its letters, uppercased.
    var isDottedAcronym: Bool

    func text(in bytes: UnsafeBufferPointer<UInt8>) -> String {
      guard isDottedAcronym else {
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
      }
      let letters = bytes[range].filter { $0 != UInt8(ascii: ".") }.map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }
      return String(decoding: letters, as: UTF8.self)
    }
  }

  /// Calls `body` with each token of UTF-8 `bytes`, in order.
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Span) -> Void) {
    var index = 0
    while index < bytes.count {
      let (kind, width) = classify(bytes, index)
      switch kind {
      case .digit:
        var end = index + width
        while end < bytes.count {
          let (next, nextWidth) = classify(bytes, end)
          if next == .digit {
            end += nextWidth
          } else if isNumberJoiner(bytes[end]), end + 1 < bytes.count, classify(bytes, end + 1).0 == .digit {
            end += 1
          } else {
            break
          }
        }
        body(Span(range: index..<end, kind: .number, isCapitalized: false, isDottedAcronym: false))
        index = end
      case .letter:
        if let end = dottedAcronymEnd(bytes, from: index) {
          body(Span(range: index..<(end - 1), kind: .word, isCapitalized: true, isDottedAcronym: true))
          index = end
          continue
        }
        var end = index + width
        while end < bytes.count {
          let byte = bytes[end]
          if byte & 0xDF >= 0x41 && byte & 0xDF <= 0x5A {
            end += 1
            continue
          }
          let (next, nextWidth) = classify(bytes, end)
          if next == .letter {
            end += nextWidth
          } else if let joiner = wordJoinerWidth(bytes, end), end + joiner < bytes.count,
            classify(bytes, end + joiner).0 == .letter
          {
            end += joiner
          } else {
            break
          }
        }
        let range = index..<(end - possessiveWidth(bytes, index..<end))
        body(Span(range: range, kind: .word, isCapitalized: isUppercase(bytes, index), isDottedAcronym: false))
        index = end
      case .other:
        index += width
      }
    }
  }

  private enum Class {
    case letter, digit, other
  }

  /// Whether the character at `index` is one words are made of (a letter or a mark; a digit is
  /// not), and its width in bytes.
  static func isLetter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (isLetter: Bool, width: Int) {
    let (kind, width) = classify(bytes, index)
    return (kind == .letter, width)
  }

  @inline(__always)
  private static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (Class, Int) {
    let byte = bytes[index]
    if byte < 0x80 {
      switch byte {
      case 0x30...0x39: return (.digit, 1)
      case 0x41...0x5A, 0x61...0x7A: return (.letter, 1)
      default: return (.other, 1)
      }
    }
    let (scalar, width) = decode(bytes, index)
    if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark {
      return (.letter, width)
    }
    return (.other, width)
  }

  private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (Unicode.Scalar, Int) {
    let lead = UInt32(bytes[index])
    let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    var value = lead & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
    for offset in 1..<width where index + offset < bytes.count {
      value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
    }
    return (Unicode.Scalar(value) ?? " ", width)
  }

  private static func isNumberJoiner(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "/")
  }

  /// The width of a hyphen or apostrophe (`-`, `'`, `’`) at `index`, or nil.
  private static func wordJoinerWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int? {
    let byte = bytes[index]
    if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'") { return 1 }
    if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 { return 3 }
    return nil
  }

  /// The width of an English possessive `'s` or `’s` ending `range`, or 0.
  private static func possessiveWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    guard range.count > 2, bytes[range.upperBound - 1] == UInt8(ascii: "s") else { return 0 }
    if bytes[range.upperBound - 2] == UInt8(ascii: "'") { return 2 }
    if range.count > 4, bytes[range.upperBound - 2] == 0x99, bytes[range.upperBound - 3] == 0x80,
      bytes[range.upperBound - 4] == 0xE2
    {
      return 4
    }
    return 0
  }

  private static func isUppercase(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    let first = bytes[index]
    return first < 0x80 ? (0x41...0x5A).contains(first) : decode(bytes, index).0.properties.isUppercase
  }

  /// The end (after the last stop) of a run of two or more single ASCII letters each
  /// followed by a full stop, such as `U.S.`; nil for anything else.
  private static func dottedAcronymEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    func isASCIILetter(_ i: Int) -> Bool {
      i < bytes.count && ((0x41...0x5A).contains(bytes[i]) || (0x61...0x7A).contains(bytes[i]))
    }
    var letters = 0
    var index = start
    while isASCIILetter(index), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "."),
      !isASCIILetter(index + 2) || (0x41...0x5A).contains(bytes[index + 2])
    {
      letters += 1
      index += 2
      if !isASCIILetter(index) { break }
    }
    guard letters >= 2, !isASCIILetter(index) else { return nil }
    return index
  }
}
