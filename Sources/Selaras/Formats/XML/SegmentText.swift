/// The text of a segment read from XML (TMX `seg`, XLIFF `source` and `target`).
enum SegmentText {
  /// The text trimmed, with runs of white space as one space; the string itself when it
  /// is already so, as almost every segment is.
  static func collapsed(_ text: String) -> String {
    var text = text
    let isClean = text.withUTF8 { bytes in
      var previousSpace = true
      for index in bytes.indices {
        let byte = bytes[index]
        let isSpace = byte == 0x20
        if isSpace && previousSpace || (0x09...0x0D).contains(byte) || byte >= 0xC2 && isUnicodeSpace(bytes, index) {
          return false
        }
        previousSpace = isSpace
      }
      return !previousSpace || bytes.isEmpty
    }
    return isClean ? text : text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Whether a white-space character other than ASCII's starts at `index`: U+0085, U+00A0,
  /// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F or U+3000.
  private static func isUnicodeSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    func byte(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
    switch bytes[index] {
    case 0xC2: return byte(1) == 0x85 || byte(1) == 0xA0
    case 0xE1: return byte(1) == 0x9A && byte(2) == 0x80
    case 0xE2:
      return byte(1) == 0x80 && ((0x80...0x8A).contains(byte(2)) || [0xA8, 0xA9, 0xAF].contains(byte(2)))
        || byte(1) == 0x81 && byte(2) == 0x9F
    case 0xE3: return byte(1) == 0x80 && byte(2) == 0x80
    default: return false
    }
  }
}
