/// What a fuzzy search of a translation memory looks for.
public struct MemorySearchOptions: Hashable, Sendable, Codable {
  /// The language of the query: units are matched on their side in it, either side.
  public var language: LanguageTag
  /// The lowest match percentage returned, 0…100.
  public var minimumScore: Int
  /// The most matches returned.
  public var limit: Int
  /// When the search gives up (``MemorySearchTimeout``) rather than go on scoring for an
  /// answer nobody waits for any more (a server's request past its time); nil, never.
  public var deadline: ContinuousClock.Instant?

  public init(
    language: LanguageTag, minimumScore: Int = 70, limit: Int = 10, deadline: ContinuousClock.Instant? = nil
  ) {
    self.language = language
    self.minimumScore = minimumScore
    self.limit = limit
    self.deadline = deadline
  }

  private enum CodingKeys: String, CodingKey {
    case language, minimumScore, limit
  }
}

/// A search stopped at its ``MemorySearchOptions/deadline``.
public struct MemorySearchTimeout: Error, CustomStringConvertible, Sendable {
  public init() {}

  public var description: String { "the memory search ran past its deadline" }
}
