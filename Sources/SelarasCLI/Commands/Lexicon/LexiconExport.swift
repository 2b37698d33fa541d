import ArgumentParser
import Foundation
import Selaras

extension LexiconCommand {
  struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Write the learned word translations in use as a word list.",
      discussion: """
        The format of the shipped word list (Sources/Selaras/Resources/lexicon.id-en.tsv): one \
        Indonesian word a line, a TAB, its English translations separated by ", ".

        Examples:
          selaras lexicon export --output learned.id-en.tsv
        """)

    @Option(help: "The file to write (atomically), or - for standard output.")
    var output = "-"

    @OptionGroup var store: StoreOptions

    func run() async throws {
      var lines: [String: [String]] = [:]
      for word in try await LexiconCommand.learned(store) where word.used {
        lines[word.indonesian, default: []].append(word.english)
      }
      var file = OutputFile(output)
      for (indonesian, english) in lines.sorted(by: { $0.key < $1.key }) {
        file.write("\(indonesian)\t\(english.joined(separator: ", "))\n")
      }
      try file.finish()
    }
  }
}
