import Foundation
import Selaras
import SelarasDevelopment
import SelarasTestSupport
import Testing

private let aligner = try! ArticleAligner(lexicon: .builtIn)

private func beads(_ english: [String], _ indonesian: [String]) -> [String] {
  let article = try! aligner.align(
    source: english.joined(separator: "\n"), target: indonesian.joined(separator: "\n"), presegmented: true)
  return article.beads.map { "\($0.source.count)-\($0.target.count)" }
}

@Suite("Bead shapes on real sentences")
struct BeadShapeTests {
  @Test("1-1, and a dropped sentence as 1-0")
  func oneToOneAndDropped() {
    #expect(
      beads(
        [
          "Annual inflation slowed to 1.71% in October from 1.84% in September.",
          "All 31 economists polled by Reuters had expected the central bank to stand pat.",
          "Bank Indonesia also kept its deposit facility rate at 5.25% and its lending facility rate at 6.75%.",
        ],
        [
          "Inflasi tahunan melambat menjadi 1,71 persen pada Oktober dari 1,84 persen pada September.",
          "BI juga mempertahankan suku bunga Deposit Facility sebesar 5,25 persen dan suku bunga Lending Facility sebesar 6,75 persen.",
        ]) == ["1-1", "1-0", "1-1"])
  }

  @Test("A translator's merge as 2-1, and an added sentence as 0-1")
  func mergeAndAddition() {
    #expect(
      beads(
        [
          "Perry said the U.S. Federal Reserve was likely to cut rates only once more this year.",
          "That left less room for Bank Indonesia to ease, he added.",
          "The central bank's next policy meeting is scheduled for Dec. 17-18.",
        ],
        [
          "Perry menilai bank sentral AS, The Fed, kemungkinan hanya akan memangkas suku bunga sekali lagi tahun ini sehingga ruang pelonggaran bagi BI makin terbatas.",
          "Rapat Dewan Gubernur BI berikutnya dijadwalkan pada 17-18 Desember 2024.",
          "Adapun sepanjang tahun ini BI telah menaikkan suku bunga acuan sebesar 25 basis poin.",
        ]) == ["2-1", "1-1", "0-1"])
  }

  @Test("A translator's split as 1-2")
  func split() {
    #expect(
      beads(
        [
          "Lavrov and Iranian Foreign Minister Hossein Amir-Abdollahian will discuss the South Caucasus, Syria and the Iran nuclear deal, the ministry said in a statement.",
          "“Our cooperation is not directed against third countries,” Lavrov told reporters.",
        ],
        [
          "Lavrov dan Menlu Iran Hossein Amir-Abdollahian akan membahas situasi di Kaukasus Selatan dan Suriah.",
          "Keduanya juga akan membicarakan kesepakatan nuklir Iran, kata Kemenlu Rusia dalam pernyataannya.",
          "“Kerja sama kami tidak ditujukan untuk melawan negara ketiga,” ujar Lavrov kepada wartawan.",
        ]) == ["1-2", "1-1"])
  }

  @Test("Site chrome never enters a pair")
  func chrome() {
    #expect(
      beads(
        ["The rupiah fell as far as 15,565 per dollar on Tuesday, its weakest since Oct. 25."],
        [
          "Nyaman tanpa iklan.",
          "Rupiah sempat melemah hingga Rp15.565 per dolar AS pada Selasa (19/11/2024), level terlemah sejak 25 Oktober.",
          "Baca juga: Rupiah Ditutup Melemah ke Rp15.800, Ini Penyebabnya",
        ]) == ["0-1", "1-1", "0-1"])
  }

  @Test("Content redistributed across two sentences each as 2-2")
  func twoToTwo() {
    // The translator moved the semi-final and its score into the first sentence: a short
    // sentence faces a long one twice, so neither 1-1 pairing holds on its own.
    #expect(
      beads(
        [
          "Ginting will face Shi Yuqi in the final.",
          "Shi, who beat Japan's Kodai Naraoka 21-17, 21-15 in Saturday's semi-final, has won their last four meetings.",
        ],
        [
          "Di final, Ginting akan menghadapi Shi Yuqi yang pada semifinal Sabtu mengalahkan Kodai Naraoka dari Jepang 21-17, 21-15.",
          "Shi memenangi empat pertemuan terakhir mereka.",
        ]) == ["2-2"])
  }

  @Test("1-3 and 3-1 beads are reachable")
  func wideBeads() {
    #expect(
      beads(
        [
          "Syahrul was sentenced to 10 years in prison, fined 300 million rupiah and ordered to repay 44.5 billion rupiah he extorted from officials in 2020 and 2023."
        ],
        [
          "Syahrul divonis 10 tahun penjara.",
          "Ia juga didenda Rp300 juta.",
          "Hakim mewajibkannya membayar uang pengganti Rp44,5 miliar hasil pemerasan pejabat pada 2020 dan 2023.",
        ]) == ["1-3"])
  }
}

