/// Precision, recall and F1 of sentence boundaries against a gold segmentation.
///
/// A boundary is identified by how many non-white-space scalars precede it, so that texts
/// whose white space differs (collapsed output, NBSP, line breaks) still compare. The end
/// of the text is not a boundary: only the internal ones are scored.
public struct BoundaryScore: Hashable, Sendable, Codable {
  public var truePositives = 0
  public var falsePositives = 0
  public var falseNegatives = 0

  public init() {}

  /// Scores predicted sentences against gold sentences of the same text.
  public init(predicted: [String], gold: [String]) {
    let predictedBoundaries = Self.boundaries(of: predicted)
    let goldBoundaries = Self.boundaries(of: gold)
    truePositives = predictedBoundaries.intersection(goldBoundaries).count
    falsePositives = predictedBoundaries.count - truePositives
    falseNegatives = goldBoundaries.count - truePositives
  }

  public var precision: Double {
    let predicted = truePositives + falsePositives
    return predicted == 0 ? 1 : Double(truePositives) / Double(predicted)
  }

  public var recall: Double {
    let gold = truePositives + falseNegatives
    return gold == 0 ? 1 : Double(truePositives) / Double(gold)
  }

  public var f1: Double {
    let sum = precision + recall
    return sum == 0 ? 0 : 2 * precision * recall / sum
  }

  public static func + (lhs: BoundaryScore, rhs: BoundaryScore) -> BoundaryScore {
    var sum = lhs
    sum.truePositives += rhs.truePositives
    sum.falsePositives += rhs.falsePositives
    sum.falseNegatives += rhs.falseNegatives
    return sum
  }

  /// The internal boundaries of `sentences`, as counts of non-white-space scalars before each.
  static func boundaries(of sentences: [String]) -> Set<Int> {
    var result: Set<Int> = []
    var position = 0
    for sentence in sentences.dropLast() {
      position += sentence.unicodeScalars.count { !$0.properties.isWhitespace }
      result.insert(position)
    }
    return result
  }
}
