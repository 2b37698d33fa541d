import Foundation
import SelarasTestSupport
import Testing

/// `selaras review` in a real browser: headless Chromium driven by Selenium
/// (Tests/BrowserTests/review_page.py and review_edits.py).
@Suite("selaras review in Chromium")
struct ReviewBrowserTests {
  @Test("A 300-bead alignment loads and renders in under a second; merge, move down, undo, move up, accept, split and null undone, then save, reach the file")
  func keyboardReview() throws {
    // 300 one-to-one beads of real sentences: the Corpora pairs, over and over.
    let pairs = Corpora.linePairs
    let count = 300
    let source = (0..<count).map { pairs[$0 % pairs.count].english }
    let target = (0..<count).map { pairs[$0 % pairs.count].indonesian }
    let beads = (0..<count).map { index in
      "{\"source\":[\(index)],\"target\":[\(index)],\"score\":\(index % 3 == 0 ? "0.450" : "0.950")}"
    }
    func strings(_ texts: [String]) -> String {
      "[" + texts.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        .joined(separator: ",") + "]"
    }
    let folder = TemporaryFile.folder()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let alignment = folder.appendingPathComponent("story.json")
    let output = folder.appendingPathComponent("story.review.json")
    let screenshot = folder.appendingPathComponent("review.png")
    try "{\"source\":\(strings(source)),\"target\":\(strings(target)),\"beads\":[\(beads.joined(separator: ","))]}"
      .write(to: alignment, atomically: true, encoding: .utf8)

    let running = try CommandRunner.start(
      ["review", "--alignment", alignment.path, "--output", output.path, "--no-open"])
    let server = running.process
    defer { if server.isRunning { server.interrupt() } }
    let address = running.firstLine
    #expect(address.hasPrefix("http://127.0.0.1:"))

    let browser = try CommandRunner.run(
      [CommandRunner.root.appendingPathComponent("Tests/BrowserTests/review_page.py").path, address, screenshot.path],
      tool: URL(fileURLWithPath: "/usr/bin/python3"))
    #expect(browser.status == 0, "Chromium: \(browser.stderr.suffix(800))")
    struct Run: Decodable {
      var load_seconds: Double
      var rows: Int
      var rows_after_merge: Int
    }
    let run = try JSONDecoder().decode(Run.self, from: Data(browser.stdout.utf8))
    #expect(run.rows == count && run.rows_after_merge == count - 1)
    #expect(run.load_seconds < 1, "\(run.load_seconds) s to load and render \(count) beads")
    // What the page saved: the merged bead edited, with the next bead's target sentence moved
    // up into it; the next, now a lone source sentence, accepted; the rest pending.
    struct Saved: Decodable {
      struct Bead: Decodable {
        var source: [Int]
        var target: [Int]
        var status: String?
      }
      var beads: [Bead]
    }
    let saved = try JSONDecoder().decode(Saved.self, from: Data(contentsOf: output)).beads
    #expect(saved.count == count - 1)
    #expect(saved[0].source == [0, 1] && saved[0].target == [0, 1, 2] && saved[0].status == "edited")
    #expect(saved[1].source == [2] && saved[1].target == [] && saved[1].status == "accepted")
    #expect(saved[2].source == [3] && saved[2].target == [3])
    #expect(saved.dropFirst(2).allSatisfy { $0.status == "pending" })
    #expect(try FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int ?? 0 > 0)
    print("review page: \(run.load_seconds) s for \(count) beads; screenshot \(screenshot.path)")
  }

