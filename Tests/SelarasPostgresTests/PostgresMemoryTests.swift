import Foundation
import Selaras
import SelarasPostgres
import SelarasPostgresTestSupport
import SelarasTestSupport
import Synchronization
import Testing

/// What the conformance suite does not cover: the index written over many imports, the
/// schema's migrations, and a server that is wrong, gone or back.
@Suite("PostgreSQL memory", .enabled(if: PostgresTestServer.isAvailable, "SELARAS_TEST_POSTGRES names no server"))
struct PostgresMemoryTests {
  /// The Corpora sentence pairs and the PUD treebank's (Corpora/PUD) as units.
  private static let units: [TranslationUnit] = {
    let pud =
      (try? String(contentsOf: Corpora.root.appendingPathComponent("Corpora/PUD/pud.en-id.tsv"), encoding: .utf8))
      ?? ""
    let pairs = pud.split(separator: "\n").dropFirst().compactMap { line -> (String, String)? in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 3, !fields[1].isEmpty, !fields[2].isEmpty else { return nil }
      return (String(fields[1]), String(fields[2]))
    }
    return (Corpora.linePairs + pairs).map { english, indonesian in
      TranslationUnit(sourceLanguage: .english, targetLanguage: .indonesian, source: english, target: indonesian)
    }
  }()

