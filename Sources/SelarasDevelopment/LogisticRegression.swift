import Foundation
import Selaras

/// Logistic regression fitted by Newton's method (iteratively reweighted least squares)
/// with a small ridge penalty: deterministic, and exact to the last digit for the same
/// data in the same order.
public enum LogisticRegression {
  /// The coefficients that maximize the penalized likelihood of `labels` given `rows`.
  ///
  /// - Parameters:
  ///   - rows: Feature vectors of equal length, the first feature being the constant 1.
  ///   - labels: Whether each row is a positive example.
  ///   - offsets: A fixed part of each row's logit (a model fitted before, which these
  ///     coefficients add to); none when empty.
  ///   - ridge: The L2 penalty on every coefficient but the first.
  /// - Complexity: O(iterations × *n* × *d*²) for *n* rows of *d* features.
  public static func fit(
    rows: [[Double]], labels: [Bool], offsets: [Double] = [], ridge: Double = 0.01, iterations: Int = 50
  ) -> [Double] {
    guard let d = rows.first?.count, rows.count == labels.count, offsets.isEmpty || offsets.count == rows.count else {
      return []
    }
    var beta = [Double](repeating: 0, count: d)
    for _ in 0..<iterations {
      var gradient = [Double](repeating: 0, count: d)
      var hessian = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
      for (index, (row, label)) in zip(rows, labels).enumerated() {
        let logit = zip(beta, row).reduce(offsets.isEmpty ? 0 : offsets[index]) { $0 + $1.0 * $1.1 }
        let p = 1 / (1 + exp(-logit))
        let weight = max(p * (1 - p), 1e-9)
        let residual = (label ? 1 : 0) - p
        for i in 0..<d {
          gradient[i] += residual * row[i]
          for j in 0...i {
            hessian[i][j] += weight * row[i] * row[j]
          }
        }
      }
      for i in 0..<d {
        for j in 0..<i { hessian[j][i] = hessian[i][j] }
        if i > 0 {
          gradient[i] -= ridge * beta[i]
          hessian[i][i] += ridge
        }
        hessian[i][i] += 1e-9
      }
      guard let step = solve(hessian, gradient) else { break }
      var largest = 0.0
      for i in 0..<d {
        beta[i] += step[i]
        largest = max(largest, abs(step[i]))
      }
      if largest < 1e-10 { break }
    }
    return beta
  }

  /// Solves `a × x = b` by Gaussian elimination with partial pivoting; nil when singular.
  static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
    let n = b.count
    var m = a
    var v = b
    for column in 0..<n {
      let pivot = (column..<n).max { abs(m[$0][column]) < abs(m[$1][column]) }!
      guard abs(m[pivot][column]) > 1e-15 else { return nil }
      m.swapAt(column, pivot)
      v.swapAt(column, pivot)
      for row in (column + 1)..<n {
        let factor = m[row][column] / m[column][column]
        for k in column..<n { m[row][k] -= factor * m[column][k] }
        v[row] -= factor * v[column]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
      let sum = ((row + 1)..<n).reduce(0) { $0 + m[row][$1] * x[$1] }
      x[row] = (v[row] - sum) / m[row][row]
    }
    return x
  }
}

/// How well probabilities match outcomes.
public struct CalibrationReport: Sendable, Equatable {
  /// Expected calibration error over ten equal-width bins: the mean, weighted by how many
  /// predictions fall in each, of |observed accuracy − mean probability|.
  public var expectedCalibrationError: Double
  /// The share of right ones among predictions with probability ≥ 0.9 and ≥ 0.5, with
  /// their counts.
  public var precisionAtLeast09: Double
  public var countAtLeast09: Int
  public var precisionAtLeast05: Double
  public var countAtLeast05: Int

  public init(probabilities: [Double], outcomes: [Bool]) {
    var bins = [(count: Int, probability: Double, right: Int)](repeating: (0, 0, 0), count: 10)
    for (p, right) in zip(probabilities, outcomes) {
      let bin = min(9, Int(p * 10))
      bins[bin].count += 1
      bins[bin].probability += p
      bins[bin].right += right ? 1 : 0
    }
    let total = Double(max(1, probabilities.count))
    expectedCalibrationError = bins.reduce(0) { sum, bin in
      bin.count == 0
        ? sum
        : sum + Double(bin.count) / total
          * abs(Double(bin.right) / Double(bin.count) - bin.probability / Double(bin.count))
    }
    func precision(_ floor: Double) -> (Double, Int) {
      let kept = zip(probabilities, outcomes).filter { $0.0 >= floor }
      return (kept.isEmpty ? 1 : Double(kept.filter(\.1).count) / Double(kept.count), kept.count)
    }
    (precisionAtLeast09, countAtLeast09) = precision(0.9)
    (precisionAtLeast05, countAtLeast05) = precision(0.5)
  }
}