  @Test("Header names the file; save hint; a sentence corrected in its editor and a ✂ split reach file and memory")
  func correctAndSplit() throws {
    // The verdict story's first sentences, the second to fourth of each side glued into one bead
    // as an aligner that missed two boundaries would.
    func lines(_ language: String) throws -> [String] {
      let file = CommandRunner.root.appendingPathComponent("Corpora/courts-syl-verdict.\(language).lines")
      return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
    }
    let english = try lines("en")
    let indonesian = try lines("id")
    let source = Array(english[0..<5])
    // The fifth Indonesian line is a "Baca juga" link, left out.
    let target = [indonesian[0], indonesian[1], indonesian[2], indonesian[3], indonesian[5]]
    // A reviewer's correction: the rupiah amount written as the story writes the others (Rp44,5 miliar).
    let corrected = target[3].replacingOccurrences(of: "Rp 300 juta", with: "Rp300 juta")
    try #require(corrected != target[3])
    let folder = TemporaryFile.folder()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let alignment = folder.appendingPathComponent("verdict.json")
    let output = folder.appendingPathComponent("verdict.review.json")
    let database = folder.appendingPathComponent("selaras.sqlite")
    let beads: [[String: Any]] = [
      ["source": [0], "target": [0], "score": 0.95], ["source": [1, 2, 3], "target": [1, 2, 3], "score": 0.45],
      ["source": [4], "target": [4], "score": 0.95],
    ]
    let document: [String: Any] = ["source": source, "target": target, "beads": beads]
    try JSONSerialization.data(withJSONObject: document).write(to: alignment)

    let running = try CommandRunner.start(
      ["review", "--alignment", alignment.path, "--output", output.path, "--no-open", "--db", database.path])
    let server = running.process
    defer { if server.isRunning { server.interrupt() } }
    let address = running.firstLine
    #expect(address.hasPrefix("http://127.0.0.1:"))

    let browser = try CommandRunner.run(
      [
        CommandRunner.root.appendingPathComponent("Tests/BrowserTests/review_edits.py").path, address, "verdict.json",
        "3", corrected, "1",
      ],
      tool: URL(fileURLWithPath: "/usr/bin/python3"))
    #expect(browser.status == 0, "Chromium: \(browser.stderr.suffix(800))")
    struct Run: Decodable {
      var files: String
      var hint: String
      var memory: String
    }
    let run = try JSONDecoder().decode(Run.self, from: Data(browser.stdout.utf8))
    #expect(run.files == "verdict.json")
    #expect(run.hint.hasPrefix("nothing accepted yet: accept beads"), "\(run.hint)")
    // The two halves of the split bead, both edited; the first and last beads were not touched.
    #expect(run.memory == "2 pairs saved to the memory in \(database.path)", "\(run.memory)")

    // What the page saved: the corrected sentence with the text it had, and the split.
    struct Saved: Decodable {
      struct Bead: Decodable, Equatable {
        var source: [Int]
        var target: [Int]
        var status: String?
      }
      struct Edit: Decodable, Equatable {
        var side: String
        var sentence: Int
        var original: String
      }
      var source: [String]
      var target: [String]
      var beads: [Bead]
      var edits: [Edit]?
    }
    let saved = try JSONDecoder().decode(Saved.self, from: Data(contentsOf: output))
    #expect(saved.source == source)
    #expect(saved.target == [target[0], target[1], target[2], corrected, target[4]])
    #expect(saved.edits == [Saved.Edit(side: "target", sentence: 3, original: target[3])])
    #expect(
      saved.beads == [
        Saved.Bead(source: [0], target: [0], status: "pending"),
        Saved.Bead(source: [1, 2], target: [1, 2], status: "edited"),
        Saved.Bead(source: [3], target: [3], status: "edited"),
        Saved.Bead(source: [4], target: [4], status: "pending"),
      ])

    // What the memory holds: the corrected pair, marked as corrected on its target side.
    server.interrupt()
    server.waitUntilExit()
    let exported = try CommandRunner.run(["tm", "export", "--output", "-", "--db", database.path])
    #expect(exported.status == 0, "\(exported.stderr)")
    #expect(exported.stdout.contains(corrected) && !exported.stdout.contains("Rp 300 juta"))
    #expect(exported.stdout.contains("<prop type=\"x-edited\">target</prop>"))
    #expect(exported.stdout.components(separatedBy: "</tu>").count - 1 == 2)
  }
}
