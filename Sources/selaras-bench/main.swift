import Foundation
import Selaras

// Quick look while the bench grows: boundary F1 on the UD gold.
let dir = CommandLine.arguments[1]
let segmenter = try SentenceSegmenter(language: .indonesian)
for set in ["csui", "pud", "gsd"] {
  var score = BoundaryScore()
  let data = try String(contentsOfFile: "\(dir)/\(set).clean.jsonl", encoding: .utf8)
  for line in data.split(separator: "\n") {
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
    let text = object["text"] as! String
    let gold = object["sents"] as! [String]
    let predicted = try segmenter.segment(text).map(\.text)
    let s = BoundaryScore(predicted: predicted, gold: gold)
    score = score + s
    if CommandLine.arguments.count > 2 && (s.falsePositives > 0 || s.falseNegatives > 0) {
      let gb = Set(gold.map { $0 }); let pb = Set(predicted)
      for p in predicted where !gb.contains(p) { print("  PRED \(set): \(p)") }
      for g in gold where !pb.contains(g) { print("  GOLD \(set): \(g)") }
      print("--")
    }
  }
  print(set, score.precision, score.recall, score.f1, score.falsePositives, score.falseNegatives)
}
