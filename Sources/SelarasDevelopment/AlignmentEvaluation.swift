import Selaras

/// Precision, recall and F1 of predicted beads against gold beads.
///
/// Beads with an empty side are split into one bead per sentence on both sides before
/// counting. *Strict* counts a bead only when it equals a gold bead; *lax* counts a bead
/// with both sides that links at least one gold sentence pair, and a null bead whose
/// sentence is also unpaired in the other alignment.
///
/// ``includeNullBeads`` = true counts null beads in precision and recall (this project's
/// metric: they are where wire-copy alignment fails); false follows vecalign, counting them
/// in precision only.
public struct AlignmentEvaluation: Sendable, Codable {
  public struct Counts: Sendable, Codable, Hashable {
    public var correctPredicted = 0
    public var predicted = 0
    public var correctGold = 0
    public var gold = 0

    public var precision: Double { predicted == 0 ? 1 : Double(correctPredicted) / Double(predicted) }
    public var recall: Double { gold == 0 ? 1 : Double(correctGold) / Double(gold) }
    public var f1: Double {
      let sum = precision + recall
      return sum == 0 ? 0 : 2 * precision * recall / sum
    }

    public static func + (lhs: Counts, rhs: Counts) -> Counts {
      Counts(
        correctPredicted: lhs.correctPredicted + rhs.correctPredicted, predicted: lhs.predicted + rhs.predicted,
        correctGold: lhs.correctGold + rhs.correctGold, gold: lhs.gold + rhs.gold)
    }
  }

  public var strict = Counts()
  public var lax = Counts()

  public init() {}

  public init(predicted: [Bead], gold: [Bead], includeNullBeads: Bool = true) {
    let predictedBeads = Self.splittingNullBeads(predicted)
    let goldBeads = Self.splittingNullBeads(gold)
    let goldSet = Set(goldBeads.map(Key.init))
    let predictedSet = Set(predictedBeads.map(Key.init))
    let goldPairs = Self.links(goldBeads)
    let predictedPairs = Self.links(predictedBeads)

    for bead in predictedBeads {
      strict.predicted += 1
      lax.predicted += 1
      if goldSet.contains(Key(bead)) { strict.correctPredicted += 1 }
      if Self.linksAny(bead, goldPairs) { lax.correctPredicted += 1 }
    }
    for bead in goldBeads where includeNullBeads || !bead.isNull {
      strict.gold += 1
      lax.gold += 1
      if predictedSet.contains(Key(bead)) { strict.correctGold += 1 }
      if Self.linksAny(bead, predictedPairs) { lax.correctGold += 1 }
    }
  }

  public static func + (lhs: AlignmentEvaluation, rhs: AlignmentEvaluation) -> AlignmentEvaluation {
    var sum = AlignmentEvaluation()
    sum.strict = lhs.strict + rhs.strict
    sum.lax = lhs.lax + rhs.lax
    return sum
  }

  /// For each predicted bead, whether it equals a gold bead (a null bead: whether its
  /// sentences are unpaired in the gold too), as calibration counts a bead right.
  public static func correctness(of predicted: [Bead], gold: [Bead]) -> [Bool] {
    let goldSet = Set(splittingNullBeads(gold).map(Key.init))
    return predicted.map { bead in splittingNullBeads([bead]).allSatisfy { goldSet.contains(Key($0)) } }
  }

  private struct Key: Hashable {
    var source: Range<Int>
    var target: Range<Int>
    /// An empty side compares equal wherever it sits.
    init(_ bead: Bead) {
      source = bead.source.isEmpty ? 0..<0 : bead.source
      target = bead.target.isEmpty ? 0..<0 : bead.target
    }
  }

  /// A sentence pair linked by a bead; -1 stands for "no sentence" in a null bead.
  private struct Link: Hashable {
    var source: Int
    var target: Int
  }

  private static func splittingNullBeads(_ beads: [Bead]) -> [Bead] {
    beads.flatMap { bead -> [Bead] in
      guard bead.isNull else { return [bead] }
      return bead.source.map {
        Bead(source: $0..<($0 + 1), target: bead.target.lowerBound..<bead.target.lowerBound, score: bead.score)
      }
        + bead.target.map {
          Bead(source: bead.source.lowerBound..<bead.source.lowerBound, target: $0..<($0 + 1), score: bead.score)
        }
    }
  }

  private static func links(_ beads: [Bead]) -> Set<Link> {
    var result: Set<Link> = []
    for bead in beads {
      if bead.source.isEmpty {
        result.formUnion(bead.target.map { Link(source: -1, target: $0) })
      } else if bead.target.isEmpty {
        result.formUnion(bead.source.map { Link(source: $0, target: -1) })
      } else {
        for source in bead.source {
          result.formUnion(bead.target.map { Link(source: source, target: $0) })
        }
      }
    }
    return result
  }

  private static func linksAny(_ bead: Bead, _ links: Set<Link>) -> Bool {
    !Self.links([bead]).isDisjoint(with: links)
  }
}
