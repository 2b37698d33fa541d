/// The errors of a reader of one XML format (TMX, XLIFF), whose first kinds are the same for
/// every format: the file cannot be read, it is not well-formed XML, or its root is another
/// format's. Each format's error enum has these as cases and adds its own.
protocol XMLFormatError: Error {
  static func unreadable(file: String) -> Self
  static func notWellFormed(file: String, line: Int, column: Int, reason: String) -> Self
  /// Well-formed XML without the format's root element.
  static func wrongRoot(file: String) -> Self
}

extension XMLFormatError {
  /// Throws what a parse of `file` that ended with `failure` means, or that the file is not in
  /// the format (`sawRoot` false).
  static func check(_ failure: XMLFailure?, sawRoot: Bool, file: String) throws(Self) {
    switch failure {
    case .unreadable: throw .unreadable(file: file)
    case .malformed(let line, let column, let reason):
      throw .notWellFormed(file: file, line: line, column: column, reason: reason)
    case nil: break
    }
    guard sawRoot else { throw .wrongRoot(file: file) }
  }
}

/// The one-line messages of the shared kinds of ``XMLFormatError``.
enum XMLFormatMessage {
  static func unreadable(_ file: String) -> String { "\(file): cannot read the file" }

  static func notWellFormed(_ file: String, _ line: Int, _ column: Int, _ reason: String) -> String {
    "\(file):\(line):\(column): not well-formed XML: \(reason)"
  }

  /// `root` is the element (`tmx`), `format` the format's name (`TMX`).
  static func wrongRoot(_ file: String, root: String, format: String) -> String {
    "\(file): no <\(root)> root element: not \(format)"
  }
}
