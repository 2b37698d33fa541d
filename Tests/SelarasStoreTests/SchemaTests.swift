import Foundation
import GRDB
import Testing

@testable import SelarasStore

@Suite("Database schema")
struct SchemaTests {
  /// A statement with comments, quotes and layout taken out, for comparing.
  private static func normalized(_ statement: String) -> String {
    var text = statement.split(separator: "\n").map { line in
      line.range(of: "--").map { String(line[..<$0.lowerBound]) } ?? String(line)
    }.joined(separator: " ")
    text = text.replacingOccurrences(of: "\"", with: "")
    text = text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    text = text.replacingOccurrences(of: " ?([(),;]) ?", with: "$1", options: .regularExpression)
    return text.trimmingCharacters(in: .whitespaces)
  }

  @Test("Sources/SelarasStore/Schema.sql is the schema the migrations make")
  func schemaFile() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/SelarasStore/Schema.sql")
    let file = try String(contentsOf: url, encoding: .utf8)
    // Statements end with ";" at the end of a line; a trigger's body holds more, so split on
    // lines ending in ";" outside BEGIN … END.
    var written: [String] = []
    var current = ""
    for line in file.split(separator: "\n", omittingEmptySubsequences: false) {
      let code = line.range(of: "--").map { String(line[..<$0.lowerBound]) } ?? String(line)
      guard !code.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
      current += code + "\n"
      let trimmed = code.trimmingCharacters(in: .whitespaces)
      if trimmed.hasSuffix(";") && (!current.contains(" BEGIN") || trimmed == "END;") {
        written.append(Self.normalized(String(current.dropLast(2))))
        current = ""
      }
    }
    let database = try SelarasDatabase(writer: DatabaseQueue())
    let migrated = try database.writer.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT sql FROM sqlite_master WHERE sql IS NOT NULL
          AND name NOT IN ('grdb_migrations', 'sqlite_sequence')
          """)
    }.map(Self.normalized)
    #expect(written.count == migrated.count)
    #expect(Set(written).subtracting(migrated).isEmpty, "in Schema.sql, not in the database")
    #expect(Set(migrated).subtracting(written).isEmpty, "in the database, not in Schema.sql")
  }
}
