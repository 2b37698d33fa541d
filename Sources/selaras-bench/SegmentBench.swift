import ArgumentParser
import Foundation
import Selaras

struct SegmentBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "segment",
    abstract: "Boundary precision/recall/F1 on gold data, and throughput in MB/s.")

  @Option(help: "The Corpora folder (NAME.{en,id}.txt with NAME.{en,id}.lines).")
  var corpora = "Corpora"

  @Option(help: "The UD Indonesian gold folder (*.clean.jsonl, *.raw.jsonl).")
  var ud = "../shared/data/ud-indonesian/gold"

  @Option(help: "Megabytes of Indonesian news text to segment for the throughput figure.")
  var megabytes = 20

  @Option(help: "Timed runs; the median is reported.")
  var runs = 5

  @Flag(help: "Print every sentence that differs from the gold, on stderr.")
  var showErrors = false

  @Flag(help: "Report throughput only, not the quality figures.")
  var throughputOnly = false

  func run() throws {
    let segmenters = [
      LanguageTag.english: try SentenceSegmenter(language: .english),
      .indonesian: try SentenceSegmenter(language: .indonesian),
    ]
    var corpusTexts: [String] = []
    var udSentences: [String] = []
    for language in [LanguageTag.indonesian, .english] {
      let segmenter = segmenters[language]!
      var score = BoundaryScore()
      var icuScore = BoundaryScore()
      for name in try corpusNames(in: corpora) {
        let text = try readText(corporaFolder(corpora).file(name, language).path)
        let gold = try readLines(corporaFolder(corpora).file(name, language, .lines).path)
        let predicted = try segmenter.segment(text).map(\.text)
        score = score + BoundaryScore(predicted: predicted, gold: gold)
        icuScore = icuScore + BoundaryScore(predicted: try segmenter.plainICUSentences(text), gold: gold)
        showDifferences(name, predicted, gold)
        if language == .indonesian { corpusTexts.append(text) }
      }
      if !throughputOnly { reportScore(set: "corpora-\(language)", score, icu: icuScore) }
    }
    for set in ["csui", "pud", "gsd"] {
      for variant in ["clean", "raw"] {
        let path = "\(ud)/\(set).\(variant).jsonl"
        guard FileManager.default.fileExists(atPath: path) else { continue }
        var score = BoundaryScore()
        var icuScore = BoundaryScore()
        for document in try readUDGold(path) {
          if variant == "clean" { udSentences += document.sentences }
          if throughputOnly {
            if variant == "clean" { corpusTexts.append(document.text) }
            continue
          }
          let predicted = try segmenters[.indonesian]!.segment(document.text).map(\.text)
          score = score + BoundaryScore(predicted: predicted, gold: document.sentences)
          icuScore =
            icuScore
            + BoundaryScore(predicted: try segmenters[.indonesian]!.plainICUSentences(document.text), gold: document.sentences)
          showDifferences(document.id, predicted, document.sentences)
          if variant == "clean" { corpusTexts.append(document.text) }
        }
        if !throughputOnly { reportScore(set: "ud-\(set)-\(variant)", score, icu: icuScore) }
      }
    }
    try measureThroughput(segmenters[.indonesian]!, articles: corpusTexts, sentences: udSentences)
  }

  private func reportScore(set: String, _ score: BoundaryScore, icu: BoundaryScore) {
    report([
      "bench": "segment", "set": set, "precision": score.precision, "recall": score.recall,
      "f1": score.f1, "icu_f1": icu.f1, "gold_boundaries": score.truePositives + score.falseNegatives,
    ])
  }

  private func showDifferences(_ name: String, _ predicted: [String], _ gold: [String]) {
    guard showErrors else { return }
    let goldSet = Set(gold)
    let predictedSet = Set(predicted)
    for sentence in predicted where !goldSet.contains(sentence) {
      FileHandle.standardError.write(Data("\(name) + \(sentence)\n".utf8))
    }
    for sentence in gold where !predictedSet.contains(sentence) {
      FileHandle.standardError.write(Data("\(name) - \(sentence)\n".utf8))
    }
  }

  /// Segments article-sized documents (about 4 KB, paragraphs from the gold texts joined
  /// by blank lines) until `megabytes` of text have passed, one document at a time, as
  /// `selaras segment` would.
  private func measureThroughput(_ segmenter: SentenceSegmenter, articles: [String], sentences: [String]) throws {
    guard !articles.isEmpty else { throw BenchError("no text to measure throughput on") }
    let target = megabytes * 1_000_000
    var documents: [String] = []
    var document = ""
    var total = 0
    var index = 0
    while total < target {
      document += (document.isEmpty ? "" : "\n\n") + articles[index % articles.count]
      index += 1
      if document.utf8.count >= 4_000 {
        documents.append(document)
        total += document.utf8.count
        document = ""
      }
    }
    var sentenceCount = 0
    let seconds = try medianWallSeconds(runs: runs) {
      sentenceCount = 0
      for document in documents {
        sentenceCount += try segmenter.segment(document).count
      }
    }
    // The documents as one file, through `selaras segment` as a process.
    let whole = try wholeProcess(documents.joined(separator: "\n\n")) {
      for document in documents {
        _ = try segmenter.plainICUBoundaries(document)
      }
    }
    report([
      "bench": "segment", "metric": "throughput", "input": "articles", "lang": "id", "megabytes": Double(total) / 1e6,
      "documents": documents.count, "sentences": sentenceCount, "seconds": seconds,
      "mb_per_s": Double(total) / 1e6 / seconds, "icu_mb_per_s": Double(total) / 1e6 / whole.icuSeconds,
      "process_mb_per_s": Double(total) / 1e6 / whole.processSeconds, "process_ratio_to_icu": whole.ratio,
    ])
    // One text of the same article page repeated (a crawl saved into one file, the same
    // chrome on every page): repeated lines must not make it superlinear.
    let copies = max(1, megabytes * 1_000_000 / max(1, articles[0].utf8.count + 2))
    try measureWhole(
      segmenter, Array(repeating: articles[0], count: copies).joined(separator: "\n\n"), input: "one-page-repeated")
    // Text in which no line repeats: the UD sentences drawn at random into paragraphs of two
    // to six sentences.
    if !sentences.isEmpty {
      var state: UInt64 = 0x5E1A_4A5
      func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
      }
      var paragraphs: [String] = []
      var size = 0
      while size < megabytes * 1_000_000 {
        let paragraph = (0..<(2 + next(5))).map { _ in sentences[next(sentences.count)] }.joined(separator: " ")
        paragraphs.append(paragraph)
        size += paragraph.utf8.count + 2
      }
      try measureWhole(segmenter, paragraphs.joined(separator: "\n\n"), input: "ud-paragraphs")
    }
  }

  /// One text segmented whole, in process and as a `selaras segment` process, beside plain
  /// ICU on the same text.
  private func measureWhole(_ segmenter: SentenceSegmenter, _ text: String, input: String) throws {
    var sentenceCount = 0
    let seconds = try medianWallSeconds(runs: runs) { sentenceCount = try segmenter.segment(text).count }
    let megabytes = Double(text.utf8.count) / 1e6
    let whole = try wholeProcess(text) { _ = try segmenter.plainICUBoundaries(text) }
    report([
      "bench": "segment", "metric": "throughput", "input": input, "lang": "id", "megabytes": megabytes,
      "sentences": sentenceCount, "seconds": seconds, "mb_per_s": megabytes / seconds,
      "icu_mb_per_s": megabytes / whole.icuSeconds, "ratio_to_icu": whole.icuSeconds / seconds,
      "process_mb_per_s": megabytes / whole.processSeconds, "process_ratio_to_icu": whole.ratio,
    ])
  }

  /// `selaras segment --lang id --format lines` on `text` in a temporary file, as a whole
  /// process, each run right after a run of `icu` (plain ICU on the same text in process), so
  /// that both meet the same load on a shared machine: the median wall-clock seconds of each,
  /// and the median of the runs' ratios.
  private func wholeProcess(_ text: String, icu: () throws -> Void) throws
    -> (icuSeconds: Double, processSeconds: Double, ratio: Double)
  {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-bench-\(UUID().uuidString).txt")
    try text.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    var pairs: [(icu: Double, process: Double)] = []
    for _ in 0..<runs {
      let icuSeconds = try wallSeconds(icu)
      let processSeconds = try selarasProcessSeconds(runs: 1, ["segment", file.path, "--lang", "id", "--format", "lines"])
      pairs.append((icuSeconds, processSeconds))
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    return (median(pairs.map(\.icu)), median(pairs.map(\.process)), median(pairs.map { $0.icu / $0.process }))
  }
}

/// One document of the UD segmentation gold (see its SOURCE.md).
struct UDDocument: Decodable {
  var id: String
  var text: String
  var sentences: [String]

  enum CodingKeys: String, CodingKey {
    case id, text
    case sentences = "sents"
  }
}

func readUDGold(_ path: String) throws -> [UDDocument] {
  let decoder = JSONDecoder()
  return try readText(path).split(separator: "\n").map { line in
    try decoder.decode(UDDocument.self, from: Data(line.utf8))
  }
}
