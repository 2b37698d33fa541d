import Foundation

/// An alignment as `selaras align --format json` writes it and `glossary extract`, `check`
/// and the review page read it: `{"source":[…],"target":[…],"beads":[{"source":[0],
/// "target":[0,1],"score":0.930},…]}`, sentence indices into the two lists. A saved review
/// whose sentences a reviewer corrected also has `"edits":[{"side":"target","sentence":3,
/// "original":"…"},…]`; a file without it (every file before) reads as one without edits.
public struct AlignmentDocument: Codable, Hashable, Sendable {
  public var source: [String]
  public var target: [String]
  public var beads: [Bead]
  /// The language data the aligner used, when the writer says.
  public var resources: LanguageResources?
  /// The sentences a reviewer corrected (``ReviewEdit/editText(side:sentence:text:)``), each
  /// with the text it had before, source side first, in sentence order; nil when none was.
  public var edits: [TextEdit]?

  /// A sentence whose text a reviewer corrected: `source` or `target` holds its new text.
  public struct TextEdit: Codable, Hashable, Sendable {
    public var side: BeadSide
    public var sentence: Int
    /// The sentence's text before any correction.
    public var original: String

    public init(side: BeadSide, sentence: Int, original: String) {
      self.side = side
      self.sentence = sentence
      self.original = original
    }
  }

  public struct Bead: Codable, Hashable, Sendable {
    public var source: [Int]
    public var target: [Int]
    /// The bead's confidence, three decimals; a file written by hand may leave it out.
    public var score: DecimalNumber?
    /// Where a review has got with the bead (`selaras review` saves it); nil before any.
    public var status: BeadStatus?

    public init(source: [Int], target: [Int], score: Double?, status: BeadStatus? = nil) {
      self.source = source
      self.target = target
      self.score = score.map { DecimalNumber($0) }
      self.status = status
    }
  }

  public init(
    source: [String], target: [String], beads: [Bead], resources: LanguageResources? = nil, edits: [TextEdit]? = nil
  ) {
    self.source = source
    self.target = target
    self.beads = beads
    self.resources = resources
    self.edits = edits
  }

  /// The document of an aligned article, made with `resources`.
  public init(_ article: AlignedArticle, resources: LanguageResources? = nil) {
    self.init(
      source: article.source.map(\.text), target: article.target.map(\.text),
      beads: article.beads.map { Bead(source: Array($0.source), target: Array($0.target), score: $0.score) },
      resources: resources)
  }

  /// The document in `data`, checked: every bead's and edit's indices point at sentences.
  /// `file` names the file in errors.
  public static func read(_ data: Data, file: String) throws -> AlignmentDocument {
    let document: AlignmentDocument
    do {
      document = try JSONDecoder().decode(AlignmentDocument.self, from: data)
    } catch DecodingError.dataCorrupted(let context) {
      throw AlignmentFileError(description: "\(file): not JSON (\(context.debugDescription))")
    } catch {
      throw AlignmentFileError(
        description: "\(file): not an alignment; expected {\"source\":[…],\"target\":[…],\"beads\":[…]} as `selaras align --format json` writes")
    }
    for (number, bead) in document.beads.enumerated() {
      guard bead.source.allSatisfy(document.source.indices.contains), bead.target.allSatisfy(document.target.indices.contains)
      else {
        throw AlignmentFileError(description: "\(file): bead \(number + 1) points past the sentences")
      }
    }
    for (number, edit) in (document.edits ?? []).enumerated() {
      guard document[keyPath: edit.side.texts].indices.contains(edit.sentence) else {
        throw AlignmentFileError(description: "\(file): edit \(number + 1) points past the sentences")
      }
    }
    return document
  }
}
