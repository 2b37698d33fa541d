/// Dynamic-programming sentence alignment over a band around the diagonal.
///
/// The path runs from (0, 0) to (n, m) through beads of the shapes in ``BeadShape/all``
/// (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 1-3, 3-1) and minimizes the summed cost the scorer gives.
/// Only cells within `band` of the proportional diagonal are visited; when the best path
/// comes near the edge of the band, the band is doubled and the search run again, up to
/// ``maximumBand``: texts that diverge further than that (or are no translations of each
/// other) get the best path within it rather than a search that grows with the square of
/// their length.
///
/// - Complexity: O((*n* + *m*) × *w*) cost evaluations for a final band half-width *w* ≤
///   `maximumBand`.
public struct SentenceAligner: Sendable {
  /// The half-width of the first band, in sentences.
  public var initialBand: Int
  /// The widest half-width the band grows to; wider than any news article is long.
  public var maximumBand: Int

  public init(initialBand: Int = 6, maximumBand: Int = 256) {
    precondition(initialBand > 0 && maximumBand >= initialBand, "bands must be positive and ordered")
    self.initialBand = initialBand
    self.maximumBand = maximumBand
  }

  /// The beads of the best path, scored by the scorer's confidence; every sentence of both
  /// sides is in exactly one bead.
  public func align(_ scorer: some AlignmentScorer) -> [Bead] {
    path(scorer).map { bead in
      Bead(
        source: bead.source, target: bead.target,
        score: scorer.confidence(of: bead))
    }
  }

  /// A bead of the best path with its posterior: the probability, over all the alignments
  /// near the path weighed by exp(−cost), that an alignment holds this bead.
  public struct PathBead: Sendable, Equatable {
    public var source: Range<Int>
    public var target: Range<Int>
    public var posterior: Double
    /// The share of the article's sentences (both sides) the path leaves unpaired: how far
    /// the two texts differ, which the confidence of every bead depends on (a heavily
    /// adapted article's beads are less sure than a close translation's).
    public var unpairedShare: Double

    public init(source: Range<Int>, target: Range<Int>, posterior: Double, unpairedShare: Double = 0) {
      self.source = source
      self.target = target
      self.posterior = posterior
      self.unpairedShare = unpairedShare
    }
  }

  /// The best path's beads with their posteriors (forward–backward over the lattice within
  /// ``posteriorReach`` of the path), or with posteriors of 1 when `posteriors` is false: for
  /// a caller that needs the path only, such as a fit of the cost weights.
  public func path(_ scorer: some AlignmentScorer, posteriors: Bool = true) -> [PathBead] {
    let n = scorer.sourceCount
    let m = scorer.targetCount
    if n == 0 || m == 0 {
      return (0..<n).map { PathBead(source: $0..<($0 + 1), target: 0..<0, posterior: 1, unpairedShare: 1) }
        + (0..<m).map { PathBead(source: n..<n, target: $0..<($0 + 1), posterior: 1, unpairedShare: 1) }
    }
    var band = max(initialBand, 4)
    while true {
      let path = search(scorer, n: n, m: m, band: band)
      // A band too narrow to reach the end (one side hundreds of times longer) always grows.
      let unreachable = path.beads.isEmpty && band < max(n, m)
      let touchesEdge = band < min(max(n, m), maximumBand) && path.touchesEdge
      if !unreachable && !touchesEdge {
        let values =
          posteriors
          ? PathPosteriors(scorer, path: path.beads, n: n, m: m, reach: posteriorReach).posteriors
          : path.beads.map { _ in 1 }
        let unpaired = path.beads.filter(\.isNull).reduce(0) { $0 + $1.source.count + $1.target.count }
        let share = Double(unpaired) / Double(n + m)
        return zip(path.beads, values).map {
          PathBead(source: $0.source, target: $0.target, posterior: $1, unpairedShare: share)
        }
      }
      band *= 2
    }
  }

  /// How far from the best path, in sentences on either side, the alignments the posterior
  /// weighs may stray: farther ones cost far more than the path in any real text.
  public var posteriorReach = 3

  private struct Path {
    var beads: [Bead]
    var touchesEdge: Bool
  }

  private func search(_ scorer: some AlignmentScorer, n: Int, m: Int, band: Int) -> Path {
    let width = 2 * band + 1
    let slope = Double(m) / Double(n)
    let centers = (0...n).map { Int((Double($0) * slope).rounded()) }
    func center(_ i: Int) -> Int { centers[i] }
    let shapes = BeadShape.all
    let floors = shapes.map { scorer.minimumCost(sourceCount: $0.source, targetCount: $0.target) }
    var cost = [Double](repeating: .infinity, count: (n + 1) * width)
    var back = [UInt8](repeating: UInt8.max, count: (n + 1) * width)
    func slot(_ i: Int, _ j: Int) -> Int? {
      let offset = j - center(i) + band
      return offset >= 0 && offset < width && j >= 0 && j <= m ? i * width + offset : nil
    }
    cost[slot(0, 0)!] = 0
    for i in 0...n {
      let lower = max(0, center(i) - band)
      let upper = min(m, center(i) + band)
      guard lower <= upper else { continue }
      for j in lower...upper {
        guard let here = slot(i, j) else { continue }
        if i == 0 && j == 0 { continue }
        var best = Double.infinity
        var bestShape = UInt8.max
        for (index, shape) in shapes.enumerated() {
          let pi = i - shape.source
          let pj = j - shape.target
          guard pi >= 0, pj >= 0, let previous = slot(pi, pj) else { continue }
          let before = cost[previous]
          // Skip a bead that cannot beat the best one even with its lowest possible cost.
          guard before + floors[index] < best else { continue }
          let total = before + scorer.cost(source: pi..<i, target: pj..<j)
          if total < best {
            best = total
            bestShape = UInt8(index)
          }
        }
        cost[here] = best
        back[here] = bestShape
      }
    }
    var beads: [Bead] = []
    var touchesEdge = false
    var i = n
    var j = m
    while i > 0 || j > 0 {
      guard let here = slot(i, j), back[here] != UInt8.max else {
        // Unreachable within the band: report it as an edge hit so the band grows.
        return Path(beads: [], touchesEdge: true)
      }
      if abs(j - center(i)) >= band - 1 { touchesEdge = true }
      let shape = shapes[Int(back[here])]
      beads.append(Bead(source: (i - shape.source)..<i, target: (j - shape.target)..<j, score: 0))
      i -= shape.source
      j -= shape.target
    }
    return Path(beads: beads.reversed(), touchesEdge: touchesEdge)
  }
}