@Suite("Bad input")
struct AlignerInputTests {
  @Test("An empty side gives null beads for every sentence of the other")
  func emptySide() throws {
    let article = try aligner.align(source: "", target: "Satu kalimat.\nDua kalimat.", presegmented: true)
    #expect(article.beads.map(\.target) == [0..<1, 1..<2])
    #expect(article.beads.allSatisfy { $0.source.isEmpty })
  }

  @Test("Three sentences against three hundred: every sentence in exactly one bead")
  func lopsided() throws {
    let english = ["Bank Indonesia kept its rate at 6.00%.", "The rupiah fell.", "Inflation slowed to 1.71%."]
    let indonesian = (0..<300).map { "Kalimat nomor \($0) tentang cuaca di Bandung." }
    let article = try aligner.align(
      source: english.joined(separator: "\n"), target: indonesian.joined(separator: "\n"), presegmented: true)
    #expect(article.beads.flatMap(\.source) == Array(0..<3))
    #expect(article.beads.flatMap(\.target) == Array(0..<300))
  }

  @Test("A band held to its maximum still covers every sentence, and grows past it when it must to reach the end")
  func cappedBand() throws {
    var capped = aligner
    capped.aligner = SentenceAligner(initialBand: 4, maximumBand: 8)
    let english = (0..<120).map { "Sentence \($0) about the weather in Tokyo." }
    let unrelated = (0..<90).map { "Kalimat nomor \($0 * 7) tentang banjir di Bandung." }
    for (source, target) in [(english, unrelated), (Array(english.prefix(1)), unrelated)] {
      let article = try capped.align(
        source: source.joined(separator: "\n"), target: target.joined(separator: "\n"), presegmented: true)
      #expect(article.beads.flatMap(\.source) == Array(0..<source.count))
      #expect(article.beads.flatMap(\.target) == Array(0..<target.count))
    }
  }

  @Test("Texts that are not translations score low")
  func unrelated() throws {
    let article = try aligner.align(
      source: "Ginting beat Axelsen 21-19 in Tokyo on Saturday.\nThe Japan Open offers $850,000 in prize money.",
      target: "Kasus DBD naik dua kali lipat.\nKemenkes meminta warga membersihkan genangan air.", presegmented: true)
    #expect((article.meanPairScore ?? 0) < 0.5)
  }
}

@Suite("Corpora gold alignment")
struct CorporaAlignmentTests {
  @Test("Strict F1 ≥ 0.95 with null beads counted")
  func strictF1() throws {
    var evaluation = AlignmentEvaluation()
    for name in Corpora.articles {
      let english = try String(contentsOf: Corpora.folder.file(name, .english), encoding: .utf8)
      let indonesian = try String(contentsOf: Corpora.folder.file(name, .indonesian), encoding: .utf8)
      let goldBeads = try Corpora.folder.goldBeads(name)
      let article = try aligner.align(source: english, target: indonesian)
      evaluation = evaluation + AlignmentEvaluation(predicted: article.beads, gold: goldBeads)
    }
    #expect(evaluation.strict.f1 >= 0.95, "strict F1 \(evaluation.strict.f1)")
    #expect(evaluation.lax.f1 >= 0.97, "lax F1 \(evaluation.lax.f1)")
  }
}

