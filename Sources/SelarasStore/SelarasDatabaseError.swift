import GRDB

/// Why a Selaras database could not be used as asked.
public enum SelarasDatabaseError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Opened to read only, its schema is older than this Selaras's, and reading may not migrate it.
  case needsUpgrade(String)

  public var description: String {
    switch self {
    case .needsUpgrade(let path):
      "\(path): a store made by an earlier Selaras; a command that writes to it (tm import, glossary add) upgrades it"
    }
  }
}

/// What stood in a database's way, told from SQLite's result code, for a message that says it
/// in words: the CLI names the store and what to do.
public enum SQLiteProblem: Hashable, Sendable {
  /// Another connection held a lock past the busy timeout (SQLITE_BUSY, SQLITE_LOCKED).
  case busy
  /// The file, or its folder, cannot be written (SQLITE_READONLY, SQLITE_PERM).
  case readOnly
  /// The file is damaged or not a database (SQLITE_CORRUPT, SQLITE_NOTADB).
  case damaged
  /// The disk is full (SQLITE_FULL).
  case full
  /// The file or its folder cannot be opened (SQLITE_CANTOPEN).
  case cannotOpen

  /// The problem `error` reports, when it is an SQLite error of one of these kinds.
  public init?(_ error: any Error) {
    guard let error = error as? DatabaseError else { return nil }
    switch error.resultCode.primaryResultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy
    case .SQLITE_READONLY, .SQLITE_PERM: self = .readOnly
    case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .damaged
    case .SQLITE_FULL: self = .full
    case .SQLITE_CANTOPEN: self = .cannotOpen
    default: return nil
    }
  }
}
