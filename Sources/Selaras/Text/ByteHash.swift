/// FNV-1a, 64 bits, over bytes: how words are found again without making strings. Two
/// different words of one text or glossary colliding is practically impossible.
struct ByteHash {
  private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

  @inline(__always)
  mutating func add(_ byte: UInt8) {
    value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
  }

  mutating func add(_ bytes: some Sequence<UInt8>) {
    for byte in bytes { add(byte) }
  }

  static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash = ByteHash()
    hash.add(bytes)
    return hash.value
  }
}

extension ByteHash {
  /// A hash of a run of bytes taken eight at a time, for finding equal lines again in
  /// memory (they are compared byte for byte after): several times faster than FNV-1a's
  /// byte at a time on a line of text. Never stored — its values may change.
  static func ofLine(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    guard let base = bytes.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    var value = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    var index = 0
    while index + 8 <= bytes.count {
      value = (value ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      value ^= value >> 32
      index += 8
    }
    var tail: UInt64 = 0
    while index < bytes.count {
      tail = tail << 8 | UInt64(bytes[index])
      index += 1
    }
    value = (value ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    return value ^ value >> 29
  }
}
