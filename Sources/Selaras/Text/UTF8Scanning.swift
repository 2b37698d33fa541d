#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level scanning of UTF-8 text: white space, line breaks and scalars, without
/// decoding the whole text. The segmenter's hot path runs on these. Sendable: a read-only
/// view of bytes that outlive every use (one segmentation call), which that call's threads read.
struct UTF8Scanner: @unchecked Sendable {
  let bytes: UnsafeBufferPointer<UInt8>

  var count: Int { bytes.count }

  subscript(index: Int) -> UInt8 { bytes[index] }

  /// The width in bytes of the white-space character at `index` (0 when there is none),
  /// and whether it breaks a line. Covers ASCII space and controls, NBSP, NEL, the
  /// U+2000 block (zero-width space included), U+2028/U+2029, U+3000 and the BOM.
  @inline(__always)
  func space(at index: Int) -> (width: Int, isLineBreak: Bool) {
    let lead = bytes[index]
    switch lead {
    case 0x20, 0x09, 0x0B, 0x0C:
      return (1, false)
    case 0x0A, 0x0D:
      return (1, true)
    case 0xC2 where index + 1 < bytes.count:
      let next = bytes[index + 1]
      if next == 0xA0 { return (2, false) }
      if next == 0x85 { return (2, true) }
    case 0xE2 where index + 2 < bytes.count:
      let second = bytes[index + 1]
      let third = bytes[index + 2]
      if second == 0x80 {
        if (0x80...0x8B).contains(third) || third == 0xAF { return (3, false) }
        if third == 0xA8 || third == 0xA9 { return (3, true) }
      } else if second == 0x81 && third == 0x9F {
        return (3, false)
      }
    case 0xE3 where index + 2 < bytes.count:
      if bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 { return (3, false) }
    case 0xEF where index + 2 < bytes.count:
      if bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF { return (3, false) }
    default:
      break
    }
    return (0, false)
  }

  /// The start of the scalar that ends just before `index`.
  @inline(__always)
  func scalarStart(before index: Int) -> Int {
    var start = index - 1
    while start > 0 && bytes[start] & 0xC0 == 0x80 && index - start < 4 {
      start -= 1
    }
    return start
  }

  /// The width of the white-space character ending just before `index`, or 0.
  @inline(__always)
  func spaceWidth(before index: Int) -> Int {
    let last = bytes[index - 1]
    if last < 0x80 {
      return space(at: index - 1).width
    }
    let start = scalarStart(before: index)
    let width = space(at: start).width
    return width == index - start ? width : 0
  }

  /// `range` without white space at either end.
  func trimming(_ range: Range<Int>) -> Range<Int> {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper {
      let width = space(at: lower).width
      if width == 0 { break }
      lower += width
    }
    while upper > lower {
      let width = spaceWidth(before: upper)
      if width == 0 { break }
      upper -= width
    }
    return lower..<upper
  }

