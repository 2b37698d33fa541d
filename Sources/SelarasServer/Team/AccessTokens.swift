import Foundation
import Selaras

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

/// The team server's access tokens, as kept in the tokens file: one line per token,
/// `NAME<TAB>ROLE<TAB>sha256:HEX`; lines starting with `#` are comments. The token itself is
/// never kept: only its SHA-256. Removing a line revokes the token.
public struct AccessTokens: Sendable {
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
    var generator = SystemRandomNumberGenerator()
    let token = (0..<4).map { _ in
      let value = generator.next() as UInt64
      return String(repeating: "0", count: 16 - String(value, radix: 16).count) + String(value, radix: 16)
    }.joined()
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

  /// Who holds `token`, if anyone.
  public func holder(of token: String) -> Holder? {
    let hash = Self.hash(token)
    return holders.first { $0.hash == hash }
  }

  static func hash(_ token: String) -> String {
    "sha256:" + SHA256.hex(token)
  }
}
