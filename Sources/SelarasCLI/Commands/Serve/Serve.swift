import ArgumentParser
import Foundation
import Hummingbird
import Selaras
import SelarasServer

struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the memory to a team over HTTP, behind tokens.",
    discussion: """
      Serves the memory and glossary in --db (the file the CLI uses; the CLI may use it at the same \
      time) or in the PostgreSQL database --postgres names, on --host:--port, 127.0.0.1 unless told \
      otherwise. Every route but /healthz needs a token from the tokens file (`selaras token \
      create`): Authorization: Bearer TOKEN. The first line of standard output is the server's \
      address. Ctrl-C stops it.

      Examples:
        selaras serve --tokens team.tokens
        selaras serve --postgres postgres://selaras@db/selaras --host 0.0.0.0 --tokens team.tokens
        selaras serve --db team.sqlite --tokens team.tokens --public-tm
      """)

  @OptionGroup var store: StoreOptions

  @Option(help: "The address to listen on; 0.0.0.0 for every interface.")
  var host = "127.0.0.1"

  @Option(help: "The port; 0 picks a free one.")
  var port = 8080

  @Option(
    name: .customLong("allowed-host"),
    help: ArgumentHelp(
      "A name clients reach the server by (repeatable); others are refused (403).",
      discussion: "localhost, address literals and --host are always allowed.", valueName: "name"))
  var allowedHosts: [String] = []

  @Option(help: "The tokens file (see `selaras token create`).")
  var tokens: String

  @Option(help: "Seconds a request may take before it is answered 503 (the TMX export and import jobs excepted).")
  var timeout = 30.0

  @Option(
    name: .customLong("idle-timeout"),
    help: ArgumentHelp(
      "Seconds a connection may send nothing before it is closed.",
      discussion: "An idle keep-alive connection, one whose request headers or body stop arriving."))
  var idleTimeout = 15.0

  @Option(
    name: .customLong("max-connections"),
    help: "Connections open at once; more wait to be accepted until one closes.")
  var maxConnections = 1000

  @Flag(
    name: .customLong("public-tm"),
    help: ArgumentHelp(
      "Answer the amaGama routes' reads (/tmserver, /api/v1) without a token, JSONP included.",
      discussion: "amaGama's open behaviour, for a team that wants it; every other route still needs a token."))
  var publicTM = false

  func validate() throws {
    for (name, seconds) in [("--timeout", timeout), ("--idle-timeout", idleTimeout)] {
      guard seconds > 0, seconds <= 86_400 else { throw ValidationError("\(name) is seconds above 0, at most a day") }
    }
    guard maxConnections > 0 else { throw ValidationError("--max-connections is a number above 0") }
  }

  func run() async throws {
    let holders = try TokenFile.watch(tokens) { error in
      FileHandle.standardError.write(
        Data("selaras serve: \(error.description); the tokens read before still hold\n".utf8))
    }
    guard !holders.tokens.holders.isEmpty else {
      throw CommandError(
        "\(tokens): no tokens; create one with `selaras token create NAME --role read --tokens \(tokens)`")
    }
    let memory = try await store.memory()
    // Ready before the address is printed: clients that start then find connections open. Only
    // a head start: a server that could not prepare still serves.
    do {
      try await memory.prepare(concurrency: TeamServer.defaultWorkers)
    } catch {
      FileHandle.standardError.write(Data("selaras serve: not prepared (\(error)); serving on\n".utf8))
    }
    let glossary = TeamGlossary(
      store: try await store.glossary(), shipped: try LoadedGlossary.bundledEntries(),
      morphology: try MachineResources.forMatching.morphology())
    // Each connection holds a file descriptor: the cap stays below what the process may open.
    let connections = try FileDescriptors.cap(connections: maxConnections)
    let host = self.host
    let app = Application(
      router: TeamServer.router(
        memory: memory, glossary: glossary, tokens: holders, timeout: .milliseconds(Int64(timeout * 1000)),
        allowedHosts: .bound(to: host, names: allowedHosts),
        publicTM: publicTM,
        report: { line in FileHandle.standardError.write(Data("selaras serve: \(line)\n".utf8)) }),
      server: TeamServer.http1(idleTimeout: .milliseconds(Int64(idleTimeout * 1000))),
      configuration: .init(
        address: .hostname(host, port: port), serverName: "selaras",
        availableConnectionsDelegate: TeamServer.connectionLimit(connections)),
      onServerRunning: { channel in
        FileHandle.standardOutput.write(Data("http://\(host):\(channel.localAddress?.port ?? 0)\n".utf8))
      })
    do {
      try await app.runService()
    } catch {
      throw CommandError("\(host):\(port): cannot serve (\(error))")
    }
  }
}

/// The file descriptors a server may open: the soft limit raised to the hard one (as Go's
/// runtime and nginx's worker_rlimit_nofile do), and the connection cap held below it, with
/// room for the databases, uploads and logs.
enum FileDescriptors {
  static let reserved = 64

  static func cap(connections: Int) throws -> Int {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return connections }
    if limit.rlim_cur < limit.rlim_max {
      var raised = limit
      raised.rlim_cur = limit.rlim_max
      if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
    }
    let available = Int(clamping: limit.rlim_cur) - reserved
    guard available > 0 else { throw CommandError("the process may open \(limit.rlim_cur) files: too few to serve") }
    return min(connections, available)
  }
}
