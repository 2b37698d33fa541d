import ArgumentParser
import Foundation
import Selaras

/// Article extraction against the public article-extraction benchmark (181 real pages with
/// their article bodies), scored as its own `evaluate.py` scores (F1 of word 4-gram shingles
/// per page, averaged over pages; accuracy: pages whose words are exactly the body's), and
/// against this project's own news pages (`Tests/SelarasTests/Fixtures/pages`).
struct ExtractBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Article extraction: F1, precision, recall, accuracy and pages per CPU second.")

  @Option(help: "The benchmark folder (html/*.html.gz and ground-truth.json).")
  var benchmark = "../shared/data/article-extraction-benchmark"

  @Option(help: "A folder of NAME.html pages with NAME.expected.json beside them (the CLI's JSON).")
  var pages = "Tests/SelarasTests/Fixtures/pages"

  @Option(
    help: """
      A Corpora-style folder with the gold alignment of the pages' articles (NAME.gold.json, \
      NAME.LANG.lines, NAME.LANG.txt): pairs found by aligning NAME.en.html with NAME.id.html \
      are scored against it beside those found by aligning the texts.
      """)
  var gold: String?

  @Option(help: "Write the benchmark's predictions here, in the form its evaluate.py reads.")
  var write: String?

  @Flag(help: "Print each page's F1 on stderr, worst first.")
  var showPages = false

  @Option(help: "Print how this page is read (elements, blocks, container) and stop.")
  var trace: String?

  func run() throws {
    if let trace {
      print(try HTMLArticleReader.trace(Data(contentsOf: URL(fileURLWithPath: trace))))
      return
    }
    try runBenchmark()
    try runPages()
    if let gold { try runAlignment(gold) }
  }

  /// Pairs from aligning each page pair against the gold's pairs, beside pairs from aligning
  /// the same articles' text files: precision and recall of pair beads, a bead named by its
  /// sentences' texts (white space collapsed), counting only beads whose sentences are all
  /// in the gold (a page's own caption is in no gold) and gold pairs whose sentences all came
  /// out of the page (chrome the page leaves out cannot be paired).
  private func runAlignment(_ goldPath: String) throws {
    let folder = ArticlePairFolder(URL(fileURLWithPath: goldPath))
    let aligner = try ArticleAligner(lexicon: LanguageResources.installed().lexicon())
    var pagesScore = (found: 0, right: 0, gold: 0)
    var textsScore = (found: 0, right: 0, gold: 0)
    var articles = 0
    for name in try folder.goldNames() {
      let enPage = URL(fileURLWithPath: pages + "/\(name).en.html")
      let idPage = URL(fileURLWithPath: pages + "/\(name).id.html")
      guard FileManager.default.fileExists(atPath: enPage.path), FileManager.default.fileExists(atPath: idPage.path)
      else { continue }
      articles += 1
      let enLines = try readLines(folder.file(name, .english, .lines).path).map(PageTextKey.key)
      let idLines = try readLines(folder.file(name, .indonesian, .lines).path).map(PageTextKey.key)
      let goldBeads = try folder.goldBeads(name).filter { !$0.source.isEmpty && !$0.target.isEmpty }.map { bead in
        (bead.source.map { enLines[$0] }, bead.target.map { idLines[$0] })
      }
      let goldPairs = Set(goldBeads.map { PageTextKey.pair($0.0, $0.1) })
      let known = (Set(enLines), Set(idLines))
      // The gold pairs whose sentences all came out of the article read: the ones it can find.
      func findable(_ article: AlignedArticle) -> Int {
        let en = Set(article.source.map { PageTextKey.key($0.text) })
        let id = Set(article.target.map { PageTextKey.key($0.text) })
        return goldBeads.filter { $0.0.allSatisfy(en.contains) && $0.1.allSatisfy(id.contains) }.count
      }
      func score(_ article: AlignedArticle) -> (found: Int, right: Int) {
        var found = 0
        var right = 0
        for bead in article.beads where !bead.source.isEmpty && !bead.target.isEmpty {
          let en = bead.source.map { PageTextKey.key(article.source[$0].text) }
          let id = bead.target.map { PageTextKey.key(article.target[$0].text) }
          guard en.allSatisfy(known.0.contains), id.allSatisfy(known.1.contains) else { continue }
          found += 1
          if goldPairs.contains(PageTextKey.pair(en, id)) {
            right += 1
          } else if showPages {
            FileHandle.standardError.write(
              Data("\(name) wrong: \(en.map { $0.prefix(70) }) | \(id.map { $0.prefix(70) })\n".utf8))
          }
        }
        return (found, right)
      }
      let fromPages = try aligner.align(
        source: HTMLArticleReader().read(Data(contentsOf: enPage), charset: nil).text,
        target: HTMLArticleReader().read(Data(contentsOf: idPage), charset: nil).text)
      let fromTexts = try aligner.align(
        source: readText(folder.file(name, .english).path), target: readText(folder.file(name, .indonesian).path))
      let p = score(fromPages)
      let t = score(fromTexts)
      pagesScore = (pagesScore.found + p.found, pagesScore.right + p.right, pagesScore.gold + findable(fromPages))
      textsScore = (textsScore.found + t.found, textsScore.right + t.right, textsScore.gold + findable(fromTexts))
    }
    for (name, score) in [("pages", pagesScore), ("texts", textsScore)] {
      let precision = Double(score.right) / Double(max(1, score.found))
      let recall = Double(score.right) / Double(max(1, score.gold))
      report([
        "bench": "extract", "set": "align-\(name)", "articles": articles, "pair_precision": precision,
        "pair_recall": recall, "pair_f1": precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0,
      ])
    }
  }

  private func runBenchmark() throws {
    let truthData = try Data(contentsOf: URL(fileURLWithPath: benchmark + "/ground-truth.json"))
    guard let truth = try JSONSerialization.jsonObject(with: truthData) as? [String: [String: Any]] else {
      throw ValidationError("\(benchmark)/ground-truth.json: not the benchmark's ground truth")
    }
    var pagesByID: [(id: String, data: Data)] = []
    for id in truth.keys.sorted() {
      pagesByID.append((id, try gunzip(benchmark + "/html/\(id).html.gz")))
    }
    var predictions: [String: String] = [:]
    var failures = 0
    var cpu = 0.0
    for page in pagesByID {
      var body = ""
      cpu += medianSeconds(runs: 1) {
        if let document = try? HTMLArticleReader().read(page.data, charset: nil) {
          body = document.paragraphs.filter(\.kind.isBody).map(\.text).joined(separator: "\n")
        } else {
          failures += 1
        }
      }
      predictions[page.id] = body
    }
    if let write {
      let output = predictions.mapValues { ["articleBody": $0] }
      try JSONSerialization.data(withJSONObject: output, options: [.sortedKeys]).write(to: URL(fileURLWithPath: write))
    }
    // The two halves by the first hex digit of the page's id: 0-7 the half the extractor's
    // rules were tuned on, 8-f the other.
    var scored: [(id: String, score: ShingleScore)] = []
    for (id, item) in truth {
      scored.append((id, ShingleScore(truth: item["articleBody"] as? String ?? "", prediction: predictions[id] ?? "")))
    }
    for (name, filter) in [
      ("all", { (_: String) in true }), ("fit", { (id: String) in id.first! < "8" }),
      ("test", { (id: String) in id.first! >= "8" }),
    ] {
      let subset = scored.filter { filter($0.id) }.map(\.score)
      let metrics = ShingleScore.metrics(subset)
      report([
        "bench": "extract", "set": "benchmark-\(name)", "pages": subset.count, "f1": metrics.f1,
        "precision": metrics.precision, "recall": metrics.recall, "accuracy": metrics.accuracy,
      ])
    }
    report([
      "bench": "extract", "set": "benchmark-speed", "pages": pagesByID.count, "failures": failures,
      "cpu_seconds": cpu, "pages_per_cpu_second": Double(pagesByID.count) / max(cpu, 1e-9),
    ])
    if showPages {
      for (id, score) in scored.sorted(by: { $0.score.f1 < $1.score.f1 }).prefix(40) {
        FileHandle.standardError.write(
          Data(
            "\(id.prefix(12)) f1 \(String(format: "%.3f", score.f1)) p \(String(format: "%.3f", score.precision)) r \(String(format: "%.3f", score.recall))\n"
              .utf8))
      }
    }
  }

  /// The project's own pages: F1 of the whole article (captions and credits included) against
  /// the expected JSON, and how many expected blocks come out exactly.
  private func runPages() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: pages).filter { $0.hasSuffix(".html") }.sorted()
    guard !names.isEmpty else { return }
    var scores: [ShingleScore] = []
    var exactBlocks = 0
    var expectedBlocks = 0
    var titles = 0
    for name in names {
      let base = String(name.dropLast(".html".count))
      let data = try Data(contentsOf: URL(fileURLWithPath: pages + "/" + name))
      let expectedData = try Data(contentsOf: URL(fileURLWithPath: pages + "/" + base + ".expected.json"))
      guard let expected = try JSONSerialization.jsonObject(with: expectedData) as? [String: Any],
        let paragraphs = expected["paragraphs"] as? [[String: String]]
      else { continue }
      let expectedTexts = paragraphs.compactMap { $0["text"] }
      let document = try? HTMLArticleReader().read(data, charset: nil)
      let got = document?.paragraphs.map(\.text) ?? []
      let score = ShingleScore(truth: expectedTexts.joined(separator: "\n"), prediction: got.joined(separator: "\n"))
      scores.append(score)
      expectedBlocks += expectedTexts.count
      let exact = expectedTexts.filter(Set(got).contains).count
      exactBlocks += exact
      report([
        "bench": "extract", "set": "page", "name": base, "f1": score.f1,
        "exact_blocks": Double(exact) / Double(max(1, expectedTexts.count)),
        "extra_blocks": got.filter { !expectedTexts.contains($0) }.count,
        "title": document?.title == expected["title"] as? String,
      ])
      if document?.title == expected["title"] as? String { titles += 1 }
      if showPages {
        let missing = expectedTexts.filter { !got.contains($0) }
        let extra = got.filter { !expectedTexts.contains($0) }
        FileHandle.standardError.write(Data("\(base) f1 \(String(format: "%.3f", score.f1))\n".utf8))
        for text in missing { FileHandle.standardError.write(Data("  - \(text.prefix(110))\n".utf8)) }
        for text in extra { FileHandle.standardError.write(Data("  + \(text.prefix(110))\n".utf8)) }
      }
    }
    let metrics = ShingleScore.metrics(scores)
    report([
      "bench": "extract", "set": "pages", "pages": scores.count, "f1": metrics.f1, "precision": metrics.precision,
      "recall": metrics.recall, "accuracy": metrics.accuracy,
      "exact_blocks": Double(exactBlocks) / Double(max(1, expectedBlocks)), "titles": titles,
    ])
  }

  private func gunzip(_ path: String) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-dc", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw ValidationError("\(path): gzip failed") }
    return data
  }
}

