import Foundation
import SelarasTestSupport
import Testing

@Suite("selaras lexicon")
struct LexiconCommandTests {
  private struct Listed: Decodable {
    struct Word: Decodable {
      var indonesian: String
      var english: String
      var count: Double
      var used: Bool
    }
    var translations: [Word]
  }

  @Test("align --save learns word translations; list, export and forget show and remove them")
  func learnListExportForget() throws {
    let database = TemporaryFile.url("sqlite")
    defer {
      try? FileManager.default.removeItem(at: database)
      try? FileManager.default.removeItem(atPath: database.path + ".tmx")
    }
    let empty = try CommandRunner.run(["lexicon", "list"], database: database)
    #expect(empty.status == 0 && empty.stdout.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: database.path), "listing creates no store")
    let saved = try CommandRunner.run(["align", "--batch", "Corpora", "--output", database.path + ".tmx", "--save"], database: database)
    #expect(saved.status == 0)
    #expect(saved.stderr.contains("learned "))
    let listed = try CommandRunner.run(["lexicon", "list", "--all", "--json"], database: database)
    #expect(listed.status == 0)
    let words = try JSONDecoder().decode(Listed.self, from: Data(listed.stdout.utf8)).translations
    let used = words.filter(\.used)
    #expect(!used.isEmpty && used.count < words.count)
    #expect(used.allSatisfy { $0.count >= 2 })
    // A word the Corpora articles translate again and again, learned from their pairs.
    #expect(used.contains { $0.indonesian == "tahun" && $0.english == "year" })
    let exported = try CommandRunner.run(["lexicon", "export"], database: database)
    #expect(exported.stdout.split(separator: "\n").contains { $0.hasPrefix("tahun\t") && $0.contains("year") })
    let forgot = try CommandRunner.run(["lexicon", "forget", "Tahun"], database: database)
    #expect(forgot.status == 0 && forgot.stdout.hasPrefix("forgot "))
    let after = try CommandRunner.run(["lexicon", "list", "--all", "--json"], database: database)
    let remaining = try JSONDecoder().decode(Listed.self, from: Data(after.stdout.utf8)).translations
    #expect(!remaining.contains { $0.indonesian == "tahun" } && remaining.count < words.count)
    let wiped = try CommandRunner.run(["lexicon", "forget", "--all", "--json"], database: database)
    #expect(wiped.stdout == "{\"forgotten\":\(remaining.count)}\n")
    #expect(try CommandRunner.run(["lexicon", "forget"], database: database).status == 64)
  }
}
