import Foundation

/// The posterior of each bead of a path: forward–backward over the beads of the lattice
/// that stay within `reach` sentences of the path, each weighed by exp(−cost).
///
/// The search keeps only the cheapest way into each cell; this sums them all, so a bead
/// whose sentences could as well be read another way (a 1-1 beside an unpaired sentence that
/// could join it, a pair one sentence off inside an edited stretch) gets the share of the
/// weight its reading has, not the certainty of having won.
///
/// - Complexity: O((*n* + *m*) × `reach`) cost evaluations, each made once.
struct PathPosteriors {
  private(set) var posteriors: [Double] = []

  init(_ scorer: some AlignmentScorer, path: [Bead], n: Int, m: Int, reach: Int) {
    // The columns each row may use: those of the path's beads that span the rows nearby,
    // widened by `reach`.
    var lower = [Int](repeating: Int.max, count: n + 1)
    var upper = [Int](repeating: Int.min, count: n + 1)
    var i = 0
    var j = 0
    for bead in path {
      let end = (i + bead.source.count, j + bead.target.count)
      for row in i...end.0 {
        lower[row] = min(lower[row], j)
        upper[row] = max(upper[row], end.1)
      }
      (i, j) = end
    }
    var first = [Int](repeating: 0, count: n + 1)
    var last = [Int](repeating: 0, count: n + 1)
    for row in 0...n {
      var low = Int.max
      var high = Int.min
      for near in max(0, row - reach)...min(n, row + reach) {
        low = min(low, lower[near])
        high = max(high, upper[near])
      }
      first[row] = max(0, low - reach)
      last[row] = min(m, high + reach)
    }
    var offsets = [0]
    for row in 0...n { offsets.append(offsets[row] + last[row] - first[row] + 1) }
    func cell(_ row: Int, _ column: Int) -> Int? {
      guard row >= 0, row <= n, column >= first[row], column <= last[row] else { return nil }
      return offsets[row] + column - first[row]
    }
    let shapes = BeadShape.all
    let cells = offsets[n + 1]
    // The cost of the bead of each shape that ends at each cell (+∞ where it would start
    // outside the lattice), and the log-sums of the ways in and out.
    var costs = [Double](repeating: .infinity, count: cells * shapes.count)
    var forward = [Double](repeating: -.infinity, count: cells)
    var backward = [Double](repeating: -.infinity, count: cells)
    forward[cell(0, 0)!] = 0
    for row in 0...n {
      for column in first[row]...last[row] where row > 0 || column > 0 {
        let here = cell(row, column)!
        var sum = LogSum()
        for (index, shape) in shapes.enumerated() {
          guard let start = cell(row - shape.source, column - shape.target), forward[start] > -.infinity else { continue }
          let cost = scorer.cost(source: (row - shape.source)..<row, target: (column - shape.target)..<column)
          costs[here * shapes.count + index] = cost
          sum.add(forward[start] - cost)
        }
        forward[here] = sum.value
      }
    }
    guard let end = cell(n, m), forward[end] > -.infinity else {
      posteriors = path.map { _ in 1 }
      return
    }
    backward[end] = 0
    for row in stride(from: n, through: 0, by: -1) {
      for column in stride(from: last[row], through: first[row], by: -1) where row < n || column < m {
        var sum = LogSum()
        for (index, shape) in shapes.enumerated() {
          guard let next = cell(row + shape.source, column + shape.target), backward[next] > -.infinity else { continue }
          sum.add(backward[next] - costs[next * shapes.count + index])
        }
        backward[cell(row, column)!] = sum.value
      }
    }
    let total = forward[end]
    (i, j) = (0, 0)
    posteriors = path.map { bead in
      let start = cell(i, j)!
      let endCell = cell(i + bead.source.count, j + bead.target.count)!
      let index = shapes.firstIndex(of: BeadShape(bead.source.count, bead.target.count))!
      (i, j) = (i + bead.source.count, j + bead.target.count)
      return min(1, exp(forward[start] - costs[endCell * shapes.count + index] + backward[endCell] - total))
    }
  }

  /// log Σ exp(term) over the terms added, kept as the largest term and the sum of the
  /// terms' exponentials relative to it; −∞ for none.
  private struct LogSum {
    private var top = -Double.infinity
    private var scaled = 0.0

    mutating func add(_ term: Double) {
      guard term > -.infinity else { return }
      if term > top {
        scaled = scaled * exp(top - term) + 1
        top = term
      } else {
        scaled += exp(term - top)
      }
    }

    var value: Double { top > -.infinity ? top + log(scaled) : -.infinity }
  }
}
