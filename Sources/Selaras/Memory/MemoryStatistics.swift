/// The size of a translation memory.
public struct MemoryStatistics: Hashable, Sendable, Codable {
  public var units: Int
  /// Units per "source→target" language pair, as stored.
  public var languagePairs: [String: Int]
  /// How many distinct documents the units name (units without one aside).
  public var documents: Int

  public init(units: Int = 0, languagePairs: [String: Int] = [:], documents: Int = 0) {
    self.units = units
    self.languagePairs = languagePairs
    self.documents = documents
  }
}
