import ArgumentParser
import Foundation
import SelarasServer

struct Token: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token",
    abstract: "Manage the team server's access tokens.",
    discussion: """
      Examples:
        selaras token create dewi --role write --tokens team.tokens
        selaras serve --db team.sqlite --tokens team.tokens
      """,
    subcommands: [Create.self])

  struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "create",
      abstract: "Create a token and print it, once: the file keeps only its hash.",
      discussion: """
        The tokens file is re-read by a running server within a second: removing a token's line \
        revokes it without a restart.

        Examples:
          selaras token create dewi --role write --tokens team.tokens
          selaras token create weblate --role read --tokens team.tokens
        """)

    @Argument(help: "Who holds the token: the author of the units it adds.")
    var name: String

    @Option(help: "read (look up, search, export), write (also add and import) or admin (also delete).")
    var role: AccessRole

    @Option(help: "The tokens file; created if missing.")
    var tokens: String

    func run() throws {
      var file = try TokenFile.read(tokens)
      do {
        let token = try file.create(name: name, role: role)
        try file.write(to: URL(fileURLWithPath: tokens))
        print(token)
      } catch let error as AccessTokensError {
        throw CommandError(error.description)
      }
    }
  }
}

extension AccessRole: ExpressibleByArgument {}

/// Reads the tokens file, its errors as one line.
enum TokenFile {
  static func read(_ path: String) throws -> AccessTokens {
    try oneLine { try AccessTokens(contentsOf: URL(fileURLWithPath: path)) }
  }

  /// The tokens file as a server follows it (``WatchedAccessTokens``).
  static func watch(_ path: String, rejected: @escaping @Sendable (AccessTokensError) -> Void) throws
    -> WatchedAccessTokens
  {
    try oneLine { try WatchedAccessTokens(contentsOf: URL(fileURLWithPath: path), rejected: rejected) }
  }

  private static func oneLine<Value>(_ body: () throws -> Value) throws -> Value {
    do {
      return try body()
    } catch let error as AccessTokensError {
      throw CommandError(error.description)
    }
  }
}
