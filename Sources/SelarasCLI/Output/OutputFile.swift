import Foundation

/// Where a command's results go: standard output, or a file written atomically — a
/// temporary file beside it, written as the results come and renamed over it when complete.
/// A destination that exists and is no regular file (`/dev/null`, `/dev/stdout`, a named
/// pipe) is written straight into: renamed over, it would be replaced by a file.
struct OutputFile {
  private let path: String?
  /// Whether `path` is written directly rather than through a temporary file.
  private let isDevice: Bool
  private var buffer: [UInt8] = []
  private var handle: FileHandle?
  private var temporary: URL?
  /// The first write that failed: the file is then incomplete, and `finish` reports it.
  private var failure: (any Error)?

  init(_ path: String?) {
    self.path = path == "-" ? nil : path
    var status = stat()
    isDevice = self.path.map { stat($0, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG } ?? false
  }

  mutating func write(_ text: String) {
    write { $0.append(contentsOf: text.utf8) }
  }

  /// Writes what `produce` appends, as UTF-8, straight into the buffer.
  mutating func write(_ produce: (inout [UInt8]) -> Void) {
    produce(&buffer)
    if buffer.count >= 1 << 16 && failure == nil {
      do { try flush() } catch { failure = error }
    }
  }

  private mutating func flush() throws {
    guard !buffer.isEmpty else { return }
    if let path {
      if handle == nil && isDevice {
        guard let handle = FileHandle(forWritingAtPath: path) else {
          throw CommandError("\(path): cannot write the file")
        }
        self.handle = handle
      } else if handle == nil {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
          .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
          let handle = FileHandle(forWritingAtPath: temporary.path)
        else {
          throw CommandError("\(path): cannot write the file")
        }
        self.temporary = temporary
        self.handle = handle
      }
      try handle!.write(contentsOf: buffer)
    } else {
      // Straight to file descriptor 1: a full disk is an error to report, not a trap
      // (FileHandle.write(Data) traps on one).
      guard StandardOutput.writeAll(buffer) else {
        throw CommandError("<stdout>: cannot write (\(String(cString: strerror(errno))))")
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes what is left, and renames the temporary file over the destination.
  mutating func finish() throws {
    do {
      if let failure { throw failure }
      try flush()
      guard let path else { return }
      if isDevice {
        try handle?.close()
        return
      }
      if handle == nil {
        // Nothing was written: the result is an empty file.
        try Data().write(to: URL(fileURLWithPath: path), options: .atomic)
        return
      }
      try handle!.close()
      // rename(2) replaces the destination in one step, or leaves it as it was. (Foundation's
      // replaceItemAt on Linux moved an existing file away and then failed.)
      guard rename(temporary!.path, path) == 0 else {
        throw CommandError("\(path): cannot write the file (\(String(cString: strerror(errno))))")
      }
    } catch let error as CommandError {
      discard()
      throw error
    } catch {
      discard()
      throw CommandError("\(path ?? "<stdout>"): cannot write the file (\(error.localizedDescription))")
    }
  }

  /// Removes the temporary file of a write that did not complete.
  private func discard() {
    if let temporary { try? FileManager.default.removeItem(at: temporary) }
  }
}
