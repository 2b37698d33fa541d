import ArgumentParser
import Selaras

extension TM {
  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "stats",
      abstract: "How many units the memory holds, by language pair.",
      discussion: "json: {\"units\":…,\"documents\":…,\"pairs\":{\"en→id\":…}}. Instant: the counts are kept as units come and go.")

    @OptionGroup var output: JSONOption

    @OptionGroup var store: StoreOptions

    /// The statistics in the contract's shape, pairs in the order of their names.
    private struct Output: Encodable {
      var units: Int
      var documents: Int
      var pairs: SortedCounts
    }

    func run() throws {
      let statistics = try store.existingMemory()?.memoryStatistics() ?? MemoryStatistics()
      if output.json {
        var standardOutput = StandardOutput()
        try standardOutput.writeJSON(
          Output(units: statistics.units, documents: statistics.documents, pairs: SortedCounts(statistics.languagePairs)))
        standardOutput.flush()
      } else {
        print("\(statistics.units) units from \(statistics.documents) documents")
        for (pair, count) in statistics.languagePairs.sorted(by: { $0.key < $1.key }) {
          print("\(pair)\t\(count)")
        }
      }
    }
  }
}

/// Counts by name, encoded as an object with its keys in order.
struct SortedCounts: Encodable {
  var counts: [String: Int]

  init(_ counts: [String: Int]) {
    self.counts = counts
  }

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    for (name, count) in counts.sorted(by: { $0.key < $1.key }) {
      try container.encode(count, forKey: Key(stringValue: name))
    }
  }
}
