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

  @Option(help: "Seconds a request may take before it is answered 503 (exports and imports excepted).")
  var timeout = 30.0

  func run() async throws {
    let holders = try TokenFile.read(tokens)
    guard !holders.holders.isEmpty else {
      throw CommandError("\(tokens): no tokens; create one with `selaras token create NAME --role read --tokens \(tokens)`")
    }
    let memory = try store.memory()
    let glossary = TeamGlossary(
      store: try store.glossary(), shipped: try LoadedGlossary.bundledEntries(),
      morphology: try MachineResources.forMatching.morphology())
    let host = self.host
    let app = Application(
      router: TeamServer.router(
        memory: memory, glossary: glossary, tokens: holders, timeout: .milliseconds(Int64(timeout * 1000)),
        allowedHosts: .bound(to: host, names: allowedHosts),
        // A lookup on SQLite keeps a processor busy; one on PostgreSQL waits on it half the time.
        workers: ProcessInfo.processInfo.activeProcessorCount * (store.usesPostgres ? 2 : 1)),
      configuration: .init(address: .hostname(host, port: port), serverName: "selaras"),
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
