import ArgumentParser
import Foundation
import Selaras

struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Write the translated article from a translated XLIFF (as pretranslate wrote it, filled in a CAT tool).",
    discussion: """
      The targets in document order, a paragraph per <group> as in the source (a unit outside any group is a \
      paragraph of its own), paragraphs separated by a blank line. A unit with no target keeps its source, and \
      so does a translate="no" unit (site chrome); stderr says how many units were translated and how many \
      kept their source. Any target counts, whatever its state.

      Examples:
        selaras pretranslate story.en.txt --output story.xlf
        selaras merge story.xlf --output story.id.txt     (story.xlf translated in OmegaT or Trados)
      """)

  @Argument(help: "The translated XLIFF 1.2 file.")
  var file: String

  @Option(help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func run() throws {
    guard FileManager.default.fileExists(atPath: file) else { throw CommandError("\(file): no such file") }
    let merged: XLIFFMerger.Merged
    do {
      merged = try XLIFFMerger().merge(URL(fileURLWithPath: file))
    } catch let error as XLIFFError {
      throw CommandError(error.description)
    }
    var destination = OutputFile(output)
    destination.write(merged.text)
    try destination.finish()
    var summary = "\(merged.translated) units translated, \(merged.untranslated) kept their source (no target)"
    if merged.kept > 0 { summary += ", \(merged.kept) not to translate kept as they are" }
    printError(summary)
  }
}
