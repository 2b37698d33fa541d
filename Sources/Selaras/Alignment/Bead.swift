/// One step of an alignment: consecutive source sentences paired with consecutive target
/// sentences. Either side may be empty (a sentence left unpaired: 1-0 or 0-1).
///
/// Okapi's names for the shapes: substitution 1-1, deletion 1-0, insertion 0-1,
/// contraction 2-1, expansion 1-2, melding 2-2.
public struct Bead: Hashable, Sendable, Codable {
  /// Indices of the source sentences.
  public var source: Range<Int>
  /// Indices of the target sentences.
  public var target: Range<Int>
  /// Confidence in 0…1 that the bead is right.
  public var score: Double

  public init(source: Range<Int>, target: Range<Int>, score: Double) {
    self.source = source
    self.target = target
    self.score = score
  }

  /// Whether one side is empty.
  public var isNull: Bool { source.isEmpty || target.isEmpty }
}

/// The shapes of bead the aligner considers, as (source count, target count).
public struct BeadShape: Hashable, Sendable, CustomStringConvertible {
  public let source: Int
  public let target: Int

  public init(_ source: Int, _ target: Int) {
    self.source = source
    self.target = target
  }

  public static let all: [BeadShape] = [
    BeadShape(1, 1), BeadShape(1, 0), BeadShape(0, 1), BeadShape(2, 1), BeadShape(1, 2),
    BeadShape(2, 2), BeadShape(1, 3), BeadShape(3, 1),
  ]

  public var description: String { "\(source)-\(target)" }
}
