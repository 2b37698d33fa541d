import Foundation
import SelarasTestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("selaras align")
struct AlignCommandTests {
  private let english = "Corpora/economy-bi-rate.en.txt"
  private let indonesian = "Corpora/economy-bi-rate.id.txt"

  @Test("tsv: source, target and a score with three decimals on each line")
  func tsv() throws {
    let result = try CommandRunner.run(["align", english, indonesian])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 18)
    for line in lines {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      #expect(fields.count == 3)
      #expect(fields[2].count == 5 && Double(fields[2]).map { (0...1).contains($0) } == true)
    }
    #expect(lines.contains { $0.hasPrefix("\tNyaman tanpa iklan.\t") })
    #expect(
      lines.contains {
        $0.hasPrefix("All 31 economists polled by Reuters had expected the central bank to stand pat.\t\t")
      })
  }

  @Test("json: every sentence of both sides in exactly one bead, in order")
  func json() throws {
    let result = try CommandRunner.run(["align", english, indonesian, "--format", "json"])
    #expect(result.status == 0)
    struct Output: Decodable {
      struct Bead: Decodable {
        var source: [Int]
        var target: [Int]
        var score: Double
      }
      var source: [String]
      var target: [String]
      var beads: [Bead]
    }
    let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
    #expect(output.source.count == 12)
    #expect(output.target.count == 17)
    #expect(output.beads.flatMap(\.source) == Array(0..<12))
    #expect(output.beads.flatMap(\.target) == Array(0..<17))
    #expect(output.beads.allSatisfy { (0...1).contains($0.score) })
  }

  @Test("tmx: well-formed TMX 1.4b with one tu per pair above --min-score, written to --output")
  func tmx() throws {
    let file = TemporaryFile.url("tmx")
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try CommandRunner.run([
      "align", english, indonesian, "--format", "tmx", "--min-score", "0.9", "--output", file.path,
    ])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
    #expect(
      text.contains("segtype=\"sentence\"") && text.contains("srclang=\"en\"")
        && text.contains("datatype=\"plaintext\""))
    let units = text.components(separatedBy: "<tu>").count - 1
    let tsv = try CommandRunner.run(["align", english, indonesian, "--min-score", "0.9"])
    let pairs = tsv.stdout.split(separator: "\n").filter { !$0.hasPrefix("\t") && !$0.contains("\t\t") }
    #expect(units == pairs.count && units > 5)
    let parser = XMLParser(data: Data(text.utf8))
    #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
  }

  @Test("--presegmented takes one sentence a line")
  func presegmented() throws {
    let result = try CommandRunner.run([
      "align", "Corpora/health-dengue.en.lines", "Corpora/health-dengue.id.lines", "--presegmented", "--format", "json",
    ])
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"beads\":["))
  }

  @Test("--batch aligns every pair in a folder, with progress on stderr")
  func batch() throws {
    let file = TemporaryFile.url("tmx")
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try CommandRunner.run(["align", "--batch", "Corpora", "--output", file.path])
    #expect(result.status == 0)
    let lines = result.stderr.split(separator: "\n")
    let progress = lines.filter { $0.hasPrefix("[") }
    let articles = Corpora.articles.count
    #expect(progress.count == articles)
    #expect(progress.last?.hasPrefix("[\(articles)/\(articles)] ") == true)
    // The second pass says how many words it learned from the first.
    #expect(lines.last?.hasPrefix("second pass with ") == true)
    let single = try CommandRunner.run(["align", "--batch", "Corpora", "--output", file.path, "--single-pass"])
    #expect(single.status == 0)
    #expect(!single.stderr.contains("second pass"))
    #expect(progress.contains { $0.contains("] sport-ginting-japan-open: ") && $0.hasSuffix(" beads") })
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("<prop type=\"x-document\">courts-syl-verdict</prop>"))
  }

  @Test("--batch skips a pair with an empty side, with a warning, and aligns the rest")
  func batchWithEmptySide() throws {
    let folder = try TemporaryFile.folder(
      copying: ["economy-bi-rate.en.txt", "economy-bi-rate.id.txt", "courts-syl-verdict.id.txt"])
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(" \n".utf8).write(to: folder.appendingPathComponent("blank.en.txt"))
    try FileManager.default.moveItem(
      at: folder.appendingPathComponent("courts-syl-verdict.id.txt"), to: folder.appendingPathComponent("blank.id.txt"))
    let file = TemporaryFile.url("tmx")
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try CommandRunner.run(["align", "--batch", folder.path, "--output", file.path, "--single-pass"])
    #expect(result.status == 0)
    #expect(result.stderr.contains("blank.en.txt: skipped, no text to align (the file or page is empty)"))
    let progress = result.stderr.split(separator: "\n").filter { $0.hasPrefix("[") }
    #expect(progress.count == 1 && progress[0].hasPrefix("[1/1] economy-bi-rate: "))
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("<prop type=\"x-document\">economy-bi-rate</prop>"))
    #expect(!text.contains("<prop type=\"x-document\">blank</prop>"))
  }

  @Test("--min-score filters pairs only: unpaired sentences stay in tsv unless --pairs-only")
  func minScoreFiltersPairs() throws {
    func lines(_ arguments: [String]) throws -> [Substring] {
      let result = try CommandRunner.run(["align", english, indonesian] + arguments)
      #expect(result.status == 0)
      return result.stdout.split(separator: "\n")
    }
    func isNull(_ line: Substring) -> Bool { line.hasPrefix("\t") || line.contains("\t\t") }
    let all = try lines([])
    let strict = try lines(["--min-score", "0.95"])
    #expect(strict.filter(isNull) == all.filter(isNull) && !all.filter(isNull).isEmpty)
    let keptPairs = strict.filter { !isNull($0) }
    #expect(keptPairs.allSatisfy { Double($0.split(separator: "\t").last!)! >= 0.95 })
    #expect(keptPairs.count < all.filter { !isNull($0) }.count && !keptPairs.isEmpty)
    let pairsOnly = try lines(["--min-score", "0.95", "--pairs-only"])
    #expect(pairsOnly == keptPairs)
  }

  @Test("--output into a named pipe writes into the pipe and leaves it a pipe (as /dev/null stays a device)")
  func outputIntoPipe() throws {
    let folder = TemporaryFile.folder()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let pipe = folder.appendingPathComponent("out.fifo").path
    #expect(mkfifo(pipe, 0o600) == 0)
    // A reader of the pipe, as a shell's `<(…)` would be.
    let reader = Process()
    reader.executableURL = URL(fileURLWithPath: "/bin/cat")
    reader.arguments = [pipe]
    let read = Pipe()
    reader.standardOutput = read
    try reader.run()
    let result = try CommandRunner.run(["align", english, indonesian, "--output", pipe])
    var status = stat()
    let stillPipe = stat(pipe, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO
    #expect(stillPipe, "the pipe was replaced by a file")
    if !stillPipe { kill(reader.processIdentifier, SIGKILL) }
    let text = String(decoding: read.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    reader.waitUntilExit()
    #expect(result.status == 0)
    #expect(text == (try CommandRunner.run(["align", english, indonesian])).stdout)
  }

  @Test("Unrelated texts align with a warning; bad arguments are usage errors; missing files fail")
  func badInput() throws {
    let unrelated = try CommandRunner.run(["align", english, "Corpora/courts-syl-verdict.id.txt"])
    #expect(unrelated.status == 0)
    #expect(unrelated.stderr.contains("are these texts translations of each other?"))
    let missing = try CommandRunner.run(["align", english, "Corpora/nope.id.txt"])
    #expect(missing.status == 1)
    #expect(missing.stderr == "Error: Corpora/nope.id.txt: no such file\n")
    let noTarget = try CommandRunner.run(["align", english])
    #expect(noTarget.status == 64)
    let badScore = try CommandRunner.run(["align", english, indonesian, "--min-score", "2"])
    #expect(badScore.status == 64)
    let binary = try CommandRunner.run(["align", english, "-"], stdin: Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]))
    #expect(binary.status == 1)
    #expect(binary.stderr.contains("binary data"))
    // An empty or blank side is refused, not aligned as an article whose every sentence the
    // other side dropped.
    let blank = try CommandRunner.run(["align", "-", indonesian], stdin: Data(" \n\n".utf8))
    #expect(blank.status == 1)
    #expect(blank.stderr == "Error: <stdin>: no text to align (the file or page is empty)\n")
    #expect(blank.stdout.isEmpty)
  }
}

@Suite("selaras --json")
struct JSONFlagTests {
  @Test("--json is --format json wherever a command has both: align, segment, extract")
  func jsonFlag() throws {
    let pairs: [([String], [String])] = [
      (
        ["align", "Corpora/economy-bi-rate.en.txt", "Corpora/economy-bi-rate.id.txt", "--json"],
        ["align", "Corpora/economy-bi-rate.en.txt", "Corpora/economy-bi-rate.id.txt", "--format", "json"]
      ),
      (
        ["segment", "Corpora/economy-bi-rate.id.txt", "--json"],
        ["segment", "Corpora/economy-bi-rate.id.txt", "--format", "json"]
      ),
      (
        ["extract", "Tests/SelarasTests/Fixtures/pages/courts-syl-verdict.en.html", "--json"],
        ["extract", "Tests/SelarasTests/Fixtures/pages/courts-syl-verdict.en.html", "--format", "json"]
      ),
    ]
    for (flag, option) in pairs {
      let short = try CommandRunner.run(flag)
      #expect(short.status == 0, "\(flag): \(short.stderr)")
      #expect(short.stdout.hasPrefix("{"), "\(flag)")
      #expect(short.stdout == (try CommandRunner.run(option)).stdout, "\(flag)")
    }
  }
}
