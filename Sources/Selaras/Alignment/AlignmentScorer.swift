/// The cost model of the aligner: how unlikely a bead is.
///
/// The aligner core knows nothing of sentences; it asks its scorer for the cost of each
/// bead it considers and for a confidence once the path is chosen.
public protocol AlignmentScorer {
  var sourceCount: Int { get }
  var targetCount: Int { get }
  /// The cost (−log likelihood, roughly) of pairing `source` with `target`; either may be
  /// empty. Lower is better.
  func cost(source: Range<Int>, target: Range<Int>) -> Double
  /// The confidence in 0…1 of a bead on the chosen path (with its posterior over the
  /// alignments near the path and what the path says of the whole article, see
  /// ``SentenceAligner/PathBead``).
  func confidence(of bead: SentenceAligner.PathBead) -> Double
  /// A bound that `cost` never goes below for a bead of this many sentences a side, which
  /// lets the aligner skip beads that cannot beat the best one it has; −∞ by default.
  func minimumCost(sourceCount: Int, targetCount: Int) -> Double
}

extension AlignmentScorer {
  public func minimumCost(sourceCount: Int, targetCount: Int) -> Double { -.infinity }
}
