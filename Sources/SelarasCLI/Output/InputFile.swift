import Foundation
import Selaras

/// Why a command could not run, as one line for stderr.
struct CommandError: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }
}

/// Reads a text argument: a path, or `-` (or nothing) for standard input.
enum InputFile {
  /// The bytes of `path`, named in any error. More than `limit` bytes is an error when
  /// `limited` says so of the first `limit` (a page, not a long text), found before the rest
  /// is read: a 20 GB page or an endless pipe is never held.
  static func data(_ path: String?, limit: Int, limited: (Data) -> Bool = { _ in true }) throws -> Data {
    let name = path == nil || path == "-" ? "<stdin>" : path!
    let handle: FileHandle
    if name == "<stdin>" {
      handle = FileHandle.standardInput
    } else {
      try checkFile(name)
      guard let opened = FileHandle(forReadingAtPath: name) else { throw CommandError("\(name): cannot read the file") }
      handle = opened
    }
    defer { if name != "<stdin>" { try? handle.close() } }
    var data = Data()
    while true {
      let chunk: Data
      do {
        chunk = try handle.read(upToCount: 1 << 20) ?? Data()
      } catch {
        throw CommandError("\(name): cannot read the file (\(error.localizedDescription))")
      }
      if chunk.isEmpty { return data }
      if data.count <= limit && data.count + chunk.count > limit && limited(data + chunk) {
        throw CommandError("\(name): more than \(limit) bytes is more than a page may have")
      }
      data.append(chunk)
    }
  }

  private static func checkFile(_ name: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory) else {
      throw CommandError("\(name): no such file")
    }
    guard !isDirectory.boolValue else {
      throw CommandError("\(name): is a directory, not a file")
    }
  }

  /// Whether the first bytes of the regular file `path` open a web page (nil-safe: a file that
  /// cannot be read answers false, and its reading reports why).
  static func startsAsPage(_ path: String) throws -> Bool {
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
      let handle = FileHandle(forReadingAtPath: path)
    else { return false }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 1 << 16)) ?? Data()
    // A page behind more blank lines than that is still sniffed whole by the slower path.
    if head.count == 1 << 16 && head.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) { return true }
    return DocumentFormat.detect(head, name: path) == .html
  }

  /// The UTF-8 text of `path`, named in any error.
  static func text(_ path: String?) throws -> String {
    let name = path == nil || path == "-" ? "<stdin>" : path!
    if name == "<stdin>" {
      return try decoded(FileHandle.standardInput.readDataToEndOfFile(), name: name)
    }
    try checkFile(name)
    guard let handle = FileHandle(forReadingAtPath: name) else {
      throw CommandError("\(name): cannot read the file")
    }
    defer { try? handle.close() }
    // A regular file is read straight into the string, whose size is known; anything else
    // (a pipe, a device) through a buffer.
    var status = stat()
    guard fstat(handle.fileDescriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
      do {
        return try decoded(try handle.readToEnd() ?? Data(), name: name)
      } catch let error as CommandError {
        throw error
      } catch {
        throw CommandError("\(name): cannot read the file (\(error.localizedDescription))")
      }
    }
    do {
      return try String(capacity: Int(status.st_size)) { buffer in
        var count = 0
        while count < buffer.count {
          let read = Glibc.read(handle.fileDescriptor, buffer.baseAddress! + count, buffer.count - count)
          if read < 0 && errno == EINTR { continue }
          guard read >= 0 else {
            throw CommandError("\(name): cannot read the file (\(String(cString: strerror(errno))))")
          }
          if read == 0 { break }
          count += read
        }
        return count
      }
    } catch let error as CommandError {
      throw error
    } catch {
      throw CommandError("\(name): \(error)")
    }
  }

  static func decoded(_ data: Data, name: String) throws -> String {
    do {
      return try String(validatingUTF8Text: data)
    } catch {
      throw CommandError("\(name): \(error)")
    }
  }
}
