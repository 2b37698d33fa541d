import Foundation

/// A unit with what storing it needs worked out: the hash of its texts, the index keys of
/// both sides and its dates as stored. Made wherever the unit is made, so that a concurrent
/// import (``ConcurrentImport``) does that work on the producing thread; every backend
/// stores the same prepared units.
package struct PreparedUnit: Sendable {
  package var unit: TranslationUnit
  package var hash: Int64
  package var sourceTokens: Int
  package var targetTokens: Int
  /// The unit's slots in the word index, for its keys (``PostingList/keys(source:in:target:in:)``).
  package var indexSlots: UnitSlots
  package var created: String?
  package var changed: String?

  /// Prepares `unit`; `slots` numbers the index keys of the units of one import, in the
  /// order they are stored. A unit no store keeps (``TranslationUnit/storageProblem``) is an
  /// error: every import, on every backend, prepares its units here.
  package init(_ unit: TranslationUnit, slots: inout IndexSlots) throws {
    if let problem = unit.storageProblem {
      throw UnstorableTextError("the unit '\(unit.source.prefix(60))': \(problem)")
    }
    self.unit = unit
    hash = Self.textHash(unit.sourceLanguage.language, unit.targetLanguage.language, unit.source, unit.target)
    let source = SegmentKeys(unit.source)
    let target = SegmentKeys(unit.target)
    sourceTokens = source.tokenCount
    targetTokens = target.tokenCount
    let keys = PostingList.keys(
      source: source, in: unit.sourceLanguage.language, target: target, in: unit.targetLanguage.language)
    indexSlots = slots.assign(keys: keys.keys, sourceCount: keys.sourceCount)
    created = unit.creationDate.map(Self.timestamp)
    changed = unit.changeDate.map(Self.timestamp)
  }

  /// The hash a memory finds duplicates by: FNV-1a over the unit's languages and texts.
  package static func textHash(_ sourceLanguage: String, _ targetLanguage: String, _ source: String, _ target: String)
    -> Int64
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

  /// Dates in a memory: ISO 8601's basic form (`20241119T031500Z`, as TMX writes them),
  /// made by arithmetic because an import writes one per unit.
  package static func timestamp(_ date: Date) -> String {
    TMXWriter.date(date)
  }
}
