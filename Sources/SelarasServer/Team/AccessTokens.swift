import Crypto
import Foundation
import Selaras
import Synchronization

/// What a token may do on the team server: each role can do what the ones before it can.
public enum AccessRole: String, Codable, Sendable, Comparable, CaseIterable {
  /// Look up, search, export.
  case read
  /// Also add units and glossary entries, import files.
  case write
  /// Also delete units.
  case admin

  public static func < (lhs: AccessRole, rhs: AccessRole) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// Why the tokens file could not be read or written.
public struct AccessTokensError: Error, CustomStringConvertible, Sendable {
  public var description: String
}

/// Who holds a token: what the team server asks of its tokens on each request.
public protocol TokenHolders: Sendable {
  func holder(of token: String) -> AccessTokens.Holder?
}

/// The team server's access tokens, as kept in the tokens file: one line per token,
/// `NAME<TAB>ROLE<TAB>sha256:HEX`; lines starting with `#` are comments. The token itself is
/// never kept: only its SHA-256. Removing a line revokes the token.
public struct AccessTokens: TokenHolders {
  public struct Holder: Sendable, Hashable {
    public var name: String
    public var role: AccessRole
    /// `sha256:` and the token's SHA-256 in hex.
    public var hash: String
  }

  public private(set) var holders: [Holder] = []

  public init() {}

  /// Reads the tokens file at `url`; a file that does not exist holds no tokens.
  public init(contentsOf url: URL) throws {
    guard FileManager.default.fileExists(atPath: url.path) else { return }
    let text: String
    do {
      text = try String(validatingUTF8Text: Data(contentsOf: url))
    } catch {
      throw AccessTokensError(description: "\(url.path): cannot read the tokens file (\(error))")
    }
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = line.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t").map(String.init)
      guard fields.count == 3, let role = AccessRole(rawValue: fields[1]), fields[2].hasPrefix("sha256:"),
        fields[2].count == 71
      else {
        throw AccessTokensError(
          description: "\(url.path):\(number + 1): expected NAME<TAB>read|write|admin<TAB>sha256:HEX")
      }
      holders.append(Holder(name: fields[0], role: role, hash: fields[2]))
    }
  }

  /// Adds a new token for `name` with `role` and returns it: the only time it is seen.
  public mutating func create(name: String, role: AccessRole) throws -> String {
    guard !name.isEmpty, !name.contains(where: { $0 == "\t" || $0.isNewline }) else {
      throw AccessTokensError(description: "a token's name is one line without tabs")
    }
    guard !holders.contains(where: { $0.name == name }) else {
      throw AccessTokensError(description: "there is a token named \(name) already; remove its line to replace it")
    }
    let token = Self.randomHex(words: 4)
    holders.append(Holder(name: name, role: role, hash: Self.hash(token)))
    return token
  }

  /// Writes the tokens file atomically (the file is readable by its owner only).
  public func write(to url: URL) throws {
    let text =
      "# selaras serve tokens: NAME<TAB>ROLE<TAB>sha256 of the token. Remove a line to revoke it.\n"
      + holders.map { "\($0.name)\t\($0.role.rawValue)\t\($0.hash)\n" }.joined()
    do {
      try Data(text.utf8).write(to: url, options: .atomic)
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    } catch {
      throw AccessTokensError(description: "\(url.path): cannot write the tokens file (\(error.localizedDescription))")
    }
  }

  /// `words` random 64-bit words from the system's generator, as 16 hex digits each: a token.
  public static func randomHex(words: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<words).map { _ in
      let digits = String(generator.next() as UInt64, radix: 16)
      return String(repeating: "0", count: 16 - digits.count) + digits
    }.joined()
  }

  /// Who holds `token`, if anyone.
  public func holder(of token: String) -> Holder? {
    let hash = Self.hash(token)
    return holders.first { $0.hash == hash }
  }

  /// `sha256:` and the token's SHA-256 digest in lowercase hex, as the tokens file keeps it.
  static func hash(_ token: String) -> String {
    "sha256:" + SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
  }
}

/// The tokens file as it is now: read again when it changes (its inode, size or time of
/// change), looked at no more than every ``checkInterval``, so that a line removed revokes its
/// token within that time without a restart. A file removed holds no tokens. A file that no
/// longer reads (a line half edited) leaves the tokens as they were, and `rejected` is told
/// why, once for each change.
public final class WatchedAccessTokens: TokenHolders {
  public static let checkInterval: Duration = .milliseconds(250)

  private struct State {
    var tokens: AccessTokens
    var stamp: FileStamp?
    var checked: ContinuousClock.Instant
  }

  private let url: URL
  private let rejected: @Sendable (AccessTokensError) -> Void
  private let state: Mutex<State>

  public init(contentsOf url: URL, rejected: @escaping @Sendable (AccessTokensError) -> Void = { _ in }) throws {
    self.url = url
    self.rejected = rejected
    let stamp = FileStamp(url)
    state = Mutex(State(tokens: try AccessTokens(contentsOf: url), stamp: stamp, checked: .now))
  }

  /// The tokens as last read.
  public var tokens: AccessTokens { state.withLock { $0.tokens } }

  public func holder(of token: String) -> AccessTokens.Holder? {
    refresh()
    return tokens.holder(of: token)
  }

  /// Reads the file again if it changed since it was last looked at.
  private func refresh() {
    let now = ContinuousClock.now
    let (changed, stamp) = state.withLock { state -> (Bool, FileStamp?) in
      guard now - state.checked >= Self.checkInterval else { return (false, nil) }
      state.checked = now
      let stamp = FileStamp(url)
      return (stamp != state.stamp, stamp)
    }
    guard changed else { return }
    do {
      let tokens = try AccessTokens(contentsOf: url)
      state.withLock { state in
        state.tokens = tokens
        state.stamp = stamp
      }
    } catch {
      state.withLock { $0.stamp = stamp }
      rejected(error as? AccessTokensError ?? AccessTokensError(description: "\(url.path): \(error)"))
    }
  }
}

/// What tells that a file changed: its inode, size and time of last change, nil when there
/// is no file.
private struct FileStamp: Equatable {
  var inode: UInt64
  var size: Int64
  var changed: timespec

  init?(_ url: URL) {
    var status = stat()
    guard stat(url.path, &status) == 0 else { return nil }
    inode = UInt64(status.st_ino)
    size = Int64(status.st_size)
    #if canImport(Darwin)
      changed = status.st_ctimespec
    #else
      changed = status.st_ctim
    #endif
  }

  static func == (lhs: FileStamp, rhs: FileStamp) -> Bool {
    lhs.inode == rhs.inode && lhs.size == rhs.size && lhs.changed.tv_sec == rhs.changed.tv_sec
      && lhs.changed.tv_nsec == rhs.changed.tv_nsec
  }
}
