import Selaras
import Testing

@Suite("HashIndex")
struct HashIndexTests {
  @Test("Every 64-bit key is its own, 0 and keys one bit apart included, and growing keeps them all")
  func exactKeys() {
    var index = HashIndex(capacity: 4)
    // Keys that share their probe start (bits 7 and up) and differ in the lowest bits.
    let keys: [UInt64] = [0, 1, 2, 3, 0x80, 0x81, .max, .max - 1]
    for (value, key) in keys.enumerated() { index.insert(value, for: key) }
    // Enough more to make the table grow several times.
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var more: [UInt64] = []
    for _ in 0..<5000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      more.append(state)
    }
    for (offset, key) in more.enumerated() { index.insert(keys.count + offset, for: key) }
    #expect(keys.indices.allSatisfy { index[keys[$0]] == $0 })
    #expect(more.indices.allSatisfy { index[more[$0]] == keys.count + $0 })
    #expect(index[4] == nil && index[0x82] == nil)
    index.insert(99, for: 1)
    #expect(index[1] == 99 && index[0] == 0)
  }
}
