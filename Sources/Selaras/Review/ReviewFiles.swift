/// The files an alignment under review came from, as the review page's header names them:
/// `{"source":"economy.en.txt","target":"economy.id.txt"}` for a pair aligned for the review,
/// `{"alignment":"story.json"}` for an alignment loaded.
public struct ReviewFiles: Codable, Hashable, Sendable {
  /// The source text's file name (or address, for a page read from the web).
  public var source: String?
  public var target: String?
  /// The alignment file's name, when the review loaded one.
  public var alignment: String?

  /// The files of a pair aligned for the review.
  public init(source: String, target: String) {
    self.source = source
    self.target = target
  }

  /// The file of an alignment loaded for the review.
  public init(alignment: String) {
    self.alignment = alignment
  }
}