/// The benchmark's score of one page: true and false positives and false negatives of word
/// 4-gram shingles (words: runs of letters, digits and underscores, case kept), normalised
/// to sum to 1 so that long pages weigh as much as short ones.
struct ShingleScore {
  var truePositives = 0.0
  var falsePositives = 0.0
  var falseNegatives = 0.0
  var exact = false

  init(truth: String, prediction: String) {
    let trueWords = Self.words(truth)
    let predictedWords = Self.words(prediction)
    exact = trueWords == predictedWords
    let trueShingles = Self.shingles(trueWords)
    let predictedShingles = Self.shingles(predictedWords)
    for key in Set(trueShingles.keys).union(predictedShingles.keys) {
      let t = Double(trueShingles[key, default: 0])
      let p = Double(predictedShingles[key, default: 0])
      truePositives += min(t, p)
      falsePositives += max(0, p - t)
      falseNegatives += max(0, t - p)
    }
    let sum = truePositives + falsePositives + falseNegatives
    if sum > 0 {
      truePositives /= sum
      falsePositives /= sum
      falseNegatives /= sum
    }
  }

  var precision: Double {
    if falsePositives == 0 && falseNegatives == 0 { return 1 }
    if truePositives == 0 && falsePositives == 0 { return 0 }
    return truePositives / (truePositives + falsePositives)
  }

