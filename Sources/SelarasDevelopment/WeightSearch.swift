import Selaras

/// Fits the aligner's weights by coordinate search on a score (strict F1 on the development
/// set's fit half): each weight in turn is multiplied by each of ``steps`` and the best
/// value kept when it beats the current score by ``minimumGain``; passes repeat until one changes nothing or
/// ``passes`` have run.
///
/// Deterministic: the same objective gives the same weights, since weights are tried in a
/// fixed order and a tie keeps the current value.
public struct WeightSearch: Sendable {
  /// The factors each weight is tried with.
  public var steps: [Double] = [0.5, 0.7, 0.85, 1.15, 1.4, 2]
  public var passes = 4
  /// The least gain in score that a change must bring: smaller gains are a bead or two of
  /// the fit data, which the next article would not repeat.
  public var minimumGain = 0.0005
  /// The weights searched, in order: all the fitted ones by default.
  public nonisolated(unsafe) var parameters = NewsAlignmentScorer.Weights.fittedParameters

  public init() {}

  /// One accepted change, for the fit's log.
  public struct Change: Sendable, Equatable {
    public var pass: Int
    public var parameter: String
    public var value: Double
    public var score: Double
  }

  /// The best weights found from `start`, their score, and the changes made on the way.
  ///
  /// - Complexity: at most `passes` × parameters × `steps` calls of `objective`.
  public func fit(
    from start: NewsAlignmentScorer.Weights, objective: (NewsAlignmentScorer.Weights) -> Double
  ) -> (weights: NewsAlignmentScorer.Weights, score: Double, changes: [Change]) {
    var best = start
    var bestScore = objective(start)
    var changes: [Change] = []
    for pass in 0..<passes {
      var changed = false
      for (name, path) in parameters {
        let current = best[keyPath: path]
        var candidate = best
        for factor in steps {
          candidate[keyPath: path] = current * factor
          let score = objective(candidate)
          if score > bestScore + minimumGain {
            best = candidate
            bestScore = score
            changed = true
            changes.append(Change(pass: pass, parameter: name, value: candidate[keyPath: path], score: score))
          }
        }
      }
      if !changed { break }
    }
    return (best, bestScore, changes)
  }
}
