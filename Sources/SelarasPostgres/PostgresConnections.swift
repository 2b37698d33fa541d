import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// The connections of one memory, kept open between calls: a call takes an idle one or
/// opens a new one, and gives it back unless it broke. A dead server fails a call at once,
/// and the next call, once it is back, connects anew.
final class PostgresConnections: @unchecked Sendable {
  let location: PostgresLocation
  private let lock = NSLock()
  private var idle: [PostgresConnection] = []
  private var nextID = 0
  /// Idle connections kept at most; more are closed when given back.
  private static let idleLimit = 16
  /// PostgresNIO logs through swift-log; a library prints nothing.
  static let logger = Logger(label: "selaras.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

  init(location: PostgresLocation) {
    self.location = location
  }

  deinit {
    for connection in idle { Self.close(connection) }
  }

  /// Closes `connection`, keeping it alive until it is closed (PostgresNIO requires that).
  private static func close(_ connection: PostgresConnection) {
    let closed: EventLoopFuture<Void> = connection.close()
    closed.whenComplete { _ in withExtendedLifetime(connection) {} }
  }

  /// Calls `body` with a session on a connection of its own.
  func withSession<Result>(_ body: (PostgresSession) throws -> Result) throws -> Result {
    let session = PostgresSession(connection: try take(), location: location)
    defer { giveBack(session.connection) }
    return try body(session)
  }

  private func take() throws -> PostgresConnection {
    let (reused, id): (PostgresConnection?, Int) = lock.withLock {
      while let connection = idle.popLast() {
        if !connection.isClosed { return (connection, 0) }
      }
      nextID += 1
      return (nil, nextID)
    }
    if let reused { return reused }
    let configuration = location.configuration
    do {
      return try PostgresBridge.shared.wait {
        try await PostgresConnection.connect(
          on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: id,
          logger: Self.logger)
      }
    } catch {
      throw PostgresStoreError.wrapping(error, location: location.description)
    }
  }

  private func giveBack(_ connection: PostgresConnection) {
    guard !connection.isClosed else {
      Self.close(connection)
      return
    }
    let kept = lock.withLock {
      guard idle.count < Self.idleLimit else { return false }
      idle.append(connection)
      return true
    }
    if !kept { Self.close(connection) }
  }
}

/// One connection, used by one thread at a time, with synchronous calls.
struct PostgresSession {
  let connection: PostgresConnection
  let location: PostgresLocation

  /// The rows `query` returns, all of them.
  func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
    let connection = connection
    return try wait { try await connection.query(query, logger: PostgresConnections.logger).collect() }
  }

  /// Runs a statement whose rows are not wanted.
  func execute(_ query: PostgresQuery) throws {
    _ = try rows(query)
  }

  /// Sends `data` (rows in COPY's text format) to `COPY table (columns) FROM STDIN`.
  func copy(into table: String, columns: [String], data: ByteBuffer) throws {
    guard data.readableBytes > 0 else { return }
    let connection = connection
    try wait {
      try await connection.copyFrom(table: table, columns: columns, logger: PostgresConnections.logger) { writer in
        try await writer.write(data)
      }
    }
  }

  /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
  func transaction<Result>(_ body: () throws -> Result) throws -> Result {
    try execute("BEGIN")
    let result: Result
    do {
      result = try body()
    } catch {
      // A connection already broken is not given back; its transaction dies with it.
      try? execute("ROLLBACK")
      throw error
    }
    try execute("COMMIT")
    return result
  }

  private func wait<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
    do {
      return try PostgresBridge.shared.wait(work)
    } catch {
      throw PostgresStoreError.wrapping(error, location: location.description)
    }
  }
}
