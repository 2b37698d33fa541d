import Foundation
import NIOSSL
import PostgresNIO

/// Where a PostgreSQL database is, from a URL as libpq reads one:
/// `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=disable|prefer|require`, or a
/// folder holding the server's socket as `?host=/run/postgresql`. The user defaults to
/// `postgres`, the port to 5432, the database to the user's name, TLS to none (the server
/// is expected on this machine or a trusted network; `sslmode=require` for any other).
public struct PostgresLocation: Sendable, CustomStringConvertible {
  let configuration: PostgresConnection.Configuration
  /// Host and port (or socket), without the password, for messages.
  public let description: String

  /// The location a URL names; `password` is used when the URL has none (the CLI passes
  /// `$PGPASSWORD`, as libpq reads it).
  public init(url text: String, password defaultPassword: String? = nil) throws {
    guard let components = URLComponents(string: text),
      components.scheme == "postgres" || components.scheme == "postgresql"
    else {
      throw PostgresStoreError("\(text): not a PostgreSQL URL (postgres://USER:PASSWORD@HOST:PORT/DATABASE)")
    }
    let query = Dictionary(
      (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
    let user = components.user.flatMap { $0.removingPercentEncoding } ?? query["user"] ?? "postgres"
    let password = components.password.flatMap { $0.removingPercentEncoding } ?? query["password"] ?? defaultPassword
    let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
    let database = path.isEmpty ? (query["dbname"] ?? user) : path
    let port = components.port ?? query["port"].flatMap { Int($0) } ?? 5432
    let host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? query["host"] ?? "localhost"
    if host.hasPrefix("/") {
      // libpq's convention: a host that is a path is the folder of the server's socket.
      let socket = "\(host)/.s.PGSQL.\(port)"
      configuration = .init(unixSocketPath: socket, username: user, password: password, database: database)
      description = socket
    } else {
      let tls: PostgresConnection.Configuration.TLS
      switch query["sslmode"] ?? "disable" {
      case "disable": tls = .disable
      case "prefer", "allow":
        tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
      case "require", "verify-ca", "verify-full":
        tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
      case let mode:
        throw PostgresStoreError("\(text): sslmode \(mode) is not one of disable, prefer, require")
      }
      configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
      description = "\(host):\(port)/\(database)"
    }
  }
}
