import Foundation

/// Where a command's results go: standard output, or a file written atomically (a temporary
/// file beside it, renamed over it when complete).
struct OutputFile {
  private let path: String?
  private var buffer = StandardOutput()
  private var fileText = ""

  init(_ path: String?) {
    self.path = path == "-" ? nil : path
  }

  mutating func write(_ text: String) {
    if path == nil {
      buffer.write(text)
    } else {
      fileText += text
    }
  }

  /// Flushes standard output, or writes and renames the file.
  mutating func finish() throws {
    guard let path else {
      buffer.flush()
      return
    }
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try Data(fileText.utf8).write(to: temporary)
      if FileManager.default.fileExists(atPath: url.path) {
        _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary)
      } else {
        try FileManager.default.moveItem(at: temporary, to: url)
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw CommandError("\(path): cannot write the file (\(error.localizedDescription))")
    }
  }
}
