import Foundation
import Synchronization

/// The store this process works on, for messages about it wherever an error surfaces, and who
/// else holds it when it is busy.
enum StoreInUse {
  /// The store the process opened last, as messages name it.
  static let name = Mutex<String?>(nil)

  /// The other process holding a lock on the SQLite file at `path` or its WAL index, as
  /// `pid 1234 (selaras tm import big.tmx)`: from the kernel's table of file locks
  /// (`/proc/locks`), where Linux has one; nil elsewhere or when none is found.
  static func holder(of path: String) -> String? {
    guard let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
    let inodes = Set([path, path + "-shm", path + "-wal"].compactMap(inode))
    let me = ProcessInfo.processInfo.processIdentifier
    for line in locks.split(separator: "\n") {
      // 1: POSIX  ADVISORY  WRITE 1234 08:01:123456 0 EOF
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      guard fields.count >= 6, let pid = Int32(fields[4]), pid != me,
        let node = fields[5].split(separator: ":").last.flatMap({ UInt64($0) }), inodes.contains(node)
      else { continue }
      let command = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8))?
        .split(separator: "\0").map { $0.split(separator: "/").last.map(String.init) ?? String($0) }
        .joined(separator: " ")
      let shown = command.map { $0.count > 60 ? $0.prefix(59) + "…" : $0[...] }
      return "pid \(pid)" + (shown.map { " (\($0))" } ?? "")
    }
    return nil
  }

  private static func inode(_ path: String) -> UInt64? {
    var status = stat()
    return stat(path, &status) == 0 ? UInt64(status.st_ino) : nil
  }
}
