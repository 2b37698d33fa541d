import Foundation

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
  /// The document before each edit, beads and texts (the arrays are shared, not copied, until
  /// an edit changes them).
  private var undoStack: [AlignmentDocument] = []
  private var redoStack: [AlignmentDocument] = []

  /// Starts a review of `document`; beads without a status (a fresh alignment) are pending,
  /// those with one (a saved review) keep it.
  public init(_ document: AlignmentDocument) throws(ReviewError) {
    var document = document
    for index in document.beads.indices where document.beads[index].status == nil {
      document.beads[index].status = .pending
    }
    try Self.check(document.beads, sources: document.source.count, targets: document.target.count)
    for edit in document.edits ?? [] where !document[keyPath: edit.side.texts].indices.contains(edit.sentence) {
      throw ReviewError("the edit of \(edit.side.rawValue) sentence \(edit.sentence) points past the sentences")
    }
    self.document = document
  }

  public var beads: [AlignmentDocument.Bead] { document.beads }
  public var canUndo: Bool { !undoStack.isEmpty }
  public var canRedo: Bool { !redoStack.isEmpty }

  /// Makes `edit`, or throws and changes nothing. An edit that changes nothing (accepting an
  /// accepted bead, a sentence given the text it has) is not one to undo.
  public mutating func apply(_ edit: ReviewEdit) throws(ReviewError) {
    switch edit {
    case .undo:
      guard let previous = undoStack.popLast() else { throw ReviewError("nothing to undo") }
      redoStack.append(document)
      document = previous
      return
    case .redo:
      guard let next = redoStack.popLast() else { throw ReviewError("nothing to redo") }
      undoStack.append(document)
      document = next
      return
    case .editText(let side, let sentence, let text):
      var changed = document
      try Self.correct(&changed, side: side, sentence: sentence, text: text)
      guard changed != document else { return }
      undoStack.append(document)
      redoStack.removeAll()
      document = changed
    default:
      let changed = try Self.edited(document.beads, edit)
      try Self.check(changed, sources: document.source.count, targets: document.target.count)
      guard changed != document.beads else { return }
      undoStack.append(document)
      redoStack.removeAll()
      document.beads = changed
    }
  }

  /// Gives sentence `sentence` of `side` the text `text` (without the spaces around it),
  /// marks its bead edited and records the text it had first in ``AlignmentDocument/edits``;
  /// a text back to that first one drops the record. Changes nothing when the text is the
  /// sentence's own.
  ///
  /// - Throws: ``ReviewError`` for a sentence out of range, and for a text that is empty, only
  ///   spaces, or holds a line break or another control character (a sentence is one line).
  private static func correct(_ document: inout AlignmentDocument, side: BeadSide, sentence: Int, text: String)
    throws(ReviewError)
  {
    let texts = document[keyPath: side.texts]
    guard texts.indices.contains(sentence) else {
      throw ReviewError(
        "\(side.rawValue) sentence \(sentence) is out of range: there are \(texts.count) \(side.rawValue) sentences, "
          + "from 0")
    }
    if let scalar = text.unicodeScalars.first(where: breaksLine) {
      let code = String(scalar.value, radix: 16, uppercase: true)
      throw ReviewError(
        "a sentence is one line of text: this one has a line break or control character "
          + "(U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code))")
    }
    let text = text.trimmingCharacters(in: .whitespaces)
    guard !text.isEmpty else {
      throw ReviewError(
        "\(side.rawValue) sentence \(sentence) cannot be left empty: make its bead null, or move the sentence, instead")
    }
    guard text != texts[sentence] else { return }
    var edits = document.edits ?? []
    if let index = edits.firstIndex(where: { $0.side == side && $0.sentence == sentence }) {
      if edits[index].original == text { edits.remove(at: index) }
    } else {
      edits.append(AlignmentDocument.TextEdit(side: side, sentence: sentence, original: texts[sentence]))
      // "source" sorts before "target".
      edits.sort { ($0.side.rawValue, $0.sentence) < ($1.side.rawValue, $1.sentence) }
    }
    document.edits = edits.isEmpty ? nil : edits
    document[keyPath: side.texts][sentence] = text
    if let bead = document.beads.firstIndex(where: { $0[keyPath: side.sentences].contains(sentence) }) {
      document.beads[bead].status = .edited
    }
  }

  /// Whether `scalar` has no place in a one-line sentence: a control character (line
  /// breaks and tab among them), or the line and paragraph separators.
  private static func breaksLine(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .lineSeparator, .paragraphSeparator: true
    default: false
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
    case .undo, .redo, .editText:
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
