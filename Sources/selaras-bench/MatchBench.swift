import ArgumentParser
import Foundation
import Selaras
import SelarasDevelopment

struct MatchBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "match",
    abstract: "The memory's match score and auto-substitution on a test set made from gold sentence pairs.",
    discussion: """
      Every 1-1 gold bead of each folder (Corpora-style: NAME.en.lines, NAME.id.lines, NAME.gold.json) is a \
      stored pair, both directions, against new segments that differ in one placeable, one word, or one kind \
      of formatting (MatchEvaluation). One JSON line per folder and change: cases, lowest and highest score, \
      substitutions checked and right, silently wrong.
      """)

  @Option(help: "A Corpora-style folder of gold article pairs (repeatable).")
  var corpora: [String] = ["Corpora"]

  @Flag(help: "Print the cases whose suggestion is not the expected one, on stderr.")
  var showErrors = false

  func run() throws {
    for path in corpora {
      let folder = corporaFolder(path)
      var pairs: [(english: String, indonesian: String)] = []
      for name in try corpusNames(in: path) {
        let english = try readLines(folder.file(name, .english, .lines).path)
        let indonesian = try readLines(folder.file(name, .indonesian, .lines).path)
        for bead in try folder.goldBeads(name) where bead.source.count == 1 && bead.target.count == 1 {
          pairs.append((english[bead.source.lowerBound], indonesian[bead.target.lowerBound]))
        }
      }
      let (figures, wrong) = MatchEvaluation.evaluate(MatchEvaluation.cases(pairs))
      for figure in figures {
        var line = try String(decoding: JSONEncoder().encode(figure), as: UTF8.self)
        line.insert(
          contentsOf: "\"folder\":\(try String(decoding: JSONEncoder().encode(path), as: UTF8.self)),",
          at: line.index(after: line.startIndex))
        print(line)
      }
      if showErrors {
        for (item, match) in wrong {
          FileHandle.standardError.write(
            Data(
              "\(item.change.rawValue)\t\(item.segment)\n\texpected\t\(item.expectedTarget ?? "")\n\tgot\t\(match.target)\n"
                .utf8))
        }
      }
    }
  }
}
