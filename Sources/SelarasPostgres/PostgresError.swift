import Foundation
import PostgresNIO

/// What went wrong talking to PostgreSQL, in one line: the server's own message and code
/// where it sent one, else the connection's trouble (PostgresNIO's own descriptions hide
/// both, for fear of leaking data into logs).
public struct PostgresStoreError: Error, CustomStringConvertible, Sendable {
  public let description: String

  init(_ description: String) {
    self.description = description
  }

  package init(description: String) {
    self.description = description
  }

  /// `error` described, with `location` (host and port) for connection failures.
  static func wrapping(_ error: any Error, location: String) -> any Error {
    if error is PostgresStoreError || error is CancellationError { return error }
    guard let psql = error as? PSQLError else { return error }
    if let message = psql.serverInfo?[.message] {
      let code = psql.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
      return PostgresStoreError("PostgreSQL at \(location): \(message)\(code)")
    }
    let cause = psql.underlying.map { " (\($0))" } ?? ""
    switch psql.code {
    case .authMechanismRequiresPassword:
      return PostgresStoreError(
        "PostgreSQL at \(location): the server asks for a password; give it in the URL or in $PGPASSWORD")
    case .unsupportedAuthMechanism:
      return PostgresStoreError(
        "PostgreSQL at \(location): the server asks for a way of logging in PostgresNIO lacks\(cause)")
    case .connectionError, .serverClosedConnection, .uncleanShutdown:
      return PostgresStoreError("PostgreSQL at \(location): cannot connect or lost the connection\(cause)")
    default:
      return PostgresStoreError("PostgreSQL at \(location): \(psql.code)\(cause)")
    }
  }
}
