/// A finding that does not stop the work, such as a duplicate line skipped on import.
/// Library code hands these to its caller; the CLI decides how to show them.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable {
    case warning, error
  }

  public var severity: Severity
  public var file: String
  /// 1-based; 0 when the finding is about the whole file.
  public var line: Int
  public var message: String

  public init(_ severity: Severity, file: String, line: Int, _ message: String) {
    self.severity = severity
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String {
    "\(file)\(line > 0 ? ":\(line)" : ""): \(severity): \(message)"
  }
}
