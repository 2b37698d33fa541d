import Foundation
import SelarasPostgres

/// The PostgreSQL server the tests use: `SELARAS_TEST_POSTGRES`, the URL of a database on a
/// throwaway cluster that scripts/test.sh starts (scripts/postgres-cluster.sh). Without it,
/// these suites do not run.
public enum PostgresTestServer {
  public static let url = ProcessInfo.processInfo.environment["SELARAS_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

  public static var isAvailable: Bool { url != nil }

  /// A new, empty memory in a database of its own.
  public static func memory() async throws -> PostgresMemory {
    try await PostgresMemory(url: databaseURL())
  }

  /// The URL of a new, empty database.
  public static func databaseURL() async throws -> String {
    guard let url else { throw PostgresStoreError.unavailable }
    return try await PostgresScratchDatabase.create(on: url, prefix: "test")
  }
}

extension PostgresStoreError {
  static var unavailable: PostgresStoreError {
    PostgresStoreError(description: "SELARAS_TEST_POSTGRES is not set; run scripts/test.sh")
  }
}
