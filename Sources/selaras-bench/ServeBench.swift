import ArgumentParser
import Foundation
import Selaras
import SelarasPostgres
import SelarasStore

/// `selaras serve` under load: single-segment lookups from concurrent clients on loopback,
/// driven by `wrk` (Debian's), against a memory `selaras-bench tm --reuse DIR` built.
struct ServeBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Lookups per second and their latency through selaras serve, with wrk.")

  @Option(help: "The folder of a memory built by `selaras-bench tm --reuse DIR` (memory.sqlite).")
  var reuse: String

  @Flag(help: "Serve the PostgreSQL memory `selaras-bench tm --reuse DIR --postgres URL` built (postgres.url).")
  var postgres = false

  @Option(help: "Concurrent clients, comma-separated: each count is one run.")
  var clients = "16,4"

  @Option(
    help: """
      Lookups a second the clients send together, each client pausing between its lookups \
      (translators at work), instead of each sending its next lookup as soon as the last is \
      answered; the latencies are then those of a server at that load, not of one saturated.
      """)
  var rate: Double?

  @Option(help: "Seconds each run lasts.")
  var seconds = 20

  @Option(help: "Distinct lookups: stored sentences with one word dropped.")
  var queries = 200

  func run() async throws {
    let folder = URL(fileURLWithPath: reuse)
    let database = folder.appendingPathComponent(postgres ? "postgres.url" : "memory.sqlite")
    guard FileManager.default.fileExists(atPath: database.path) else {
      throw BenchError(
        "\(database.path): no memory; build one with selaras-bench tm --reuse \(reuse)\(postgres ? " --postgres URL" : "")"
      )
    }
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/wrk") else {
      throw BenchError("wrk is missing: apt-get install wrk")
    }
    let memory: any TranslationMemory
    let store: [String]
    if postgres {
      let url = try String(contentsOf: database, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
      memory = try await PostgresMemory(url: url)
      store = ["--postgres", url]
    } else {
      memory = try SelarasDatabase(url: database)
      store = ["--db", database.path]
    }
    let units = try await memory.memoryStatistics().units
    let bodies = try await lookupBodies(memory, every: max(1, units / queries))
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "selaras-serve-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let tokens = scratch.appendingPathComponent("tokens")
    let token = try runSelaras(["token", "create", "bench", "--role", "read", "--tokens", tokens.path])
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let script = scratch.appendingPathComponent("lookup.lua")
    try luaScript(bodies).write(to: script, atomically: true, encoding: .utf8)

    let server = Process()
    server.executableURL = selarasExecutable()
    server.arguments = ["serve"] + store + ["--tokens", tokens.path, "--port", "0"]
    let output = Pipe()
    server.standardOutput = output
    server.standardError = FileHandle.nullDevice
    try server.run()
    defer { server.terminate() }
    var first = Data()
    while !first.contains(0x0A) {
      let chunk = output.fileHandleForReading.availableData
      guard !chunk.isEmpty else { throw BenchError("selaras serve stopped before it listened") }
      first.append(chunk)
    }
    let address = String(decoding: first, as: UTF8.self).split(separator: "\n")[0]
    for count in clients.split(separator: ",").compactMap({ Int($0) }) {
      let wrk = Process()
      wrk.executableURL = URL(fileURLWithPath: "/usr/bin/wrk")
      wrk.arguments = ["-t2", "-c\(count)", "-d\(seconds)s", "-s", script.path, String(address)]
      // Each client's pause, so that together they send `rate` lookups a second.
      wrk.environment = ["TOKEN": token, "PAUSE_MS": rate.map { String(Int(Double(count) * 1000 / $0)) } ?? "0"]
      let result = Pipe()
      wrk.standardOutput = result
      try wrk.run()
      let text = String(decoding: result.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      wrk.waitUntilExit()
      // The script's last line: `p50_ms … p90_ms … p99_ms … requests … errors …`.
      guard let line = text.split(separator: "\n").last(where: { $0.hasPrefix("p50_ms") }) else {
        throw BenchError("wrk printed no figures: \(text.suffix(300))")
      }
      let fields = line.split(separator: " ")
      func value(_ name: String) -> Double {
        fields.firstIndex(of: Substring(name)).flatMap { Double(fields[$0 + 1]) } ?? .nan
      }
      report([
        "bench": "serve", "backend": postgres ? "postgres" : "sqlite", "units": units, "clients": count,
        "offered_per_s": rate ?? -1, "seconds": seconds,
        "lookups_per_s": value("requests") / Double(seconds), "p50_ms": value("p50_ms"), "p90_ms": value("p90_ms"),
        "p99_ms": value("p99_ms"), "errors": Int(value("errors")),
      ])
    }
  }

  /// One `POST /v1/lookup` body per sampled unit: its English side with one word dropped.
  private func lookupBodies(_ memory: any TranslationMemory, every step: Int) async throws -> [String] {
    var bodies: [String] = []
    var index = 0
    var random = SplitMix64(seed: 17)
    try await memory.forEachUnit { unit in
      defer { index += 1 }
      guard index % step == 0, bodies.count < queries, unit.sourceLanguage == .english else { return }
      var words = unit.source.split(separator: " ").map(String.init)
      if words.count > 4 { words.remove(at: Int(random.next() % UInt64(words.count))) }
      struct Body: Encodable {
        var sourceLang = "en"
        var targetLang = "id"
        var segments: [LookupSegment]
      }
      let data = try JSONEncoder().encode(Body(segments: [LookupSegment(text: words.joined(separator: " "))]))
      bodies.append(String(decoding: data, as: UTF8.self))
    }
    return bodies
  }

  private func luaScript(_ bodies: [String]) -> String {
    """
    local bodies = {
    \(bodies.map { "[==[\($0)]==]" }.joined(separator: ",\n"))
    }
    local i = 0
    local pause = tonumber(os.getenv("PAUSE_MS")) or 0
    delay = function()
      return pause
    end
    request = function()
      i = i + 1
      return wrk.format("POST", "/v1/lookup",
        {["Authorization"] = "Bearer " .. os.getenv("TOKEN"), ["Content-Type"] = "application/json"},
        bodies[(i % #bodies) + 1])
    end
    done = function(summary, latency, requests)
      local errors = summary.errors.status + summary.errors.connect + summary.errors.read
        + summary.errors.write + summary.errors.timeout
      io.write(string.format("p50_ms %.3f p90_ms %.3f p99_ms %.3f requests %d errors %d\\n",
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        summary.requests, errors))
    end
    """
  }

  private func runSelaras(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = selarasExecutable()
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw BenchError("selaras \(arguments.joined(separator: " ")) failed") }
    return text
  }
}
