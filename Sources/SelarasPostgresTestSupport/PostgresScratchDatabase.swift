import Foundation
import PostgresNIO
import SelarasPostgres

/// New, empty databases on a server, for the tests and the bench: each memory they make is
/// a database of its own; and statements run as the server's administrator would.
public enum PostgresScratchDatabase {
  /// Runs `sql` (trusted text, no parameters) on the database at `url`.
  public static func execute(_ sql: String, on url: String) async throws {
    try await PostgresConnections(location: PostgresLocation(url: url)).withSession { session in
      try await session.execute(PostgresQuery(unsafeSQL: sql))
    }
  }

  /// The name of the database a URL names.
  public static func name(of url: String) -> String {
    String(URLComponents(string: url)?.path.dropFirst() ?? "")
  }

  /// Creates a database with a fresh name on the server at `url` (whose database is only
  /// connected to) and returns the URL of the new one.
  public static func create(on url: String, prefix: String = "selaras") async throws -> String {
    let location = try PostgresLocation(url: url)
    let name = "\(prefix)_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
    try await PostgresConnections(location: location).withSession { session in
      try await session.execute(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
    }
    guard var components = URLComponents(string: url) else { return url }
    components.path = "/\(name)"
    return components.string ?? url
  }
}
