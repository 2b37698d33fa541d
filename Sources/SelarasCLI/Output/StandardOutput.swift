import Foundation

/// Buffered writing to standard output; the CLI's results go here, messages to stderr.
struct StandardOutput {
  private var buffer: [UInt8] = []

  mutating func write(bytes: UnsafeBufferPointer<UInt8>) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 {
      flush()
    }
  }

  mutating func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 {
      flush()
    }
  }

  /// Writes what is buffered straight to file descriptor 1 (no `Data` copy); a full disk
  /// ends the writing.
  mutating func flush() {
    guard !buffer.isEmpty else { return }
    _ = Self.writeAll(buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes `bytes` to file descriptor 1, retrying interrupted and partial writes; false
  /// when a write fails (`errno` says why).
  static func writeAll(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = Glibc.write(1, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return false }
        offset += written
      }
      return true
    }
  }
}

/// Writes one line to standard error.
func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}
