import ArgumentParser
import Foundation
import Selaras
import SelarasStore

struct TM: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tm",
    abstract: "The translation memory: import and export TMX, fuzzy search, concordance.",
    subcommands: [Import.self, Search.self, Concordance.self, Export.self, Stats.self])
}

extension TM {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import a TMX file (1.1–1.4, from any tool) in one transaction.",
      discussion: "Units already in the memory are counted as duplicates; skipped units are reported on stderr.")

    @Argument(help: "The TMX file.")
    var file: String

    @Flag(help: "Keep inline codes as numbered placeholders {1}, {2}… instead of dropping them.")
    var placeholders = false

    @OptionGroup var store: StoreOptions

    func run() throws {
      guard FileManager.default.fileExists(atPath: file) else { throw CommandError("\(file): no such file") }
      let database = try store.database()
      let reader = TMXReader(inlineMarkup: placeholders ? .placeholders : .strip, languages: ["en", "id"])
      let url = URL(fileURLWithPath: file)
      // Units stream into one transaction, read on one thread and stored on another: a file
      // found malformed halfway imports nothing.
      let summary: MemoryImportSummary
      let diagnostics: [Diagnostic]
      do {
        (summary, diagnostics) = try database.importUnits(concurrently: { [file] add in
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
      }
      diagnostics.forEach { printError($0.description) }
      print("\(summary.added) units added, \(summary.duplicates) already there, \(diagnostics.count) skipped")
    }

    /// How many units between two progress lines.
    static let progressStep = 100_000
  }

  struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find stored segments like TEXT, with match percentages (token Levenshtein).",
      discussion: """
        lines: SCORE%<TAB>source<TAB>target<TAB>origin, best first.
        json:  {"matches":[{"score":87,"source":…,"target":…,"origin":…}]}
        """)

    @Argument(help: "The segment to look for.")
    var text: String

    @Option(help: "The language of TEXT.")
    var lang: LanguageTag = .english

    @Option(help: "The lowest match percentage to show.")
    var minScore = 70

    @Option(help: "The most matches to show.")
    var limit = 10

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
      try lang.validateSupported("--lang")
      guard (0...100).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 100") }
      guard limit > 0 else { throw ValidationError("--limit must be positive") }
    }

    func run() throws {
      let matches = try store.existingDatabase()?.searchUnits(
        text, language: lang, minimumScore: minScore, limit: limit) ?? []
      var output = StandardOutput()
      if json {
        let items = matches.map { MemoryCommands.json($0.unit, score: $0.score) }
        output.write("{\"matches\":[\(items.joined(separator: ","))]}\n")
      } else {
        for match in matches {
          output.write("\(match.score)%\t" + MemoryCommands.line(match.unit))
        }
      }
      output.flush()
    }
  }

  struct Concordance: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find stored segments that contain PHRASE, with their translations.",
      discussion: "lines: source<TAB>target<TAB>origin. json: {\"units\":[{\"source\":…,\"target\":…,\"origin\":…}]}")

    @Argument(help: "The phrase, matched word for word in order.")
    var phrase: String

    @Option(help: "The language of PHRASE.")
    var lang: LanguageTag = .indonesian

    @Option(help: "The most units to show.")
    var limit = 50

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
      try lang.validateSupported("--lang")
    }

    func run() throws {
      let units = try store.existingDatabase()?.concordance(phrase, language: lang, limit: limit) ?? []
      var output = StandardOutput()
      if json {
        let items = units.map { MemoryCommands.json($0) }
        output.write("{\"units\":[\(items.joined(separator: ","))]}\n")
      } else {
        for unit in units {
          output.write(MemoryCommands.line(unit))
        }
      }
      output.flush()
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Export the memory as TMX 1.4b, streaming, to a file written atomically.")

    @Option(help: "The TMX file to write, or - for standard output.")
    var output: String

    @Option(help: "The source language of the TMX: units stored the other way round are turned.")
    var sourceLang: LanguageTag = .english

    @OptionGroup var store: StoreOptions

    func validate() throws {
      try sourceLang.validateSupported("--source-lang")
    }

    func run() throws {
      let target: LanguageTag = sourceLang == .english ? .indonesian : .english
      let writer = TMXWriter(sourceLanguage: sourceLang, targetLanguage: target)
      var file = OutputFile(output)
      file.write(writer.header())
      try store.existingDatabase()?.forEachUnit { unit in
        var unit = unit
        if unit.sourceLanguage != sourceLang {
          (unit.sourceLanguage, unit.targetLanguage, unit.source, unit.target) =
            (unit.targetLanguage, unit.sourceLanguage, unit.target, unit.source)
        }
        file.write { writer.append(unit, to: &$0) }
      }
      file.write(writer.footer())
      try file.finish()
    }
  }

  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "How many units the memory holds, by language pair.")

    @Flag(help: "Print JSON: {\"units\":…,\"documents\":…,\"pairs\":{\"en→id\":…}}.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() throws {
      let statistics = try store.existingDatabase()?.memoryStatistics()
        ?? MemoryStatistics(units: 0, languagePairs: [:], documents: 0)
      if json {
        let pairs = statistics.languagePairs.sorted { $0.key < $1.key }.map { "\($0.key.jsonLiteral):\($0.value)" }
        print("{\"units\":\(statistics.units),\"documents\":\(statistics.documents),\"pairs\":{\(pairs.joined(separator: ","))}}")
      } else {
        print("\(statistics.units) units from \(statistics.documents) documents")
        for (pair, count) in statistics.languagePairs.sorted(by: { $0.key < $1.key }) {
          print("\(pair)\t\(count)")
        }
      }
    }
  }
}

enum MemoryCommands {
  /// `{"score":…,"source":…,"target":…,"origin":…}`, without the score when there is none.
  static func json(_ unit: TranslationUnit, score: Int? = nil) -> String {
    (score.map { "{\"score\":\($0)," } ?? "{") + "\"source\":\(unit.source.jsonLiteral),"
      + "\"target\":\(unit.target.jsonLiteral),\"origin\":\(origin(unit).jsonLiteral)}"
  }

  /// `source<TAB>target<TAB>origin` and a line break.
  static func line(_ unit: TranslationUnit) -> String {
    "\(unit.source)\t\(unit.target)\t\(origin(unit))\n"
  }

  /// Where a unit came from, for display: its document, else its tool.
  static func origin(_ unit: TranslationUnit) -> String {
    unit.document ?? unit.creationTool ?? ""
  }
}
