import Foundation
import SelarasTestSupport
import Testing

/// `selaras review` in a real browser: headless Chromium driven by Selenium
/// (Tests/BrowserTests/review_page.py).
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
}
