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
