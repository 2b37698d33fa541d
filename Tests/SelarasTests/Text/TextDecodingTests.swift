import Selaras
import Testing

@Suite("Reading bytes as UTF-8 text")
struct TextDecodingTests {
  @Test("The offset of the first bad sequence is reported", arguments: [
    ([0x61, 0x62, 0xFF], 2),  // a byte that never occurs in UTF-8
    ([0x4B, 0xC3], 1),  // truncated two-byte sequence
    ([0xC0, 0xAF], 0),  // overlong "/"
    ([0x61, 0xED, 0xA0, 0x80], 1),  // a surrogate
    ([0x6E, 0x61, 0x69, 0x6B, 0x20, 0xE2, 0x80, 0x41], 5),  // bad continuation byte
  ] as [([UInt8], Int)])
  func invalidUTF8(bytes: [UInt8], offset: Int) {
    #expect(throws: TextDecodingError.invalidUTF8(offset: offset)) {
      try String(validatingUTF8Text: bytes)
    }
  }

  @Test("Read straight into the string, the same bytes give the same text or the same error, after ASCII read eight bytes at a time", arguments: [
    ([0x61, 0x62, 0xFF], 2), ([0x4B, 0xC3], 1), ([0xC0, 0xAF], 0), ([0x61, 0xED, 0xA0, 0x80], 1),
    ([0x6E, 0x61, 0x69, 0x6B, 0x20, 0xE2, 0x80, 0x41], 5), (Array("Rp\u{00A0}15.565 — naik 📈".utf8), -1),
    ([0x50, 0x4B, 0x03, 0x00, 0x14], -2),
  ] as [([UInt8], Int)])
  func readInPlace(bytes: [UInt8], offset: Int) throws {
    for prefix in ["", "Rupiah melemah ke "] {
      let input = Array(prefix.utf8) + bytes
      func read() throws -> String {
        try String(capacity: input.count + 7) { buffer in
          _ = buffer.initialize(from: input)
          return input.count
        }
      }
      switch offset {
      case -1: #expect(try read() == String(validatingUTF8Text: input))
      case -2: #expect(throws: TextDecodingError.binary(offset: prefix.utf8.count + 3)) { try read() }
      default: #expect(throws: TextDecodingError.invalidUTF8(offset: prefix.utf8.count + offset)) { try read() }
      }
    }
  }

  @Test("Valid text with a BOM, NBSP and emoji is read whole")
  func validText() throws {
    let text = "\u{FEFF}Rp\u{00A0}15.565 — naik 📈"
    #expect(try String(validatingUTF8Text: Array(text.utf8)) == text)
  }

  @Test("UTF-16 and binary input are refused by name")
  func otherEncodings() {
    #expect(throws: TextDecodingError.unsupportedEncoding("UTF-16")) {
      try String(validatingUTF8Text: [0xFF, 0xFE, 0x41, 0x00])
    }
    #expect(throws: TextDecodingError.binary(offset: 3)) {
      try String(validatingUTF8Text: [0x50, 0x4B, 0x03, 0x00, 0x14])
    }
  }
}
