/// What a fuzzy search of a translation memory looks for.
public struct MemorySearchOptions: Hashable, Sendable, Codable {
  /// The language of the query: units are matched on their side in it, either side.
  public var language: LanguageTag
  /// The lowest match percentage returned, 0…100.
  public var minimumScore: Int
  /// The most matches returned.
  public var limit: Int

  public init(language: LanguageTag, minimumScore: Int = 70, limit: Int = 10) {
    self.language = language
    self.minimumScore = minimumScore
    self.limit = limit
  }
}