  @Test(
    "Imported 40 units at a time, the memory finds what one import finds: every posting list extended, rewritten and turned into a bitmap and back"
  )
  func manyImportsIndexAsOne() async throws {
    let units = Self.units
    #expect(units.count > 1000)
    let once = try await PostgresTestServer.memory()
    try await once.addUnits(units)
    let chunked = try await PostgresTestServer.memory()
    for start in stride(from: 0, to: units.count, by: 40) {
      try await chunked.addUnits(units[start..<min(units.count, start + 40)])
    }
    #expect(try await chunked.memoryStatistics() == once.memoryStatistics())
    var compared = 0
    for (index, unit) in units.enumerated() where index % 7 == 0 {
      let words = unit.source.split(separator: " ")
      let query = words.dropLast(max(1, words.count / 4)).joined(separator: " ")
      let options = MemorySearchOptions(language: .english, minimumScore: 40, limit: 5)
      let expected = try await once.search(query, options: options)
      let found = try await chunked.search(query, options: options)
      #expect(found.map(\.score) == expected.map(\.score), "\(query)")
      #expect(found.map(\.unit.target) == expected.map(\.unit.target), "\(query)")
      #expect(!found.isEmpty, "\(query)")
      let phrase = unit.target.split(separator: " ").prefix(2).joined(separator: " ")
      #expect(
        try await chunked.concordance(phrase, language: .indonesian).map(\.source)
          == once.concordance(phrase, language: .indonesian).map(\.source), "\(phrase)")
      compared += 1
    }
    #expect(compared > 140)
  }

  @Test("However many calls come at once, a memory holds no more connections open than it may")
  func connectionsAreCapped() async throws {
    let url = try await PostgresTestServer.databaseURL()
    let memory = try await PostgresMemory(url: url, maximumConnections: 3)
    try await memory.addUnits(Array(Self.units.prefix(300)))
    let queries = Self.units.prefix(300).enumerated().filter { $0.offset % 10 == 0 }.map(\.element.source)
    let found = try await withThrowingTaskGroup(of: Int.self) { group in
      for query in queries {
        group.addTask {
          try await memory.search(query, options: MemorySearchOptions(language: .english, minimumScore: 60, limit: 3))
            .count
        }
      }
      return try await group.reduce(0, +)
    }
    #expect(found >= queries.count)
    // Idle ones stay open after the calls: as many as were ever open at once.
    let name = PostgresScratchDatabase.name(of: url)
    let open = try await PostgresConnections(location: PostgresLocation(url: try #require(PostgresTestServer.url)))
      .withSession { session in
        try await session.rows(
          "SELECT count(*) FROM pg_stat_activity WHERE datname = \(name) AND backend_type = 'client backend'"
        ).first?.decode(
          Int64.self)
      }
    #expect(open.map { $0 >= 1 && $0 <= 3 } == true, "\(String(describing: open)) connections open")
    // Used after the count, the memory (and its idle connections) lived through it.
    #expect(try await memory.memoryStatistics().units == 300)
  }

  @Test("Prepared for a server's first calls, a memory has its connections open, within its cap, and finds the same")
  func preparedForFirstCalls() async throws {
    let url = try await PostgresTestServer.databaseURL()
    let name = PostgresScratchDatabase.name(of: url)
    let admin = PostgresConnections(location: try PostgresLocation(url: try #require(PostgresTestServer.url)))
    func openConnections() async throws -> Int64? {
      try await admin.withSession { session in
        try await session.rows(
          "SELECT count(*) FROM pg_stat_activity WHERE datname = \(name) AND backend_type = 'client backend'"
        ).first?.decode(
          Int64.self)
      }
    }
    let plain = try await PostgresMemory(url: url, maximumConnections: 3)
    try await plain.addUnits(Array(Self.units.prefix(300)))
    #expect(try await openConnections() == 1)
    let prepared = try await PostgresMemory(url: url, maximumConnections: 3)
    try await prepared.prepare(concurrency: 8)
    // The first memory's one, and the second's cap.
    #expect(try await openConnections() == 4)
    // Prepared again, twice at once, while searches run: it still holds no more than its cap
    // (and the two preparations do not wait for each other's places).
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await prepared.prepare(concurrency: 8) }
      group.addTask { try await prepared.prepare(concurrency: 8) }
      for unit in Self.units.prefix(40) {
        group.addTask {
          _ = try await prepared.search(unit.source, options: MemorySearchOptions(language: .english, limit: 3))
        }
      }
      try await group.waitForAll()
    }
    #expect(try await openConnections() == 4)
    // What it read ahead (the lengths, the common tokens' bitmaps) is what a search reads.
    let options = MemorySearchOptions(language: .english, minimumScore: 50, limit: 5)
    for unit in Self.units.prefix(300).enumerated().filter({ $0.offset % 15 == 0 }).map(\.element) {
      let query = unit.source.split(separator: " ").dropLast().joined(separator: " ")
      #expect(
        try await prepared.search(query, options: options).map(\.id)
          == (try await plain.search(query, options: options).map(\.id)),
        "\(query)")
    }
  }

  @Test(
    "A write waiting while another writer holds the lock stops waiting when its task is cancelled, stores nothing, and the memory writes on",
    .timeLimit(.minutes(1)))
  func cancelledWriteStopsWaiting() async throws {
    let url = try await PostgresTestServer.databaseURL()
    let memory = try await PostgresMemory(url: url)
    // Another writer: its transaction holds the writers' lock until released.
    let (locked, isLocked) = AsyncStream.makeStream(of: Void.self)
    let (release, toRelease) = AsyncStream.makeStream(of: Void.self)
    let holder = Task {
      try await PostgresConnections(location: PostgresLocation(url: url)).withSession { session in
        try await session.execute("BEGIN")
        try await session.execute("SELECT pg_advisory_xact_lock(\(PostgresMigrations.writerLock))")
        isLocked.yield()
        for await _ in release { break }
        try await session.execute("COMMIT")
      }
    }
    for await _ in locked { break }
    let unit = Self.units[0]
    let write = Task { try await memory.addUnits([unit]) }
    try await Task.sleep(for: .milliseconds(300))
    write.cancel()
    // Should the write wait on regardless, the lock is let go after 10 s and that is told.
    let releasedLate = Mutex(false)
    let watchdog = Task {
      try await Task.sleep(for: .seconds(10))
      releasedLate.withLock { $0 = true }
      toRelease.yield()
    }
    let outcome = await write.result
    #expect(!releasedLate.withLock { $0 }, "the write waited for the lock after its task was cancelled")
    #expect(throws: CancellationError.self) { try outcome.get() }
    watchdog.cancel()
    toRelease.yield()
    try await holder.value
    #expect(try await memory.memoryStatistics().units == 0)
    #expect(try await memory.addUnits([unit]).added == 1)
  }

  @Test(
    "An import PostgreSQL refuses after 5,000 good units (an empty text, in a COPY still running) stores nothing, and the memory serves on"
  )
  func refusedImportStoresNothing() async throws {
    let memory = try await PostgresTestServer.memory()
    try await memory.addUnits(Self.units.prefix(10))
    var units = (0..<5000).map { number in
      TranslationUnit(
        sourceLanguage: .english, targetLanguage: .indonesian, source: "Exports rose \(number) percent.",
        target: "Ekspor naik \(number) persen.")
    }
    units.append(TranslationUnit(sourceLanguage: .english, targetLanguage: .indonesian, source: "", target: "Kosong."))
    units += Self.units.suffix(10)
    await #expect(throws: PostgresStoreError.self) { try await memory.addUnits(units) }
    #expect(try await memory.memoryStatistics().units == 10)
    #expect(try await memory.searchUnits("Exports rose 17 percent.", language: .english).isEmpty)
    #expect(try await memory.addUnits(units.prefix(3)).added == 3)
    #expect(try await memory.memoryStatistics().units == 13)
  }

  @Test("The schema is migrated once: opening a database again, or twice at once, applies nothing more")
  func migrations() async throws {
    let url = try await PostgresTestServer.databaseURL()
    let first = try await PostgresMemory(url: url)
    #expect(
      try await first.appliedMigrations() == [
        "v1-memory", "v2-glossary", "v3-glossary-version", "v4-learned-lexicon", "v5-metadata", "v6-glossary-match-key",
        "v7-memory-match-keys",
      ])
    try await first.addUnits([Self.units[0]])
    let opened = await withTaskGroup(of: String.self) { group in
      for _ in 0..<3 {
        group.addTask { (try? await PostgresMemory(url: url).memoryStatistics().units).map(String.init) ?? "failed" }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(opened == ["1", "1", "1"])
  }

  @Test(
    "A word index emptied by a migration (v7: keys by placeable) is built again from the units when the store opens")
  func wordIndexRebuilt() async throws {
    let url = try await PostgresTestServer.databaseURL()
    let lavrov = TranslationUnit(
      sourceLanguage: .english, targetLanguage: .indonesian, source: "Lavrov arrived in Tehran on Monday.",
      target: "Lavrov tiba di Teheran pada Senin.")
    try await PostgresMemory(url: url).addUnits(Self.units + [lavrov])
    let query = "Lavrov tiba di Teheran pada Selasa."
    let before = try await PostgresMemory(url: url).searchUnits(query, language: .indonesian)
    #expect(before.first?.score == 99)
    let found = try await PostgresMemory(url: url).concordance("Teheran", language: .indonesian).count
    #expect(found >= 1)
    // As v7 leaves a store made before it: no postings, no token counts, a rebuild asked for.
    for statement in [
      "DELETE FROM posting", "DELETE FROM unit_length", "UPDATE unit SET source_tokens = 0, target_tokens = 0",
      "INSERT INTO metadata (key, value) VALUES ('word_index', 'rebuild')",
    ] {
      try await PostgresScratchDatabase.execute(statement, on: url)
    }
    let reopened = try await PostgresMemory(url: url)
    #expect(try await reopened.searchUnits(query, language: .indonesian).map(\.score) == before.map(\.score))
    #expect(
      try await reopened.searchUnits(query, language: .indonesian).first?.target
        == "Lavrov arrived in Tehran on Tuesday.")
    #expect(try await reopened.concordance("Teheran", language: .indonesian).count == found)
  }

  @Test("A wrong URL, a server nobody listens on, no password, a wrong password: one line each saying what and where")
  func badLocations() async throws {
    #expect(throws: PostgresStoreError.self) { try PostgresLocation(url: "mysql://localhost/tm") }
    #expect(throws: PostgresStoreError.self) { try PostgresLocation(url: "postgres://localhost/tm?sslmode=sometimes") }
    let closed = Self.closedPort()
    do {
      _ = try await PostgresMemory(url: "postgres://selaras:x@127.0.0.1:\(closed)/tm")
      Issue.record("connected to a closed port")
    } catch {
      // Refused at once, not a connect timeout. (Wall time says little here: an async test
      // waits for a thread of the pool the whole suite's tests share.)
      let message = "\(error)"
      #expect(message.hasPrefix("PostgreSQL at 127.0.0.1:\(closed)/tm: cannot connect"), "\(message)")
      #expect(message.localizedCaseInsensitiveContains("refused"), "\(message)")
      #expect(!message.contains("\n"))
    }
    var components = URLComponents(string: try #require(PostgresTestServer.url))!
    components.password = nil
    do {
      _ = try await PostgresMemory(url: components.string!)
      Issue.record("connected without a password")
    } catch {
      #expect("\(error)".contains("asks for a password"), "\(error)")
    }
    components.password = "wrong"
    do {
      _ = try await PostgresMemory(url: components.string!)
      Issue.record("connected with a wrong password")
    } catch {
      #expect("\(error)".contains("password authentication failed"), "\(error)")
    }
  }

  @Test("A database that goes away fails the calls made meanwhile, and serves again once it is back")
  func serverGoneAndBack() async throws {
    let url = try await PostgresTestServer.databaseURL()
    let admin = try #require(PostgresTestServer.url)
    let name = PostgresScratchDatabase.name(of: url)
    let memory = try await PostgresMemory(url: url)
    try await memory.addUnits(Self.units.prefix(50))
    #expect(try await memory.memoryStatistics().units == 50)
    try await PostgresScratchDatabase.execute("ALTER DATABASE \(name) ALLOW_CONNECTIONS false", on: admin)
    try await PostgresScratchDatabase.execute(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'", on: admin)
    // The ended backends' sockets close first: a query sent in the very instant PostgreSQL ends
    // its backend has hung in PostgresNIO (about one run in twenty), which is not what this tests.
    try await Task.sleep(for: .milliseconds(500))
    await #expect(throws: PostgresStoreError.self) { try await memory.memoryStatistics() }
    try await PostgresScratchDatabase.execute("ALTER DATABASE \(name) ALLOW_CONNECTIONS true", on: admin)
    #expect(try await memory.searchUnits(Self.units[3].source, language: .english).first?.score == 100)
  }

  /// A local port nothing listens on.
  private static func closedPort() -> Int {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        bind(socket, pointer, length)
        return getsockname(socket, pointer, &length)
      }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}
