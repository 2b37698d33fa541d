import Foundation

/// Paths in the temporary folder for tests.
public enum TemporaryFile {
  /// A path in the temporary folder that nothing uses yet, ending in `.suffix`.
  public static func url(_ suffix: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("selaras-test-\(UUID().uuidString).\(suffix)")
  }

  /// A folder in the temporary folder that nothing uses yet (not created).
  public static func folder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("selaras-test-\(UUID().uuidString)")
  }

  /// Removes a database file with its write-ahead log and shared-memory index.
  public static func removeDatabase(_ url: URL) {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: url.path + suffix)
    }
  }
}
