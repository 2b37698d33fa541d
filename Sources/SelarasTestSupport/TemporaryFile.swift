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

  /// A new folder in the temporary folder holding copies of Corpora's files named `files`
  /// (`economy-bi-rate.en.txt`), for a batch to read.
  public static func folder(copying files: [String]) throws -> URL {
    let folder = folder()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for file in files {
      try FileManager.default.copyItem(
        at: Corpora.root.appendingPathComponent("Corpora").appendingPathComponent(file),
        to: folder.appendingPathComponent(file))
    }
    return folder
  }

  /// Removes a database file with its write-ahead log and shared-memory index.
  public static func removeDatabase(_ url: URL) {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: url.path + suffix)
    }
  }
}
