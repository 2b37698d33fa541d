import ArgumentParser
import Foundation
import Selaras
import SelarasPostgres
import SelarasPostgresTestSupport
import SelarasStore

struct MemoryBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tm",
    abstract: "Translation memory: import, search and export rates on a large synthetic memory.")

  @Option(help: "The Corpora folder whose sentences the units are made from.")
  var corpora = "Corpora"

  @Option(help: "How many units the memory holds.")
  var units = 1_000_000

  @Option(help: "Queries per edit level.")
  var queries = 200

  @Option(help: "Where to build the memory (deleted afterwards).")
  var folder = FileManager.default.temporaryDirectory.path

  @Option(
    help: """
      Keep the memory in this folder and, when it is already there (from a run with the same \
      --units and Corpora), search it without writing or importing anything: for working on search.
      """)
  var reuse: String?

  @Option(
    help: """
      Build the memory in PostgreSQL instead of SQLite: a new database on the server at this URL \
      (postgres://USER:PASSWORD@HOST:PORT/DATABASE, whose database is only connected to); with \
      --reuse, its URL is kept in the folder (postgres.url) for later runs and selaras-bench serve.
      """)
  var postgres: String?

  @Flag(help: "Print each query whose best match scores below its planted unit, on stderr.")
  var showMisses = false

  func run() async throws {
    // Sentence pairs from the Corpora gold, and the words of their English side.
    let pairs = try goldPairs(in: corpora)
    let vocabulary = Array(Set(pairs.flatMap { $0.0.split(separator: " ").map(String.init) })).sorted()
    var random = SplitMix64(seed: 7)
    func edited(_ sentence: String, _ edits: Int) -> String {
      var words = sentence.split(separator: " ").map(String.init)
      for _ in 0..<edits {
        let position = Int.random(in: 0..<words.count, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: words[position] = vocabulary.randomElement(using: &random)!
        case 1: words.insert(vocabulary.randomElement(using: &random)!, at: position)
        default: if words.count > 3 { words.remove(at: position) }
        }
      }
      return words.joined(separator: " ")
    }
    // The units whose edited copies are the queries, chosen first, so that the memory can be
    // made a unit at a time and written straight to TMX: a million units held in memory
    // would set the bench's peak RSS and slow the import's allocations down.
    var picking = SplitMix64(seed: 11)
    let plantedIndices = (0..<queries).map { _ in Int.random(in: 0..<units, using: &picking) }
    let wanted = Set(plantedIndices)
    var kept: [Int: TranslationUnit] = [:]
    // Each unit: a Corpora pair with 2 to 6 word edits on the English side.
    func generate(_ body: (TranslationUnit) throws -> Void) rethrows {
      for index in 0..<units {
        let (english, indonesian) = pairs[index % pairs.count]
        let unit = TranslationUnit(
          sourceLanguage: .english, targetLanguage: .indonesian,
          source: edited(english, Int.random(in: 2...6, using: &random)),
          target: indonesian, document: "synthetic-\(index % 997)", score: 0.9, creationTool: "selaras-bench")
        if wanted.contains(index) { kept[index] = unit }
        try body(unit)
      }
    }
    let base =
      reuse.map { URL(fileURLWithPath: $0) }
      ?? URL(fileURLWithPath: folder).appendingPathComponent(
        "selaras-bench-\(ProcessInfo.processInfo.processIdentifier)")
    let postgresFile = base.appendingPathComponent("postgres.url")
    let sqliteFile = base.appendingPathComponent("memory.sqlite")
    let reused =
      reuse != nil && FileManager.default.fileExists(atPath: postgres == nil ? sqliteFile.path : postgresFile.path)
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    defer { if reuse == nil { try? FileManager.default.removeItem(at: base) } }
    // The memory, and how `selaras` is told where it is.
    let database: any TranslationMemory
    let store: [String]
    if let postgres {
      let url =
        if reused {
          try String(contentsOf: postgresFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
          try await PostgresScratchDatabase.create(on: postgres, prefix: "bench")
        }
      if !reused { try url.write(to: postgresFile, atomically: true, encoding: .utf8) }
      database = try await PostgresMemory(url: url)
      store = ["--postgres", url]
    } else {
      database = try SelarasDatabase(url: sqliteFile)
      store = ["--db", sqliteFile.path]
    }
    // The work, then the scratch database dropped however it ended.
    func measure() async throws {
      let tmx = base.appendingPathComponent("memory.tmx")
      if reused {
        generate { _ in }
      } else {
        try await writeTMX(to: tmx) { write in try generate(write) }
      }
      let planted = plantedIndices.map { kept[$0]! }
      if reused {
        try await search(database, planted, edited)
        try pretranslate(base, store, planted, edited)
        return
      }

      // The reader alone, for how much of the import is parsing.
      var parsed = 0
      let parseSeconds = try wallSeconds { _ = try TMXReader().read(tmx) { _ in parsed += 1 } }
      report(["bench": "tm", "metric": "tmx-read", "units": parsed, "seconds": parseSeconds])
      let rssBefore = peakResidentMegabytes()
      var summary = MemoryImportSummary()
      let importSeconds = try await wallSeconds {
        summary = try await database.importUnits(concurrently: { add in try TMXReader().read(tmx, add) }).summary
      }
      report([
        "bench": "tm", "metric": "import", "backend": postgres == nil ? "sqlite" : "postgres", "units": summary.added,
        "duplicates": summary.duplicates,
        "seconds": importSeconds, "units_per_s": Double(summary.added) / importSeconds,
        "peak_rss_mb": peakResidentMegabytes(), "rss_before_import_mb": rssBefore,
        "tmx_mb": Double(try FileManager.default.attributesOfItem(atPath: tmx.path)[.size] as! Int) / 1e6,
        "database_mb": postgres == nil ? Double(databaseBytes(base)) / 1e6 : -1,
      ])

      try await search(database, planted, edited)
      try pretranslate(base, store, planted, edited)

      let output = base.appendingPathComponent("export.tmx")
      var exported = 0
      let exportSeconds = try await wallSeconds {
        try await writeTMX(to: output) { write in
          try await database.forEachUnit { unit in
            try write(unit)
            exported += 1
          }
        }
      }
      report([
        "bench": "tm", "metric": "export", "units": exported, "seconds": exportSeconds,
        "units_per_s": Double(exported) / exportSeconds,
      ])
    }
    do {
      try await measure()
    } catch {
      try? await dropScratch(store)
      throw error
    }
    try? await dropScratch(store)
  }

  /// Drops the scratch PostgreSQL database `store` names, unless it is to be reused.
  private func dropScratch(_ store: [String]) async throws {
    if reuse == nil, let postgres, store.first == "--postgres", let url = store.last {
      try await PostgresScratchDatabase.execute(
        "DROP DATABASE \(PostgresScratchDatabase.name(of: url)) WITH (FORCE)", on: postgres)
    }
  }

  /// `selaras pretranslate` as a whole process on a document of 2,000 segments against the
  /// memory: edited copies of the planted units (0 to 6 word edits) and Corpora sentences,
  /// one a line (`--presegmented`). Wall seconds, milliseconds a segment, and the child's
  /// peak resident memory.
  private func pretranslate(
    _ base: URL, _ store: [String], _ planted: [TranslationUnit], _ edited: (String, Int) -> String
  ) throws {
    let segments = (0..<2000).map { index in edited(planted[index % planted.count].source, index % 7) }
    let document = base.appendingPathComponent("story.txt")
    try (segments.joined(separator: "\n") + "\n").write(to: document, atomically: true, encoding: .utf8)
    let output = base.appendingPathComponent("story.xlf")
    let process = Process()
    process.executableURL = selarasExecutable()
    process.arguments = ["pretranslate", document.path, "--presegmented", "--output", output.path, "--json"] + store
    let analysis = Pipe()
    process.standardOutput = analysis
    let start = Date()
    try process.run()
    let json = analysis.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let seconds = Date().timeIntervalSince(start)
    guard process.terminationStatus == 0 else { throw BenchError("selaras pretranslate failed") }
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    let bands = try JSONDecoder().decode(PretranslationAnalysis.self, from: json).bands
    let count = { (name: String) in bands.first { $0.band == name }?.segments ?? 0 }
    report([
      "bench": "tm", "metric": "pretranslate", "segments": segments.count, "seconds": seconds,
      "ms_per_segment": seconds * 1000 / Double(segments.count), "peak_rss_mb": Double(usage.ru_maxrss) / 1024,
      "exact": count("100") + count("101"), "fuzzy_75_99": count("95-99") + count("85-94") + count("75-84"),
      "no_match": count("no match"), "repetitions": count("repetitions"),
    ])
  }

  /// Search latency and recall for queries made from planted units with 0, 1, 3 and 6
  /// word edits.
  private func search(
    _ database: any TranslationMemory, _ planted: [TranslationUnit], _ edited: (String, Int) -> String
  ) async throws {
    var statistics = MemoryStatistics()
    let statsSeconds = try await wallSeconds { statistics = try await database.memoryStatistics() }
    report(["bench": "tm", "metric": "stats", "units": statistics.units, "seconds": statsSeconds])
    for edits in [0, 1, 3, 6] {
      var latencies: [Double] = []
      var found = 0
      for unit in planted {
        let query = edited(unit.source, edits)
        var matches: [MemoryMatch] = []
        latencies.append(
          try await wallSeconds { matches = try await database.searchUnits(query, language: .english, minimumScore: 0) }
        )
        // Found when the best match returned is as good as the planted unit: the planted
        // one, or another that scores the same or better against the query.
        let plantedScore = FuzzyMatch.score(query, unit.source)
        if let best = matches.first, best.score >= plantedScore {
          found += 1
        } else if showMisses {
          FileHandle.standardError.write(
            Data(
              "miss\t\(edits)\t\(query)\tplanted \(plantedScore)\t\(unit.source)\tbest \(matches.first.map { "\($0.score)\t\($0.unit.source)" } ?? "none")\n"
                .utf8))
        }
      }
      latencies.sort()
      report([
        "bench": "tm", "metric": "search", "edits": edits, "queries": planted.count,
        "p50_ms": latencies[latencies.count / 2] * 1000, "p95_ms": latencies[latencies.count * 95 / 100] * 1000,
        "recall": Double(found) / Double(planted.count),
      ])
    }
    // Queries of common words only, whose postings are bitmaps over the whole memory (one
    // such query trapped on memories past 65,536 units).
    let common = ["the", "said", "in the", "on Monday", "percent", "the government said", "of the", "."]
    var latencies: [Double] = []
    var answered = 0
    for query in common {
      var matches: [MemoryMatch] = []
      latencies.append(
        try await wallSeconds { matches = try await database.searchUnits(query, language: .english, minimumScore: 0) })
      answered += matches.isEmpty ? 0 : 1
    }
    latencies.sort()
    report([
      "bench": "tm", "metric": "search", "edits": "common words", "queries": common.count,
      "p50_ms": latencies[latencies.count / 2] * 1000, "max_ms": latencies[latencies.count - 1] * 1000,
      "answered": answered,
    ])
  }

  /// Writes the units `produce` hands over as TMX, a megabyte at a time, as `selaras tm
  /// export` does.
  private func writeTMX(to url: URL, _ produce: ((TranslationUnit) throws -> Void) async throws -> Void) async throws {
    let writer = TMXWriter(sourceLanguage: .english, targetLanguage: .indonesian)
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
      throw ValidationError("cannot create \(url.path)")
    }
    let handle = try FileHandle(forWritingTo: url)
    var bytes = Array(writer.header().utf8)
    try await produce { unit in
      writer.append(unit, to: &bytes)
      if bytes.count > 1 << 20 {
        try handle.write(contentsOf: bytes)
        bytes.removeAll(keepingCapacity: true)
      }
    }
    try handle.write(contentsOf: bytes + Array(writer.footer().utf8))
    try handle.close()
  }

  /// The process's peak resident set (VmHWM), in megabytes.
  private func peakResidentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = Double(line.split(separator: " ")[1])
    else { return -1 }
    return kilobytes / 1024
  }

  private func databaseBytes(_ folder: URL) -> Int {
    ["memory.sqlite", "memory.sqlite-wal"].reduce(0) { total, name in
      total
        + ((try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.size] as? Int)
          ?? 0)
    }
  }
}
