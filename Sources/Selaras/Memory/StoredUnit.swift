/// A unit as a memory holds it: with the identifier that names it there, for
/// ``TranslationMemory/deleteUnits(ids:)``. Reads as its unit (`stored.source`).
@dynamicMemberLookup
public struct StoredUnit: Hashable, Sendable {
  public var id: Int64
  public var unit: TranslationUnit

  public init(id: Int64, unit: TranslationUnit) {
    self.id = id
    self.unit = unit
  }

  public subscript<Value>(dynamicMember path: KeyPath<TranslationUnit, Value>) -> Value {
    unit[keyPath: path]
  }
}
