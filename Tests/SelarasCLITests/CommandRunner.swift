import Foundation
import SelarasTestSupport

/// Runs the built `selaras` executable, as a user would from a shell.
struct CommandRunner {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The repository root, for Corpora/ files.
  static var root: URL { Corpora.root }

  /// The `selaras` binary beside the test bundle in the build folder.
  static let executable: URL = {
    let candidates = [
      Bundle.main.bundleURL,
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
    ]
    for folder in candidates {
      for base in [folder, folder.deletingLastPathComponent()] {
        let url = base.appendingPathComponent("selaras")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
      }
    }
    fatalError("selaras executable not found near \(candidates)")
  }()

  /// Runs `selaras` (or `tool`, another program) with `arguments`; each run gets a
  /// database of its own unless `database` names one to share between runs. `environment`
  /// sets variables (a nil value unsets one), after the database's.
  static func run(
    _ arguments: [String], stdin: Data? = nil, database: URL? = nil, tool: URL? = nil,
    environment overrides: [String: String?] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = tool ?? executable
    process.arguments = arguments
    process.currentDirectoryURL = root
    var environment = ProcessInfo.processInfo.environment
    let ownDatabase = database == nil ? TemporaryFile.url("sqlite") : nil
    defer { if let ownDatabase { TemporaryFile.removeDatabase(ownDatabase) } }
    environment["SELARAS_DB"] = (database ?? ownDatabase!).path
    for (name, value) in overrides { environment[name] = value }
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = input
    try process.run()
    input.fileHandleForWriting.write(stdin ?? Data())
    try input.fileHandleForWriting.close()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// A `selaras` that keeps running (a server), and the first line it printed.
  struct Running {
    var process: Process
    var stderr: Pipe
    var firstLine: String
  }

  /// Starts `selaras` with `arguments`, its standard output and error piped, and waits for
  /// the first line of its output (a server's address). The caller stops it.
  static func start(_ arguments: [String]) throws -> Running {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    var first = Data()
    while !first.contains(0x0A) {
      let chunk = stdout.fileHandleForReading.availableData
      guard !chunk.isEmpty else { break }
      first.append(chunk)
    }
    let line = String(decoding: first, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    return Running(process: process, stderr: stderr, firstLine: line)
  }

  /// `curl` against a server started by ``start(_:)``: the status code and the body.
  static func curl(_ arguments: [String]) throws -> (status: Int, body: String) {
    let result = try run(["-s", "-w", "\n%{http_code}"] + arguments, tool: URL(fileURLWithPath: "/usr/bin/curl"))
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
  }
}