  /// The number of line breaks in `range`, counting CR LF as one.
  func lineBreakCount(in range: Range<Int>) -> Int {
    guard !range.isEmpty else { return 0 }
    let base = UnsafeRawPointer(bytes.baseAddress!)
    var count = 0
    var index = range.lowerBound
    while index < range.upperBound {
      // Eight ASCII bytes with no control character below 0x0E (LF, CR, VT, FF) hold no
      // line break: skipped at once.
      if index + 8 <= range.upperBound {
        let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let high: UInt64 = 0x8080_8080_8080_8080
        if word & high == 0 && (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & high == 0 {
          index += 8
          continue
        }
      }
      let (width, isLineBreak) = space(at: index)
      if isLineBreak && !(bytes[index] == 0x0D && index + 1 < range.upperBound && bytes[index + 1] == 0x0A) {
        count += 1
      }
      index += max(width, 1)
    }
    return count
  }

  /// The scalar starting at `index`.
  func scalar(at index: Int) -> Unicode.Scalar {
    let lead = UInt32(bytes[index])
    let length: Int
    var value: UInt32
    switch lead {
    case 0..<0x80: return Unicode.Scalar(UInt8(lead))
    case 0xC0..<0xE0: length = 2; value = lead & 0x1F
    case 0xE0..<0xF0: length = 3; value = lead & 0x0F
    default: length = 4; value = lead & 0x07
    }
    for offset in 1..<length where index + offset < bytes.count {
      value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
    }
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }

  /// The text of `range` with every run of white space collapsed to one ASCII space.
  /// `range` must not start or end with white space.
  func collapsedText(_ range: Range<Int>) -> String {
    String(unsafeUninitializedCapacity: range.count) { collapse(range, into: $0) }
  }

  /// Writes the bytes of `range` with each run of white space as one space into `output`,
  /// which has room for `range.count` bytes; how many it wrote.
  func collapse(_ range: Range<Int>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
    var count = 0
    var index = range.lowerBound
    var inSpace = false
    let base = UnsafeRawPointer(bytes.baseAddress!)
    let target = UnsafeMutableRawPointer(output.baseAddress!)
    while index < range.upperBound {
      // Eight plain ASCII bytes with no control character and no two spaces in a row
      // are copied as they are.
      if index + 8 <= range.upperBound {
        let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let high: UInt64 = 0x8080_8080_8080_8080
        let controls = (word &- 0x2020_2020_2020_2020) & ~word & high
        let spaceBytes = word ^ 0x2020_2020_2020_2020
        let spaces = (spaceBytes &- 0x0101_0101_0101_0101) & ~spaceBytes & high
        if word & high == 0 && controls == 0 && spaces & (spaces << 8) == 0
          && !(inSpace && word & 0xFF == 0x20)
        {
          target.storeBytes(of: word, toByteOffset: count, as: UInt64.self)
          count += 8
          index += 8
          inSpace = word >> 56 == 0x20
          continue
        }
      }
      let byte = bytes[index]
      if byte > 0x20 && byte < 0x80 {
        output[count] = byte
        count += 1
        inSpace = false
        index += 1
        continue
      }
      let width = space(at: index).width
      if width > 0 {
        if !inSpace {
          output[count] = 0x20
          count += 1
        }
        inSpace = true
        index += width
      } else {
        output[count] = bytes[index]
        count += 1
        inSpace = false
        index += 1
      }
    }
    return count
  }

  /// Calls `body` with the offset of each `byte` in `range`, found with `memchr`.
  func forEachOffset(of byte: UInt8, in range: Range<Int>, _ body: (Int) -> Void) {
    guard let base = bytes.baseAddress, !range.isEmpty else { return }
    var start = range.lowerBound
    while start < range.upperBound,
      let found = memchr(base + start, Int32(byte), range.upperBound - start)
    {
      let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
      body(offset)
      start = offset + 1
    }
  }

  /// The width of the closing bracket or quotation mark ending just before `index`
  /// (`) ] } " ' ” ’ »`), 0 when there is none, and whether it is a quotation mark.
  func closingPunctuation(before index: Int) -> (width: Int, isQuote: Bool) {
    switch bytes[index - 1] {
    case 0x29, 0x5D, 0x7D: return (1, false)
    case 0x22, 0x27: return (1, true)
    case 0x9D where index >= 3 && bytes[index - 3] == 0xE2 && bytes[index - 2] == 0x80,
      0x99 where index >= 3 && bytes[index - 3] == 0xE2 && bytes[index - 2] == 0x80:
      return (3, true)
    case 0xBB where index >= 2 && bytes[index - 2] == 0xC2: return (2, true)
    default: return (0, false)
    }
  }

  /// The width of the opening bracket or quotation mark at `index` (`( [ { " ' “ ‘ « „`),
  /// 0 when there is none, and whether it is a quotation mark.
  func openingPunctuation(at index: Int) -> (width: Int, isQuote: Bool) {
    switch bytes[index] {
    case 0x28, 0x5B, 0x7B: return (1, false)
    case 0x22, 0x27: return (1, true)
    case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (0x98...0x9E).contains(bytes[index + 2]):
      return (3, true)
    case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xAB: return (2, true)
    default: return (0, false)
    }
  }

}
