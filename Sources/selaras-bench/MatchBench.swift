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
      let (figures, wrong) = MatchEvaluation.evaluate(MatchEvaluation.cases(try goldPairs(in: path)))
      for figure in figures {
        report([
          "bench": "match", "folder": path, "change": figure.change.rawValue, "cases": figure.cases,
          "lowest": figure.lowest, "highest": figure.highest, "substitutions": figure.substitutions,
          "substitutedRight": figure.substitutedRight, "silentlyWrong": figure.silentlyWrong,
        ])
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
