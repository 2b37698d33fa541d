import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Selaras
import Synchronization

/// The connections of one memory, kept open between calls: a call takes an idle one or
/// opens a new one, and gives it back unless it broke. A dead server fails a call at once,
/// and the next call, once it is back, connects anew. At most `maximumOpen` calls hold a
/// connection at once, the rest wait in line; since a call opens a connection only when none
/// is idle, no more than that many are open (besides one that broke, while it closes) —
/// ``open(_:)`` takes its connections the same way.
package final class PostgresConnections: Sendable {
  let location: PostgresLocation
  /// The idle connections, and the id the last one opened took.
  private let held = Mutex<(idle: [PostgresConnection], lastID: Int)>(([], 0))
  /// The places of the calls holding a connection.
  private let places: Slots
  /// Connections open at most.
  private let maximumOpen: Int
  /// Whether ``open(_:)`` runs: a second one at the same time returns at once (two taking
  /// places one by one could each hold some and wait for the other's).
  private let opening = Mutex(false)
  /// Idle connections kept at most; more are closed when given back.
  private static let idleLimit = 16
  /// PostgresNIO logs through swift-log; a library prints nothing.
  static let logger = Logger(label: "selaras.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

  package init(location: PostgresLocation, maximumOpen: Int = PostgresMemory.defaultMaximumConnections) {
    self.location = location
    self.maximumOpen = max(1, maximumOpen)
    places = Slots(count: self.maximumOpen)
  }

  deinit {
    for connection in held.withLock({ $0.idle }) { Self.close(connection) }
  }

  /// Closes `connection`, keeping it alive until it is closed (PostgresNIO requires that).
  private static func close(_ connection: PostgresConnection) {
    let closed: EventLoopFuture<Void> = connection.close()
    closed.whenComplete { _ in withExtendedLifetime(connection) {} }
  }

  /// Calls `body` with a session on a connection of its own.
  package func withSession<Result>(_ body: (PostgresSession) async throws -> Result) async throws -> Result {
    try await places.take()
    defer { places.give() }
    let session = PostgresSession(connection: try await take(), location: location)
    let result: Result
    do {
      result = try await body(session)
      try await session.settle()
    } catch {
      _ = try? await session.settle()
      release(session)
      throw error
    }
    release(session)
    return result
  }

  /// Gives the session's connection back, or closes it when it is not to be reused.
  private func release(_ session: PostgresSession) {
    if session.isReusable {
      giveBack(session.connection)
    } else {
      Self.close(session.connection)
      // A connection that broke (the server restarted, or ended the backends) says the
      // idle ones opened before it are likely gone too: the next calls connect anew rather
      // than fail on each of them in turn. (Not one left halfway by a cancelled task.)
      if session.isBroken { closeIdle() }
    }
  }

  /// Has up to `count` connections open and idle at once (no more than the memory may open, nor
  /// than are kept idle): a server's first calls, arriving together, then find them open instead
  /// of each connecting (and authenticating) at the same time. Each is taken as a call takes one
  /// — in a place of its own, an idle one if any, else opened — and all are held until the last
  /// is there, so the cap holds whatever else runs.
  package func open(_ count: Int) async throws {
    let first = opening.withLock { running in
      defer { running = true }
      return !running
    }
    guard first else { return }
    defer { opening.withLock { $0 = false } }
    let wanted = min(count, maximumOpen, Self.idleLimit)
    var taken = 0
    defer { for _ in 0..<taken { places.give() } }
    for _ in 0..<wanted {
      try await places.take()
      taken += 1
    }
    var opened: [PostgresConnection] = []
    defer { for connection in opened { giveBack(connection) } }
    try await withThrowingTaskGroup(of: PostgresConnection.self) { group in
      for _ in 0..<wanted { group.addTask { try await self.take() } }
      for try await connection in group { opened.append(connection) }
    }
  }

  private func take() async throws -> PostgresConnection {
    let (reused, id): (PostgresConnection?, Int) = held.withLock { held in
      // Closed ones are dropped.
      held.idle.removeAll { $0.isClosed }
      if let last = held.idle.popLast() { return (last, 0) }
      held.lastID += 1
      return (nil, held.lastID)
    }
    if let reused { return reused }
    return try await connect(id: id)
  }

  private func connect(id: Int) async throws -> PostgresConnection {
    do {
      return try await PostgresConnection.connect(
        on: MultiThreadedEventLoopGroup.singleton.next(), configuration: location.configuration, id: id,
        logger: Self.logger)
    } catch {
      throw PostgresStoreError.wrapping(error, location: location.description)
    }
  }

  private func closeIdle() {
    let closing = held.withLock { held in
      defer { held.idle.removeAll() }
      return held.idle
    }
    for connection in closing { Self.close(connection) }
  }

  private func giveBack(_ connection: PostgresConnection) {
    guard !connection.isClosed else {
      Self.close(connection)
      return
    }
    let kept = held.withLock { held in
      guard held.idle.count < Self.idleLimit else { return false }
      held.idle.append(connection)
      return true
    }
    if !kept { Self.close(connection) }
  }
}

/// One connection, used by one task at a time; and one COPY at a time that may run on while
/// the task prepares the next (``startCopy(_:)``), which every other call waits for first.
package final class PostgresSession {
  let connection: PostgresConnection
  let location: PostgresLocation
  /// The connection's event loop as an executor: a statement runs there, from its sending to
  /// its last row, without a hop to another thread for every batch of rows.
  private let loop: PostgresLoopExecutor
  private var copying: Task<Void, any Error>?
  /// False once the connection is in a state the next user must not inherit.
  private(set) var isReusable = true
  /// True once the connection failed as a connection (not a statement the server refused,
  /// nor a statement its task gave up on).
  private(set) var isBroken = false

  init(connection: PostgresConnection, location: PostgresLocation) {
    self.connection = connection
    self.location = location
    loop = PostgresLoopExecutor(eventLoop: connection.eventLoop)
  }

  /// The rows `query` returns, all of them.
  package func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
    try await statement { try await connection.query(query, logger: PostgresConnections.logger).collect() }
  }

  /// The rows a prepared statement returns (prepared on this connection the first time).
  func rows<Statement: PreparedQuery>(_ statement: Statement) async throws -> [PostgresRow] {
    try await self.statement {
      var rows: [PostgresRow] = []
      for try await row in try await connection.execute(statement, logger: PostgresConnections.logger) {
        rows.append(row)
      }
      return rows
    }
  }

  /// Runs a statement once the COPY before it is done; a cancelled task sends nothing.
  private func statement(_ run: () async throws -> [PostgresRow]) async throws -> [PostgresRow] {
    try Task.checkCancellation()
    try await settle()
    return try await checked(run)
  }

  /// Runs a statement whose rows are not wanted.
  package func execute(_ query: PostgresQuery) async throws {
    _ = try await rows(query)
  }

  /// Rows in COPY's text format for `COPY table (columns) FROM STDIN`.
  struct Copy: Sendable {
    var table: String
    var columns: [String]
    var data: ByteBuffer
  }

  /// Sends `copies`, in order.
  func copy(_ copies: Copy...) async throws {
    try await startCopy(copies)
    try await settle()
  }

  /// Starts sending `copies`, in order, and returns at once, so that the caller prepares what
  /// comes next while PostgreSQL stores the rows.
  func startCopy(_ copies: [Copy]) async throws {
    try await settle()
    let connection = connection
    copying = Task(executorPreference: loop) {
      for copy in copies where copy.data.readableBytes > 0 {
        try await connection.copyFrom(table: copy.table, columns: copy.columns, logger: PostgresConnections.logger) {
          writer in try await writer.write(copy.data)
        }
      }
    }
  }

  /// Waits for the COPY started last, if any, and throws its error.
  func settle() async throws {
    guard let copying else { return }
    self.copying = nil
    try await checked { try await copying.value }
  }

  /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
  func transaction<Result>(_ body: () async throws -> Result) async throws -> Result {
    try await execute("BEGIN")
    let result: Result
    do {
      result = try await body()
      // A COPY's error is the transaction's: rolled back below, not committed over.
      try await settle()
    } catch {
      // A COPY still running is waited for (its error is the one thrown already, or comes
      // after it); a connection whose transaction cannot be rolled back is not given back.
      try? await settle()
      do {
        try await execute("ROLLBACK")
      } catch {
        isReusable = false
      }
      throw error
    }
    try await execute("COMMIT")
    return result
  }

  /// Whether the connection can serve on after `error`: yes after an error the server answered
  /// for one statement (a constraint, a syntax error); no after a connection error (closed,
  /// reset), a fatal one, or the server ending the backend (SQLSTATE 57P: shutdown, terminated
  /// by an administrator, a restart), after which the socket is closing.
  private static func leavesConnectionUsable(_ error: any Error) -> Bool {
    guard let info = (error as? PSQLError)?.serverInfo else { return false }
    let severity = info[.severity] ?? ""
    let state = info[.sqlState] ?? ""
    return severity != "FATAL" && severity != "PANIC" && !state.hasPrefix("57P") && !state.hasPrefix("08")
  }

  /// `work`'s result; its error marks the connection not to be reused unless the server
  /// answered it for one statement (and broken unless the task was cancelled), and names the
  /// database.
  private func checked<Value>(_ work: () async throws -> Value) async throws -> Value {
    do {
      return try await withTaskExecutorPreference(loop) { try await work() }
    } catch is CancellationError {
      // Its rows may still be coming: the connection is not given to the next user.
      isReusable = false
      throw CancellationError()
    } catch {
      if !Self.leavesConnectionUsable(error) {
        isReusable = false
        isBroken = true
      }
      throw PostgresStoreError.wrapping(error, location: location.description)
    }
  }
}

/// Runs a task's jobs on an event loop (``PostgresSession``'s statements, on their
/// connection's loop): a reply read by the loop resumes the statement there at once.
final class PostgresLoopExecutor: TaskExecutor {
  let eventLoop: any EventLoop

  init(eventLoop: any EventLoop) {
    self.eventLoop = eventLoop
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }
}
