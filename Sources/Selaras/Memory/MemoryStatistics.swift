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

/// The statistics as `tm stats --json` and the team server's `GET /v1/stats` answer them:
/// `{"units":…,"documents":…,"pairs":{"en→id":…}}`, the pairs in the order of their names.
public struct MemoryStatisticsAnswer: Encodable, Sendable {
  public var units: Int
  public var documents: Int
  public var pairs: SortedCounts

  public init(_ statistics: MemoryStatistics) {
    units = statistics.units
    documents = statistics.documents
    pairs = SortedCounts(statistics.languagePairs)
  }
}

/// Counts by name, encoded as an object with its keys in order.
public struct SortedCounts: Encodable, Sendable {
  public var counts: [String: Int]

  public init(_ counts: [String: Int]) {
    self.counts = counts
  }

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    for (name, count) in counts.sorted(by: { $0.key < $1.key }) {
      try container.encode(count, forKey: Key(stringValue: name))
    }
  }
}
