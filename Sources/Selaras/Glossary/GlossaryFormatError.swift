/// Why a glossary file could not be read. Nothing of the file is kept when this is thrown.
public enum GlossaryFormatError: Error, Equatable, Sendable, CustomStringConvertible {
  case missingColumn(file: String, line: Int)
  case emptyTerm(file: String, line: Int)
  case badValue(file: String, line: Int, value: String)
  case unterminatedQuote(file: String, line: Int)
  case notWellFormed(file: String, line: Int, column: Int, reason: String)
  case notText(file: String, reason: String)

  public var description: String {
    switch self {
    case .missingColumn(let file, let line):
      return "\(file):\(line): expected source<TAB>target[<TAB>comment]"
    case .emptyTerm(let file, let line):
      return "\(file):\(line): empty term"
    case .badValue(let file, let line, let value):
      return "\(file):\(line): \(value)"
    case .notWellFormed(let file, let line, let column, let reason):
      return "\(file):\(line):\(column): not well-formed XML: \(reason)"
    case .unterminatedQuote(let file, let line):
      return "\(file):\(line): a quoted field is never closed"
    case .notText(let file, let reason):
      return "\(file): \(reason)"
    }
  }
}
