import GRDB
import GRDBSQLite

/// Runs a prepared statement with values bound through SQLite's C API, for the statements
/// run by the million: an import runs an insert per unit, and GRDB's boxing of each value
/// as `DatabaseValueConvertible` cost more than the insert itself; a search reads hundreds
/// of rows, and GRDB's cursor and row objects cost more than the lookup. The statement is
/// reset after each run, as GRDB leaves it.
struct RawStatement {
  /// A value to bind, without boxing.
  enum Value {
    case text(String?)
    case integer(Int64)
    case real(Double?)
  }

  let statement: Statement
  let database: Database

  /// Runs a statement that returns no rows (an insert).
  func execute(_ values: Value...) throws {
    let handle = statement.sqliteStatement
    defer { sqlite3_reset(handle) }
    try bind(values)
    let code = sqlite3_step(handle)
    guard code == SQLITE_DONE else { throw error(code) }
  }

  /// Runs a query and calls `body` with its first row, nil when there is none. The row's
  /// bytes are SQLite's own, valid only until `body` returns.
  func withFirstRow<Result>(_ values: Value..., body: (RawRow?) throws -> Result) throws -> Result {
    let handle = statement.sqliteStatement
    defer { sqlite3_reset(handle) }
    try bind(values)
    switch sqlite3_step(handle) {
    case SQLITE_ROW: return try body(RawRow(handle: handle))
    case SQLITE_DONE: return try body(nil)
    case let code: throw error(code)
    }
  }

  /// Runs a query and calls `body` with each row, whose bytes are valid only during the call.
  func forEachRow(_ values: [Value], body: (RawRow) throws -> Void) throws {
    let handle = statement.sqliteStatement
    defer { sqlite3_reset(handle) }
    try bind(values)
    while true {
      switch sqlite3_step(handle) {
      case SQLITE_ROW: try body(RawRow(handle: handle))
      case SQLITE_DONE: return
      case let code: throw error(code)
      }
    }
  }

  private func bind(_ values: [Value]) throws {
    let handle = statement.sqliteStatement
    for (offset, value) in values.enumerated() {
      let index = Int32(offset + 1)
      let code: Int32
      switch value {
      case .text(nil), .real(nil):
        code = sqlite3_bind_null(handle, index)
      case .text(let text?):
        var text = text
        code = text.withUTF8 { bytes in
          bytes.withMemoryRebound(to: CChar.self) { characters in
            sqlite3_bind_text(handle, index, characters.baseAddress, Int32(characters.count), Self.transient)
          }
        }
      case .integer(let number):
        code = sqlite3_bind_int64(handle, index, number)
      case .real(let number?):
        code = sqlite3_bind_double(handle, index, number)
      }
      guard code == SQLITE_OK else { throw error(code) }
    }
  }

  private func error(_ code: Int32) -> DatabaseError {
    DatabaseError(
      resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(database.sqliteConnection)),
      sql: statement.sql)
  }

  /// SQLite's SQLITE_TRANSIENT: it copies the bytes before the call returns.
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// The current row of a ``RawStatement``.
struct RawRow {
  let handle: OpaquePointer

  func integer(_ column: Int32) -> Int64 {
    sqlite3_column_int64(handle, column)
  }

  /// A text column as a string, nil for NULL.
  func text(_ column: Int32) -> String? {
    guard let start = sqlite3_column_text(handle, column) else { return nil }
    return String(
      decoding: UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
  }

  /// A number column, nil for NULL.
  func real(_ column: Int32) -> Double? {
    sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
  }

  /// The bytes of a blob or of a text's UTF-8, where SQLite holds them (empty for NULL).
  func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
    guard let start = sqlite3_column_blob(handle, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
    return UnsafeRawBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, column)))
  }
}
