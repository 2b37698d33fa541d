import ArgumentParser
import Selaras

extension TM {
  struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "stats",
      abstract: "Which store, its direction, and how many units it holds, by language pair.",
      discussion: """
        json: {"units":…, "documents":…, "pairs":{"en→id":…}, "store":"…", "direction":"en→id"}. \
        Instant: the counts are kept as units come and go.

        Examples:
          selaras tm stats
          selaras tm stats --db team.sqlite --json
        """)

    @OptionGroup var output: JSONOption

    @OptionGroup var store: StoreOptions

    func run() async throws {
      let statistics = try await store.memoryToRead().memoryStatistics()
      let direction = try await store.direction()
      if output.json {
        var standardOutput = StandardOutput()
        try standardOutput.writeJSON(
          Output(MemoryStatisticsAnswer(statistics), store: store.name, direction: direction))
        standardOutput.flush()
      } else {
        print("store: \(store.name)")
        print("direction: \(direction)")
        print("\(statistics.units) units from \(statistics.documents) documents")
        for (pair, count) in statistics.languagePairs.sorted(by: { $0.key < $1.key }) {
          print("\(pair)\t\(count)")
        }
      }
    }

    /// `--json`: the statistics, then the store and its direction.
    private struct Output: Encodable {
      var statistics: MemoryStatisticsAnswer
      var store: String
      var direction: String

      init(_ statistics: MemoryStatisticsAnswer, store: String, direction: LanguagePair) {
        self.statistics = statistics
        self.store = store
        self.direction = direction.description
      }

      private enum CodingKeys: String, CodingKey { case store, direction }

      func encode(to encoder: any Encoder) throws {
        try statistics.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(store, forKey: .store)
        try container.encode(direction, forKey: .direction)
      }
    }
  }
}
