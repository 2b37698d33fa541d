import Testing

@testable import Selaras

@Suite("UTF8Scanner")
struct UTF8ScanningTests {
  @Test("Line breaks counted eight bytes at a time agree with Swift's characters, at every offset")
  func lineBreakCount() {
    // Real sentences with every line break the segmenter knows (LF, CR, CR LF as one, NEL,
    // LS, PS) and the controls that are none (tab, VT, FF), at shifting positions.
    let pieces = [
      "Bank Indonesia mempertahankan suku bunga acuan.", "\n", "Rupiah melemah\r\nke Rp15.800.", "\r",
      "Gubernur BI Perry Warjiyo", "\u{85}", "dalam konferensi pers", "\u{2028}", "Kamis (11/7/2024).", "\u{2029}",
      "kata\tdia\u{0B}lagi\u{0C}.", "\n\n", "“Keputusan ini konsisten,” kata Perry.",
    ]
    let lineBreaks: Set<Character> = ["\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}"]
    for shift in 0..<9 {
      let text = String(repeating: "x", count: shift) + pieces.joined()
      var copy = text
      copy.withUTF8 { bytes in
        let scanner = UTF8Scanner(bytes: bytes)
        // Every range that starts and ends between characters.
        let offsets = text.indices.map { text.utf8.distance(from: text.startIndex, to: $0) } + [bytes.count]
        for (first, lower) in offsets.enumerated() where first % 3 == 0 {
          for upper in offsets[first...] {
            let slice = text.utf8.index(text.startIndex, offsetBy: lower)..<text.utf8.index(text.startIndex, offsetBy: upper)
            let expected = text[slice].filter { lineBreaks.contains($0) }.count
            #expect(scanner.lineBreakCount(in: lower..<upper) == expected, "shift \(shift), \(lower)..<\(upper)")
          }
        }
      }
    }
  }
}
