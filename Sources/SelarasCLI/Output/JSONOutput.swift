import Foundation
import Selaras

extension StandardOutput {
  /// Writes `value` as JSON (keys in the model's order) and a line break.
  mutating func writeJSON(_ value: some Encodable, layout: OrderedJSONEncoder.Layout = []) throws {
    write(try OrderedJSONEncoder(layout: layout).encode(value) + "\n")
  }
}

/// A translation memory unit as the CLI shows it:
/// `{"score":…,"source":…,"target":…,"origin":…,"id":…}`, without the score or the id (what
/// `tm delete` takes) when there is none.
struct UnitOutput: Encodable {
  var score: Int?
  var source: String
  var target: String
  var origin: String
  var id: Int64?

  init(_ unit: TranslationUnit, score: Int? = nil, id: Int64? = nil) {
    self.score = score
    source = unit.source
    target = unit.target
    origin = Self.origin(unit)
    self.id = id
  }

  /// Where a unit came from, for display: its document, else its tool.
  static func origin(_ unit: TranslationUnit) -> String {
    unit.document ?? unit.creationTool ?? ""
  }

  /// `source<TAB>target<TAB>origin`, then `<TAB>id` when there is one, and a line break.
  var line: String {
    "\(source)\t\(target)\t\(origin)\(id.map { "\t\($0)" } ?? "")\n"
  }
}
