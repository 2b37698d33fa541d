import Selaras

extension AlignmentEvaluation {
  /// Scores an alignment of raw text, whose sentences may be cut otherwise than the gold's,
  /// by what the beads cover: each bead becomes the span of text from its first sentence's
  /// start to its last one's end on either side. Strict counts a bead whose spans on both
  /// sides equal a gold bead's; lax, one that overlaps a gold bead on both sides (or, for a
  /// null bead, a gold null bead on its side). A sentence the segmenter cut in two is thus
  /// an error wherever it lands, as it is for a translator.
  ///
  /// - Parameters:
  ///   - predicted: Beads over the sentences whose byte ranges are `predictedSource` and
  ///     `predictedTarget`.
  ///   - gold: Beads over the gold sentences at `goldSource` and `goldTarget`.
  public init(
    predicted: [Bead], predictedSource: [Range<Int>], predictedTarget: [Range<Int>], gold: [Bead],
    goldSource: [Range<Int>], goldTarget: [Range<Int>], includeNullBeads: Bool = true
  ) {
    self.init()
    let predictedSpans = Self.spans(predicted, predictedSource, predictedTarget)
    let goldSpans = Self.spans(gold, goldSource, goldTarget)
    let goldSet = Set(goldSpans)
    let predictedSet = Set(predictedSpans)
    for span in predictedSpans {
      strict.predicted += 1
      lax.predicted += 1
      if goldSet.contains(span) { strict.correctPredicted += 1 }
      if goldSpans.contains(where: { $0.overlaps(span) }) { lax.correctPredicted += 1 }
    }
    for span in goldSpans where includeNullBeads || !span.isNull {
      strict.gold += 1
      lax.gold += 1
      if predictedSet.contains(span) { strict.correctGold += 1 }
      if predictedSpans.contains(where: { $0.overlaps(span) }) { lax.correctGold += 1 }
    }
  }

  /// A bead as the text it covers: a null bead has an empty range on its empty side.
  private struct Span: Hashable {
    var source: Range<Int>
    var target: Range<Int>

    var isNull: Bool { source.isEmpty || target.isEmpty }

    func overlaps(_ other: Span) -> Bool {
      guard isNull == other.isNull else { return false }
      if isNull {
        return source.isEmpty == other.source.isEmpty
          && (source.isEmpty ? target.overlaps(other.target) : source.overlaps(other.source))
      }
      return source.overlaps(other.source) && target.overlaps(other.target)
    }
  }

  private static func spans(_ beads: [Bead], _ source: [Range<Int>], _ target: [Range<Int>]) -> [Span] {
    func cover(_ indices: Range<Int>, _ ranges: [Range<Int>]) -> Range<Int> {
      indices.isEmpty ? 0..<0 : ranges[indices.lowerBound].lowerBound..<ranges[indices.upperBound - 1].upperBound
    }
    return beads.flatMap { bead -> [Span] in
      guard bead.isNull else { return [Span(source: cover(bead.source, source), target: cover(bead.target, target))] }
      return bead.source.map { Span(source: source[$0], target: 0..<0) }
        + bead.target.map { Span(source: 0..<0, target: target[$0]) }
    }
  }
}
