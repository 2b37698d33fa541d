import Foundation
import GRDB
import Selaras

/// A unit with what storing it needs worked out: the hash of its texts, the index keys of
/// both sides and its dates as stored. Made wherever the unit is made, so that a concurrent
/// import does that work on the producing thread.
struct PreparedUnit: Sendable {
  var unit: TranslationUnit
  var hash: Int64
  var sourceTokens: Int
  var targetTokens: Int
  /// The unit's slots in the word index, for its keys (``WordIndex/keys(source:in:target:in:)``).
  var indexSlots: UnitSlots
  var created: String?
  var changed: String?

  /// Prepares `unit`; `slots` numbers the index keys of the units of one import, in the
  /// order they are stored.
  init(_ unit: TranslationUnit, slots: inout IndexSlots) {
    self.unit = unit
    hash = SelarasDatabase.textHash(
      unit.sourceLanguage.language, unit.targetLanguage.language, unit.source, unit.target)
    let source = SegmentKeys(unit.source)
    let target = SegmentKeys(unit.target)
    sourceTokens = source.tokenCount
    targetTokens = target.tokenCount
    let keys = WordIndex.keys(
      source: source, in: unit.sourceLanguage.language, target: target, in: unit.targetLanguage.language)
    indexSlots = slots.assign(keys: keys.keys, sourceCount: keys.sourceCount)
    created = unit.creationDate.map(SelarasDatabase.memoryTimestamp)
    changed = unit.changeDate.map(SelarasDatabase.memoryTimestamp)
  }
}

extension SelarasDatabase {
  /// The stored value of `textHash` for a unit: FNV-1a over its languages and texts.
  static func textHash(_ sourceLanguage: String, _ targetLanguage: String, _ source: String, _ target: String) -> Int64
  {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    func add(_ field: String) {
      var field = field
      field.withUTF8 { bytes in
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
      }
      hash = (hash ^ 0xFF) &* 0x0000_0100_0000_01B3
    }
    add(sourceLanguage)
    add(targetLanguage)
    add(source)
    add(target)
    return Int64(bitPattern: hash)
  }
}
