/// One change a reviewer makes to an alignment, as the review page posts it:
/// `{"op":"merge","bead":I}`, `{"op":"split","bead":I,"source":K,"target":L}`,
/// `{"op":"move-up","bead":I,"side":"source"}`, `{"op":"move-down","bead":I,"side":"target"}`,
/// `{"op":"null","bead":I}`, `{"op":"accept","bead":I}`, `{"op":"accept-above","score":X}`,
/// `{"op":"edit-text","side":"target","sentence":K,"text":"…"}`, `{"op":"undo"}`, `{"op":"redo"}`.
public enum ReviewEdit: Sendable, Hashable, Codable {
  /// Bead I and bead I+1 become one.
  case merge(bead: Int)
  /// The first `source` source and `target` target sentences stay in bead I; the rest form a
  /// new bead after it.
  case split(bead: Int, source: Int, target: Int)
  /// The first sentence of one side of bead I moves to the end of that side of bead I-1; a bead
  /// left with no sentence goes.
  case moveUp(bead: Int, side: BeadSide)
  /// The last sentence of one side of bead I moves to the start of that side of bead I+1; a
  /// bead left with no sentence goes.
  case moveDown(bead: Int, side: BeadSide)
  /// Each sentence of bead I becomes a bead of its own, with nothing on the other side.
  case null(bead: Int)
  case accept(bead: Int)
  /// Every pending bead scoring at least `score` is accepted.
  case acceptAbove(score: Double)
  /// Sentence K of one side reads `text` instead: a reviewer's correction, one line, not
  /// empty. The bead holding it becomes edited; the text it had is kept
  /// (``AlignmentDocument/edits``).
  case editText(side: BeadSide, sentence: Int, text: String)
  case undo
  case redo

  private enum CodingKeys: String, CodingKey {
    case op, bead, source, target, score, side, sentence, text
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let op = try container.decode(String.self, forKey: .op)
    switch op {
    case "merge": self = .merge(bead: try container.decode(Int.self, forKey: .bead))
    case "split":
      self = .split(
        bead: try container.decode(Int.self, forKey: .bead), source: try container.decode(Int.self, forKey: .source),
        target: try container.decode(Int.self, forKey: .target))
    case "move-up":
      self = .moveUp(
        bead: try container.decode(Int.self, forKey: .bead), side: try container.decode(BeadSide.self, forKey: .side))
    case "move-down":
      self = .moveDown(
        bead: try container.decode(Int.self, forKey: .bead), side: try container.decode(BeadSide.self, forKey: .side))
    case "null": self = .null(bead: try container.decode(Int.self, forKey: .bead))
    case "accept": self = .accept(bead: try container.decode(Int.self, forKey: .bead))
    case "accept-above": self = .acceptAbove(score: try container.decode(Double.self, forKey: .score))
    case "edit-text":
      self = .editText(
        side: try container.decode(BeadSide.self, forKey: .side),
        sentence: try container.decode(Int.self, forKey: .sentence),
        text: try container.decode(String.self, forKey: .text))
    case "undo": self = .undo
    case "redo": self = .redo
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .op, in: container,
        debugDescription:
          "unknown op '\(op)': merge, split, move-up, move-down, null, accept, accept-above, edit-text, undo or redo")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .merge(let bead):
      try container.encode("merge", forKey: .op)
      try container.encode(bead, forKey: .bead)
    case .split(let bead, let source, let target):
      try container.encode("split", forKey: .op)
      try container.encode(bead, forKey: .bead)
      try container.encode(source, forKey: .source)
      try container.encode(target, forKey: .target)
    case .moveUp(let bead, let side):
      try container.encode("move-up", forKey: .op)
      try container.encode(bead, forKey: .bead)
      try container.encode(side, forKey: .side)
    case .moveDown(let bead, let side):
      try container.encode("move-down", forKey: .op)
      try container.encode(bead, forKey: .bead)
      try container.encode(side, forKey: .side)
    case .null(let bead):
      try container.encode("null", forKey: .op)
      try container.encode(bead, forKey: .bead)
    case .accept(let bead):
      try container.encode("accept", forKey: .op)
      try container.encode(bead, forKey: .bead)
    case .acceptAbove(let score):
      try container.encode("accept-above", forKey: .op)
      try container.encode(score, forKey: .score)
    case .editText(let side, let sentence, let text):
      try container.encode("edit-text", forKey: .op)
      try container.encode(side, forKey: .side)
      try container.encode(sentence, forKey: .sentence)
      try container.encode(text, forKey: .text)
    case .undo: try container.encode("undo", forKey: .op)
    case .redo: try container.encode("redo", forKey: .op)
    }
  }
}

/// One side of a bead: its source or its target sentences.
public enum BeadSide: String, Sendable, Hashable, Codable {
  case source, target

  var sentences: WritableKeyPath<AlignmentDocument.Bead, [Int]> {
    switch self {
    case .source: \.source
    case .target: \.target
    }
  }

  /// The side's sentence texts in a document.
  var texts: WritableKeyPath<AlignmentDocument, [String]> {
    switch self {
    case .source: \.source
    case .target: \.target
    }
  }
}