@Suite("Alignment evaluation")
struct AlignmentEvaluationTests {
  @Test("Strict and lax counts on a hand-checked case")
  func handComputed() {
    let gold = [
      Bead(source: 0..<1, target: 0..<1, score: 1), Bead(source: 1..<3, target: 1..<2, score: 1),
      Bead(source: 3..<3, target: 2..<3, score: 1),
    ]
    // 0-0 right; 1-1 and 2-null instead of the 2-1; target 2 right as null.
    let predicted = [
      Bead(source: 0..<1, target: 0..<1, score: 1), Bead(source: 1..<2, target: 1..<2, score: 1),
      Bead(source: 2..<3, target: 1..<1, score: 1), Bead(source: 3..<3, target: 2..<3, score: 1),
    ]
    let evaluation = AlignmentEvaluation(predicted: predicted, gold: gold)
    #expect(evaluation.strict.correctPredicted == 2)
    #expect(evaluation.strict.predicted == 4)
    #expect(evaluation.strict.correctGold == 2)
    #expect(evaluation.strict.gold == 3)
    #expect(evaluation.lax.correctPredicted == 3)
    #expect(evaluation.lax.correctGold == 3)
    let vecalign = AlignmentEvaluation(predicted: predicted, gold: gold, includeNullBeads: false)
    #expect(vecalign.strict.gold == 2)
  }
}

/// A cost model given by a table, to check the path's posteriors against a count by hand.
private struct TableScorer: AlignmentScorer {
  var sourceCount: Int
  var targetCount: Int
  var costs: [String: Double]

  func cost(source: Range<Int>, target: Range<Int>) -> Double {
    costs["\(source.lowerBound):\(source.count)|\(target.lowerBound):\(target.count)"]
      ?? (source.isEmpty || target.isEmpty ? 2 : 3 + Double(source.count + target.count))
  }

  func confidence(of bead: SentenceAligner.PathBead) -> Double { bead.posterior }
}

@Suite("Bead posteriors")
struct PathPosteriorTests {
  /// Every alignment of the texts, as lists of beads (shape index at each step).
  private func alignments(_ n: Int, _ m: Int, from i: Int = 0, _ j: Int = 0) -> [[(Range<Int>, Range<Int>)]] {
    if i == n && j == m { return [[]] }
    var result: [[(Range<Int>, Range<Int>)]] = []
    for shape in BeadShape.all where i + shape.source <= n && j + shape.target <= m {
      let bead = (i..<(i + shape.source), j..<(j + shape.target))
      result += alignments(n, m, from: i + shape.source, j + shape.target).map { [bead] + $0 }
    }
    return result
  }

  @Test("Each bead's posterior is the share of exp(−cost) held by the alignments that contain it, counted by hand")
  func matchesEnumeration() {
    // Sentence 1 of the source pairs well with target 1 alone and with targets 1–2 together:
    // two readings close in cost, so neither bead is sure; sentence 0 pairs clearly.
    let scorer = TableScorer(
      sourceCount: 3, targetCount: 4,
      costs: ["0:1|0:1": -4, "1:1|1:1": -2.5, "1:1|1:2": -0.2, "2:1|3:1": -4])
    let path = SentenceAligner().path(scorer)
    let all = alignments(3, 4)
    let weights = all.map { alignment in exp(-alignment.reduce(0) { $0 + scorer.cost(source: $1.0, target: $1.1) }) }
    let total = weights.reduce(0, +)
    for bead in path {
      let holding = zip(all, weights).filter { alignment, _ in
        alignment.contains { $0.0 == bead.source && $0.1 == bead.target }
      }
      let expected = holding.reduce(0) { $0 + $1.1 } / total
      #expect(abs(bead.posterior - expected) < 1e-9, "\(bead.source)-\(bead.target)")
    }
    // The path takes the cheaper reading, 1-1 with target 2 unpaired, and is not sure of it.
    let contested = path.first { $0.source == 1..<2 }!
    #expect(contested.target == 1..<2 && contested.posterior < 0.6)
    #expect(path.first { $0.source == 0..<1 }!.posterior > 0.8)
  }
}
