import Foundation
import Testing

/// `--help` that teaches (issue 28): every command shows examples, its prose reflows as one
/// paragraph instead of lines cut where the source file was, and the man page comes from the
/// same text.
@Suite("selaras --help")
struct HelpCommandTests {
  /// Every command path, found from the help itself: the root's and each group's SUBCOMMANDS.
  private static func commands() throws -> [[String]] {
    var found: [[String]] = []
    var queue: [[String]] = [[]]
    while let path = queue.popLast(), found.count < 100, path.count < 3 {
      found.append(path)
      let help = try CommandRunner.run(path + ["--help"]).stdout
      guard let start = help.range(of: "SUBCOMMANDS:\n") else { continue }
      // "  name   Abstract…" rows until the blank line; wrapped abstracts are indented further.
      for line in help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
        guard line.hasPrefix("  ") else { break }
        guard let match = line.firstMatch(of: /^  ([a-z-]+)(?: \(default\))?\s{2}/), match.1 != "help" else { continue }
        queue.append(path + [String(match.1)])
      }
    }
    return found
  }

  @Test("Every command, the groups included, shows at least one example of itself in its help")
  func examples() throws {
    let commands = try Self.commands()
    #expect(commands.count >= 25, "\(commands)")
    for command in commands {
      let help = try CommandRunner.run(command + ["--help"]).stdout
      let examples = help.components(separatedBy: "\nExamples:\n").dropFirst().first ?? ""
      let lines = examples.split(separator: "\n").prefix { $0.hasPrefix("  ") }
      #expect(
        lines.contains { $0.hasPrefix("  selaras " + command.joined(separator: " ")) || $0.contains("| selaras ") },
        "selaras \(command.joined(separator: " ")): \(help.prefix(600))")
    }
  }

  @Test("Prose reflows: no sentence is broken across a short line, as a source line cut at 100 columns was")
  func reflowed() throws {
    for command in try Self.commands() {
      let help = try CommandRunner.run(command + ["--help"]).stdout
      let overview = help.components(separatedBy: "\nUSAGE:").first ?? ""
      let lines = overview.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      for (line, next) in zip(lines, lines.dropFirst()) {
        // A ragged break: a short line of prose whose sentence goes on in lower case below.
        let prose =
          !line.hasPrefix(" ") && !line.contains("{")
          && line.range(of: #"^[a-z]+:"#, options: .regularExpression) == nil
        let continues =
          next.first.map { $0.isLowercase } == true
          && next.range(of: #"^[a-z]+:"#, options: .regularExpression) == nil
        #expect(
          !(prose && line.count < 60 && continues), "selaras \(command.joined(separator: " ")): \(line) ⏎ \(next)")
      }
    }
  }

  @Test("scripts/install-man.sh writes a man page per command, from the same help, into the folder it is given")
  func manPages() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-man-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let installed = try CommandRunner.run(
      [CommandRunner.root.appendingPathComponent("scripts/install-man.sh").path, folder.path],
      tool: URL(fileURLWithPath: "/bin/bash"), environment: ["SELARAS": CommandRunner.executable.path])
    #expect(installed.status == 0, "\(installed.stderr)")
    let pages = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("man1").path)
    #expect(pages.contains("selaras.1") && pages.contains("selaras.tm.delete.1"), "\(pages)")
    let page = try String(contentsOf: folder.appendingPathComponent("man1/selaras.tm.delete.1"), encoding: .utf8)
    #expect(page.contains("selaras tm delete --document economy-bi-rate"), "\(page.prefix(400))")
  }
}
