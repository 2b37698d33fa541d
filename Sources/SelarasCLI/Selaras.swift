import ArgumentParser
import Foundation
import SelarasStore

@main
struct SelarasCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "selaras",
    abstract: "Indonesian ⇄ English translation memory and terminology for news.",
    discussion: """
      Every command that uses the store (--db, default $SELARAS_DB, else \
      $XDG_DATA_HOME/selaras/selaras.sqlite, else $HOME/.local/share/selaras/selaras.sqlite) works in \
      the store's direction, recorded when the store is made (en→id unless --source-lang and \
      --target-lang say otherwise). Exit status: 0 when the command did its job (a search that finds \
      nothing included, said on stderr), 1 on an error, 64 on a usage error.

      Shell completion: selaras --generate-completion-script bash|zsh|fish. Manual pages: \
      scripts/install-man.sh.

      Examples:
        selaras align Corpora/economy-bi-rate.en.txt Corpora/economy-bi-rate.id.txt --save
        selaras tm search "Bank Indonesia kept its benchmark rate unchanged"
        selaras glossary lookup Kemenlu
      """,
    version: "0.1.0",
    subcommands: [
      Segment.self, Extract.self, Align.self, Glossary.self, TM.self, LexiconCommand.self, Pretranslate.self,
      Merge.self, Review.self, Serve.self, Token.self,
    ])

  /// Parses and runs the command, saying a store's SQLite trouble in words: which store, what
  /// is wrong, what to do.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var command = command as? any AsyncParsableCommand {
        try await command.run()
      } else {
        try command.run()
      }
      StoreOptions.closeAll()
    } catch {
      StoreOptions.closeAll()
      exit(withError: explained(error))
    }
  }

  private static func explained(_ error: any Error) -> any Error {
    guard let problem = SQLiteProblem(error) else { return error }
    let store = StoreInUse.name.withLock { $0 } ?? "the store"
    return switch problem {
    case .busy:
      CommandError(
        "\(store): still busy: \(StoreInUse.holder(of: store) ?? "another process") holds it; "
          + "try again when it is done, or wait longer with --wait SECONDS")
    case .readOnly:
      CommandError(
        "\(store): read-only here (no permission to write it, or its folder): this command writes to the store")
    case .damaged: CommandError("\(store): damaged, or not a Selaras store (\(error))")
    case .full: CommandError("\(store): the disk is full; nothing was stored")
    case .cannotOpen: CommandError("\(store): cannot open the store (\(error))")
    }
  }
}
