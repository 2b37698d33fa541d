import Foundation

/// Why bytes could not be read as text.
public enum TextDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The bytes are not UTF-8; `offset` is the byte offset of the first bad sequence.
  case invalidUTF8(offset: Int)
  /// The bytes start with a UTF-16 or UTF-32 byte order mark.
  case unsupportedEncoding(String)
  /// The bytes hold a NUL byte at `offset`: a binary file, not text.
  case binary(offset: Int)

  public var description: String {
    switch self {
    case .invalidUTF8(let offset):
      return "invalid UTF-8 at byte offset \(offset)"
    case .unsupportedEncoding(let name):
      return "text is \(name), not UTF-8; convert it to UTF-8 first"
    case .binary(let offset):
      return "binary data (NUL byte at byte offset \(offset)), not text"
    }
  }
}

extension String {
  /// Reads UTF-8 bytes as text, refusing anything else with the offset of the first bad byte.
  ///
  /// A UTF-8 byte order mark is kept, so that byte offsets into the result are offsets into
  /// `bytes`; the segmenter treats it as white space.
  ///
  /// - Throws: `TextDecodingError`.
  public init(validatingUTF8Text bytes: some Collection<UInt8>) throws(TextDecodingError) {
    // Read in place where the bytes are contiguous (Data, arrays): a file of text is
    // copied once, into the string.
    let decoded =
      bytes.withContiguousStorageIfAvailable(Self.decodeUTF8Text)
      ?? Array(bytes).withUnsafeBufferPointer(Self.decodeUTF8Text)
    self = try decoded.get()
  }

  private static func decodeUTF8Text(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<String, TextDecodingError> {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      return .failure(.unsupportedEncoding(bytes.starts(with: [0xFF, 0xFE, 0, 0]) ? "UTF-32" : "UTF-16"))
    }
    if let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) {
      return .failure(.binary(offset: base.distance(to: nul.assumingMemoryBound(to: UInt8.self))))
    }
    if let text = String(validating: bytes, as: UTF8.self) {
      return .success(text)
    }
    return .failure(.invalidUTF8(offset: firstInvalidUTF8Offset(Array(bytes)) ?? 0))
  }
}

extension String {
  /// Text whose UTF-8 bytes `read` writes straight into the new string's storage: at most
  /// `capacity` bytes, returning how many it wrote. A large file is copied once, into the
  /// string, instead of into a buffer first. Checked as ``init(validatingUTF8Text:)`` checks.
  ///
  /// - Throws: `TextDecodingError`, or what `read` throws.
  public init(capacity: Int, readingUTF8Text read: (UnsafeMutableBufferPointer<UInt8>) throws -> Int) throws {
    self = try String(unsafeUninitializedCapacity: Swift.max(capacity, 1)) { buffer in
      let count = try read(buffer)
      let bytes = UnsafeBufferPointer(rebasing: buffer[..<count])
      if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
        throw TextDecodingError.unsupportedEncoding(bytes.starts(with: [0xFF, 0xFE, 0, 0]) ? "UTF-32" : "UTF-16")
      }
      if let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) {
        throw TextDecodingError.binary(offset: base.distance(to: nul.assumingMemoryBound(to: UInt8.self)))
      }
      if let offset = firstInvalidUTF8Offset(bytes) { throw TextDecodingError.invalidUTF8(offset: offset) }
      return count
    }
  }
}

/// The offset of the first byte that does not start a well-formed UTF-8 sequence, or nil.
///
/// Follows the Unicode definition of well-formed UTF-8 (Table 3-7): no overlong forms,
/// no surrogates, nothing above U+10FFFF.
func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
  bytes.withUnsafeBufferPointer(firstInvalidUTF8Offset)
}

func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
  var index = 0
  let count = bytes.count
  while index < count {
    // Eight ASCII bytes at once.
    if index + 8 <= count
      && UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
    {
      index += 8
      continue
    }
    let lead = bytes[index]
    if lead < 0x80 {
      index += 1
      continue
    }
    let length: Int
    var secondRange: ClosedRange<UInt8> = 0x80...0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; secondRange = 0xA0...0xBF
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; secondRange = 0x80...0x9F
    case 0xF0: length = 4; secondRange = 0x90...0xBF
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; secondRange = 0x80...0x8F
    default: return index
    }
    guard index + length <= count, secondRange.contains(bytes[index + 1]) else { return index }
    for continuation in bytes[(index + 2)..<(index + length)] where continuation & 0xC0 != 0x80 {
      return index
    }
    index += length
  }
  return nil
}
