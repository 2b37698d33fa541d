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

  /// For a match: its stored target, when the target shown is the suggestion made from it.
  var storedTarget: String?
  var substituted: [PlaceableSubstitution]?
  var unsubstituted: [String]?

  init(_ unit: TranslationUnit, score: Int? = nil, id: Int64? = nil) {
    self.score = score
    source = unit.source
    target = unit.target
    origin = Self.origin(unit)
    self.id = id
  }

  /// A match, its target the suggestion (``MemoryMatch/target``).
  init(_ match: MemoryMatch) {
    self.init(match.unit, score: match.score, id: match.id)
    target = match.target
    storedTarget = match.suggestion == nil ? nil : match.unit.target
    substituted = match.substituted
    unsubstituted = match.unsubstituted
  }

  /// Where a unit came from, for display: its document, else its tool.
  static func origin(_ unit: TranslationUnit) -> String {
    unit.document ?? unit.creationTool ?? ""
  }

  /// `source<TAB>target<TAB>origin`, then `<TAB>id` when there is one, and a line break.
  var line: String {
    "\(source)\t\(target)\t\(origin)\(id.map { "\t\($0)" } ?? "")\(substitutionMark.map { "\t\($0)" } ?? "")\n"
  }

  /// A match's last column when its target is a suggestion: `substituted 6,00→6,25` and
  /// `not substituted 1.5` (the target still holds the stored value there).
  var substitutionMark: String? {
    var parts: [String] = []
    if let substituted {
      parts.append("substituted " + substituted.map { "\($0.from)→\($0.to)" }.joined(separator: ", "))
    }
    if let unsubstituted { parts.append("not substituted " + unsubstituted.joined(separator: ", ")) }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }
}
