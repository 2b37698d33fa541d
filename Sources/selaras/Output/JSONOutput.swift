import Foundation
import Selaras

extension StandardOutput {
  /// Writes `value` as JSON (keys in the model's order) and a line break.
  mutating func writeJSON(_ value: some Encodable, layout: OrderedJSONEncoder.Layout = []) throws {
    write(try OrderedJSONEncoder(layout: layout).encode(value) + "\n")
  }
}

/// A translation memory unit as the CLI shows it: `{"score":…,"source":…,"target":…,"origin":…}`,
/// without the score when there is none.
struct UnitOutput: Encodable {
  var score: Int?
  var source: String
  var target: String
  var origin: String

  init(_ unit: TranslationUnit, score: Int? = nil) {
    self.score = score
    source = unit.source
    target = unit.target
    origin = Self.origin(unit)
  }

  /// Where a unit came from, for display: its document, else its tool.
  static func origin(_ unit: TranslationUnit) -> String {
    unit.document ?? unit.creationTool ?? ""
  }

  /// `source<TAB>target<TAB>origin` and a line break.
  var line: String {
    "\(source)\t\(target)\t\(origin)\n"
  }
}