  var recall: Double {
    if falsePositives == 0 && falseNegatives == 0 { return 1 }
    if truePositives == 0 && falseNegatives == 0 { return 0 }
    return truePositives / (truePositives + falseNegatives)
  }

  var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }

  /// Mean precision over pages that predicted anything, mean recall over pages with a body,
  /// F1 of the two means, and the share of exact pages: as `evaluate.py` computes them.
  static func metrics(_ scores: [ShingleScore]) -> (f1: Double, precision: Double, recall: Double, accuracy: Double) {
    let precisions = scores.filter { $0.truePositives + $0.falsePositives > 0 }.map(\.precision)
    let recalls = scores.filter { $0.truePositives + $0.falseNegatives > 0 }.map(\.recall)
    let precision = precisions.reduce(0, +) / Double(max(1, precisions.count))
    let recall = recalls.reduce(0, +) / Double(max(1, recalls.count))
    let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    let accuracy = Double(scores.filter(\.exact).count) / Double(max(1, scores.count))
    return (f1, precision, recall, accuracy)
  }

  private static func words(_ text: String) -> [Substring] {
    text.split { !($0.isLetter || $0.isNumber || $0 == "_") }
  }

  private static func shingles(_ words: [Substring]) -> [ArraySlice<Substring>: Int] {
    var counts: [ArraySlice<Substring>: Int] = [:]
    if words.count < 4 {
      if !words.isEmpty { counts[words[...], default: 0] += 1 }
      return counts
    }
    for start in 0...(words.count - 4) { counts[words[start..<(start + 4)], default: 0] += 1 }
    return counts
  }
}

/// Sentences named by their words, for matching a page's sentences with the gold's.
enum PageTextKey {
  static func key(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  static func pair(_ source: [String], _ target: [String]) -> String {
    source.joined(separator: "\u{1}") + "\u{2}" + target.joined(separator: "\u{1}")
  }
}
