import GRDB
import GRDBSQLite

/// Runs a prepared insert with values bound through SQLite's C API: an import runs one per
/// unit, and GRDB's boxing of each value as `DatabaseValueConvertible` cost more than the
/// insert itself. The statement is reset after each run, as GRDB leaves it.
struct RawInsert {
  /// A value to bind, without boxing.
  enum Value {
    case text(String?)
    case integer(Int64)
    case real(Double?)
  }

  let statement: Statement
  let database: Database

  func execute(_ values: Value...) throws {
    let handle = statement.sqliteStatement
    defer { sqlite3_reset(handle) }
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
    let code = sqlite3_step(handle)
    guard code == SQLITE_DONE else { throw error(code) }
  }

  private func error(_ code: Int32) -> DatabaseError {
    DatabaseError(
      resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(database.sqliteConnection)),
      sql: statement.sql)
  }

  /// SQLite's SQLITE_TRANSIENT: it copies the bytes before the call returns.
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
