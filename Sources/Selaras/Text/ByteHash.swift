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
