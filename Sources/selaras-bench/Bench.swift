import ArgumentParser

/// Release-mode benchmarks and quality scoring against gold data. Every figure is printed
/// as one JSON line on stdout.
@main
struct Bench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "selaras-bench",
    abstract: "Measure Selaras: speed in release builds, quality against gold data.",
    subcommands: [
      SegmentBench.self, ExtractBench.self, AlignBench.self, AlignFitBench.self, GlossaryBench.self, MemoryBench.self,
      MatchBench.self, ServeBench.self,
    ])
}
