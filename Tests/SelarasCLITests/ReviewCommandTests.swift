import Foundation
import SelarasTestSupport
import Testing

@Suite("selaras review")
struct ReviewCommandTests {
  private func curl(_ arguments: [String]) throws -> (status: Int, body: String) {
    try CommandRunner.curl(arguments)
  }

  @Test("Serves on 127.0.0.1 with a token, takes edits, saves the review with its statuses, says what Ctrl-C loses")
  func serve() throws {
    let database = TemporaryFile.url("sqlite")
    let alignment = TemporaryFile.url("json")
    let output = TemporaryFile.url("json")
    defer {
      TemporaryFile.removeDatabase(database)
      for file in [alignment, output] { try? FileManager.default.removeItem(at: file) }
    }
    let aligned = try CommandRunner.run(
      ["align", "Corpora/health-dengue.en.txt", "Corpora/health-dengue.id.txt", "--format", "json"])
    try aligned.stdout.write(to: alignment, atomically: true, encoding: .utf8)

    let server = try CommandRunner.start(
      ["review", "--alignment", alignment.path, "--output", output.path, "--no-open", "--db", database.path])
    let process = server.process
    defer { if process.isRunning { process.terminate() } }
    // The first line: the page's address with its token.
    let address = server.firstLine
    #expect(address.hasPrefix("http://127.0.0.1:") && address.contains("/?token="), "\(address)")
    let root = address.components(separatedBy: "/?token=")[0]
    let token = address.components(separatedBy: "?token=").last ?? ""

    #expect(try curl([root + "/api/alignment"]).status == 401)
    #expect(try curl(["-H", "Host: evil.example", "-H", "Authorization: Bearer \(token)", root + "/api/alignment"]).status == 403)
    let page = try curl([address])
    #expect(page.status == 200 && page.body.contains("Selaras review"))
    let merged = try curl(
      ["-X", "POST", "-H", "Authorization: Bearer \(token)", "-d", #"{"op":"merge","bead":0}"#, root + "/api/edits"])
    #expect(merged.status == 200)
    #expect(try curl(["-X", "POST", "-H", "Authorization: Bearer \(token)", "-d", #"{"op":"accept","bead":1}"#, root + "/api/edits"]).status == 200)
    let saved = try curl(["-X", "POST", "-H", "Authorization: Bearer \(token)", root + "/api/save"])
    #expect(saved.status == 200 && saved.body == "{\"path\":\"\(output.path)\"}")
    struct Saved: Decodable {
      struct Bead: Decodable { var status: String? }
      var beads: [Bead]
    }
    let beads = try JSONDecoder().decode(Saved.self, from: Data(contentsOf: output)).beads
    #expect(beads.first?.status == "edited" && beads.dropFirst().first?.status == "accepted")
    #expect(beads.dropFirst(2).allSatisfy { $0.status == "pending" })
    // One more edit, then Ctrl-C: it says what was not saved.
    #expect(try curl(["-X", "POST", "-H", "Authorization: Bearer \(token)", "-d", #"{"op":"accept","bead":2}"#, root + "/api/edits"]).status == 200)
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()
    let messages = String(decoding: server.stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 0)
    #expect(messages.contains("1 edit not saved"), "\(messages)")
  }

  @Test("An alignment that does not fit its texts, or a missing file, is one error line")
  func badInput() throws {
    let broken = TemporaryFile.url("json")
    defer { try? FileManager.default.removeItem(at: broken) }
    try #"{"source":["A.","B."],"target":["X."],"beads":[{"source":[0],"target":[0]}]}"#
      .write(to: broken, atomically: true, encoding: .utf8)
    for file in [broken.path, "Corpora/no-such.json"] {
      let result = try CommandRunner.run(["review", "--alignment", file, "--no-open"])
      #expect(result.status == 1)
      #expect(result.stderr.hasPrefix("Error: \(file):") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
  }
}
