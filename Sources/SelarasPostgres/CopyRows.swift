import NIOCore

/// Rows for `COPY … FROM STDIN` in PostgreSQL's text format: fields split by tabs, rows by
/// newlines, `\N` for null; a backslash, tab, newline or carriage return in a text is
/// escaped, and bytes go as `\\x` and their hex digits.
struct CopyRows {
  private(set) var buffer = ByteBufferAllocator().buffer(capacity: 1 << 16)
  private var fieldsInRow = 0
  private(set) var count = 0

  var byteCount: Int { buffer.readableBytes }

  private mutating func separate() {
    if fieldsInRow > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
    fieldsInRow += 1
  }

  mutating func text(_ value: String?) {
    separate()
    guard var value else {
      buffer.writeStaticString("\\N")
      return
    }
    value.withUTF8 { bytes in
      var start = 0
      for (index, byte) in bytes.enumerated() {
        let escaped: UInt8
        switch byte {
        case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
        case UInt8(ascii: "\t"): escaped = UInt8(ascii: "t")
        case UInt8(ascii: "\n"): escaped = UInt8(ascii: "n")
        case UInt8(ascii: "\r"): escaped = UInt8(ascii: "r")
        default: continue
        }
        buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<index]))
        buffer.writeInteger(UInt8(ascii: "\\"))
        buffer.writeInteger(escaped)
        start = index + 1
      }
      buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start...]))
    }
  }

  mutating func integer(_ value: Int64) {
    separate()
    buffer.writeString(String(value))
  }

  mutating func real(_ value: Double?) {
    separate()
    if let value { buffer.writeString("\(value)") } else { buffer.writeStaticString("\\N") }
  }

  mutating func boolean(_ value: Bool) {
    separate()
    buffer.writeStaticString(value ? "t" : "f")
  }

  mutating func bytes(_ value: some Collection<UInt8>) {
    separate()
    buffer.writeStaticString("\\\\x")
    let digits: StaticString = "0123456789abcdef"
    buffer.reserveCapacity(minimumWritableBytes: value.count * 2)
    digits.withUTF8Buffer { digits in
      for byte in value {
        buffer.writeInteger(digits[Int(byte >> 4)])
        buffer.writeInteger(digits[Int(byte & 15)])
      }
    }
  }

  mutating func endRow() {
    buffer.writeInteger(UInt8(ascii: "\n"))
    fieldsInRow = 0
    count += 1
  }

  /// The rows written, leaving none.
  mutating func take() -> ByteBuffer {
    defer { self = CopyRows() }
    return buffer
  }
}
