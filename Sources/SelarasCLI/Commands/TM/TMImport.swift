import ArgumentParser
import Foundation
import Selaras

extension TM {
  struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import a TMX file (1.1–1.4, from any tool) or a translated XLIFF 1.2 in one transaction.",
      discussion: """
        The format is told by the root element (<tmx>, <xliff>). From XLIFF, every trans-unit whose target \
        is translated, reviewed, final or signed-off (or has no state) becomes a unit, the file's \
        `original` its document. Units already in the memory are counted as duplicates; skipped units \
        are reported on stderr, with the store written to.
        json: {"added":…,"duplicates":…,"skipped":…,"store":"…"}

        Examples:
          selaras tm import omegat/tm/auto/project.tmx
          selaras tm import translated.xlf --json
        """)

    @Argument(help: "The TMX or XLIFF file.")
    var file: String

    @Flag(help: "From XLIFF, take every non-empty target, whatever its state.")
    var allStates = false

    @Flag(help: "Keep inline codes as numbered placeholders {1}, {2}… instead of dropping them.")
    var placeholders = false

    @OptionGroup var output: JSONOption

    @OptionGroup var store: StoreOptions

    private struct Output: Encodable {
      var added: Int
      var duplicates: Int
      var skipped: Int
      var store: String
    }

    func run() async throws {
      guard FileManager.default.fileExists(atPath: file) else { throw CommandError("\(file): no such file") }
      let memory = try await store.memory()
      let format =
        MemoryFormat.detect(URL(fileURLWithPath: file))
        ?? MemoryFormat(fileExtension: URL(fileURLWithPath: file).pathExtension) ?? .tmx
      let reader = format.reader(
        inlineMarkup: placeholders ? .placeholders : .strip, languages: ["en", "id"], allStates: allStates)
      let url = URL(fileURLWithPath: file)
      // Units stream into one transaction, read on one thread and stored on another: a file
      // found malformed halfway imports nothing.
      let summary: MemoryImportSummary
      let diagnostics: [Diagnostic]
      do {
        (summary, diagnostics) = try await memory.importUnits(concurrently: { [file] add in
          // Progress on stderr: a million units take half a minute.
          var read = 0
          return try reader.read(url) { unit in
            read += 1
            if read.isMultiple(of: Self.progressStep) { printError("\(file): \(read) units read") }
            try add(unit)
          }
        })
      } catch let error as TMXError {
        throw CommandError(error.description)
      } catch let error as XLIFFError {
        throw CommandError(error.description)
      }
      diagnostics.forEach { printError($0.description) }
      if output.json {
        var standardOutput = StandardOutput()
        try standardOutput.writeJSON(
          Output(added: summary.added, duplicates: summary.duplicates, skipped: diagnostics.count, store: store.name))
        standardOutput.flush()
      } else {
        print("\(summary.added) units added, \(summary.duplicates) already there, \(diagnostics.count) skipped")
      }
      printError("memory: \(store.name)")
    }

    /// How many units between two progress lines.
    static let progressStep = 100_000
  }
}
