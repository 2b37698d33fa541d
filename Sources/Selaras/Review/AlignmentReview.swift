/// Why an edit could not be made: the alignment is left as it was.
public struct ReviewError: Error, Hashable, Sendable, CustomStringConvertible {
  public var description: String

  public init(_ description: String) {
    self.description = description
  }
}

/// An alignment under review: its beads with their status, the edits a reviewer makes, and
/// their undo and redo. Every edit keeps the alignment's contract — every sentence of both
/// sides in exactly one bead, in order — or is refused and changes nothing.
public struct AlignmentReview: Sendable {
  /// The sentences, and the beads as they stand now, each with its status.
  public private(set) var document: AlignmentDocument
  private var undoStack: [[AlignmentDocument.Bead]] = []
  private var redoStack: [[AlignmentDocument.Bead]] = []

  /// Starts a review of `document`; beads without a status (a fresh alignment) are pending,
  /// those with one (a saved review) keep it.
  public init(_ document: AlignmentDocument) throws(ReviewError) {
    var document = document
    for index in document.beads.indices where document.beads[index].status == nil {
      document.beads[index].status = .pending
    }
    try Self.check(document.beads, sources: document.source.count, targets: document.target.count)
    self.document = document
  }

  public var beads: [AlignmentDocument.Bead] { document.beads }
  public var canUndo: Bool { !undoStack.isEmpty }
  public var canRedo: Bool { !redoStack.isEmpty }

  /// Makes `edit`, or throws and changes nothing.
  public mutating func apply(_ edit: ReviewEdit) throws(ReviewError) {
    switch edit {
    case .undo:
      guard let previous = undoStack.popLast() else { throw ReviewError("nothing to undo") }
      redoStack.append(document.beads)
      document.beads = previous
      return
    case .redo:
      guard let next = redoStack.popLast() else { throw ReviewError("nothing to redo") }
      undoStack.append(document.beads)
      document.beads = next
      return
    default:
      let changed = try Self.edited(document.beads, edit)
      try Self.check(changed, sources: document.source.count, targets: document.target.count)
      guard changed != document.beads else { return }
      undoStack.append(document.beads)
      redoStack.removeAll()
      document.beads = changed
    }
  }

  private static func edited(_ beads: [AlignmentDocument.Bead], _ edit: ReviewEdit) throws(ReviewError)
    -> [AlignmentDocument.Bead]
  {
    var beads = beads
    func bead(_ index: Int) throws(ReviewError) -> AlignmentDocument.Bead {
      guard beads.indices.contains(index) else {
        throw ReviewError("bead \(index) is out of range: there are \(beads.count) beads, from 0")
      }
      return beads[index]
    }
    switch edit {
    case .merge(let index):
      let first = try bead(index)
      let second = try bead(index + 1)
      var merged = AlignmentDocument.Bead(
        source: first.source + second.source, target: first.target + second.target, score: nil, status: .edited)
      merged.score = [first.score, second.score].compactMap { $0 }.min { $0.value < $1.value }
      beads.replaceSubrange(index...(index + 1), with: [merged])
    case .split(let index, let sourceCount, let targetCount):
      let original = try bead(index)
      guard (0...original.source.count).contains(sourceCount), (0...original.target.count).contains(targetCount)
      else {
        throw ReviewError(
          "bead \(index) has \(original.source.count) source and \(original.target.count) target sentences: "
            + "cannot keep \(sourceCount) and \(targetCount)")
      }
      let kept = sourceCount + targetCount
      let rest = original.source.count + original.target.count - kept
      guard kept > 0, rest > 0 else { throw ReviewError("a split must leave sentences on both sides of the cut") }
      var first = original
      first.source = Array(original.source.prefix(sourceCount))
      first.target = Array(original.target.prefix(targetCount))
      first.status = .edited
      var second = original
      second.source = Array(original.source.dropFirst(sourceCount))
      second.target = Array(original.target.dropFirst(targetCount))
      second.status = .edited
      beads.replaceSubrange(index...index, with: [first, second])
    case .moveUp(let index, let side), .moveDown(let index, let side):
      let up = if case .moveUp = edit { true } else { false }
      let original = try bead(index)
      let neighbour = up ? index - 1 : index + 1
      guard beads.indices.contains(neighbour) else {
        throw ReviewError("bead \(index) has no bead \(up ? "above" : "below") to move a sentence to")
      }
      guard let sentence = up ? original[keyPath: side.sentences].first : original[keyPath: side.sentences].last else {
        throw ReviewError("bead \(index) has no \(side.rawValue) sentence to move")
      }
      if up {
        beads[neighbour][keyPath: side.sentences].append(sentence)
        beads[index][keyPath: side.sentences].removeFirst()
      } else {
        beads[neighbour][keyPath: side.sentences].insert(sentence, at: 0)
        beads[index][keyPath: side.sentences].removeLast()
      }
      beads[neighbour].status = .edited
      beads[index].status = .edited
      if beads[index].source.isEmpty && beads[index].target.isEmpty { beads.remove(at: index) }
    case .null(let index):
      let original = try bead(index)
      let nulls =
        original.source.map { AlignmentDocument.Bead(source: [$0], target: [], score: nil, status: .edited) }
        + original.target.map { AlignmentDocument.Bead(source: [], target: [$0], score: nil, status: .edited) }
      beads.replaceSubrange(index...index, with: nulls)
    case .accept(let index):
      _ = try bead(index)
      beads[index].status = .accepted
    case .acceptAbove(let score):
      for index in beads.indices where beads[index].status == .pending && (beads[index].score?.value ?? 0) >= score {
        beads[index].status = .accepted
      }
    case .undo, .redo:
      break
    }
    return beads
  }

  /// Throws unless every sentence of both sides is in exactly one bead, in order, and no
  /// bead is empty.
  static func check(_ beads: [AlignmentDocument.Bead], sources: Int, targets: Int) throws(ReviewError) {
    var nextSource = 0
    var nextTarget = 0
    for (index, bead) in beads.enumerated() {
      guard !bead.source.isEmpty || !bead.target.isEmpty else { throw ReviewError("bead \(index) is empty") }
      for sentence in bead.source {
        guard sentence == nextSource else {
          throw ReviewError("bead \(index): source sentence \(sentence) where \(nextSource) comes next")
        }
        nextSource += 1
      }
      for sentence in bead.target {
        guard sentence == nextTarget else {
          throw ReviewError("bead \(index): target sentence \(sentence) where \(nextTarget) comes next")
        }
        nextTarget += 1
      }
    }
    guard nextSource == sources, nextTarget == targets else {
      throw ReviewError(
        "the beads hold \(nextSource) of \(sources) source and \(nextTarget) of \(targets) target sentences")
    }
  }
}
