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

    func run() throws {
      let statistics = try store.memoryToRead().memoryStatistics()
      if output.json {
        var standardOutput = StandardOutput()
        try standardOutput.writeJSON(MemoryStatisticsAnswer(statistics))
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
