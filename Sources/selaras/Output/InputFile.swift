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
  /// The UTF-8 text of `path`, named in any error.
  static func text(_ path: String?) throws -> String {
    let name = path == nil || path == "-" ? "<stdin>" : path!
    let data: Data
    if name == "<stdin>" {
      data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory) else {
        throw CommandError("\(name): no such file")
      }
      guard !isDirectory.boolValue else {
        throw CommandError("\(name): is a directory, not a file")
      }
      guard let handle = FileHandle(forReadingAtPath: name) else {
        throw CommandError("\(name): cannot read the file")
      }
      defer { try? handle.close() }
      do {
        data = try handle.readToEnd() ?? Data()
      } catch {
        throw CommandError("\(name): cannot read the file (\(error.localizedDescription))")
      }
    }
    do {
      return try String(validatingUTF8Text: data)
    } catch {
      throw CommandError("\(name): \(error)")
    }
  }
}
