import Foundation

/// One segment a CAT tool asks the memory about, with the segments around it when it knows
/// them (for context matches).
public struct LookupSegment: Codable, Hashable, Sendable {
  public var text: String
  public var previous: String?
  public var next: String?

  public init(text: String, previous: String? = nil, next: String? = nil) {
    self.text = text
    self.previous = previous
    self.next = next
  }
}

/// A memory match as a team server hands it out: the score ``TranslationMemory/search(_:options:)``
/// gives, what kind of match it is, and where the pair came from.
public struct LookupMatch: Codable, Hashable, Sendable {
  public enum Kind: String, Codable, Sendable {
    /// The same text (score 100).
    case exact
    /// The same text, with the segments before and after it matching the pairs stored before
    /// and after this one in the same document: the segment is where it was translated.
    case context
    /// A similar text (score below 100).
    case fuzzy
  }

  public struct Origin: Codable, Hashable, Sendable {
    public var document: String?
    public var author: String?
    /// When the pair was last changed (or created), ISO 8601.
    public var changed: String?
    /// Its review status (`pending`, `accepted`, `edited`), when it has one.
    public var status: String?
  }

  public var score: Int
  public var kind: Kind
  public var source: String
  /// The target to offer: the stored target with the segment's placeables substituted
  /// (``MemoryMatch/target``).
  public var target: String
  public var origin: Origin
  /// The unit's identifier in the memory.
  public var id: Int64?
  /// What the target substituted, when anything (``MemoryMatch/substituted``).
  public var substituted: [PlaceableSubstitution]?
  /// The segment's placeables the target does not carry, when any.
  public var unsubstituted: [String]?
}

extension TranslationMemory {
  /// The matches of `segment` (in `source`) that translate into `target`, best first: the
  /// search's matches, each with its kind and origin. Past `deadline`, the search stops with
  /// ``MemorySearchTimeout``.
  public func lookup(
    _ segment: LookupSegment, source: LanguageTag, target: LanguageTag, minimumScore: Int = 70, limit: Int = 5,
    deadline: ContinuousClock.Instant? = nil
  ) async throws -> [LookupMatch] {
    func matches(_ text: String, limit: Int) async throws -> [MemoryMatch] {
      try await search(
        text,
        options: MemorySearchOptions(language: source, minimumScore: minimumScore, limit: limit, deadline: deadline)
      )
      .filter { $0.unit.targetLanguage == target }
    }
    let found = try await matches(segment.text, limit: limit)
    var isContext = false
    if found.first?.score == 100, segment.previous != nil || segment.next != nil {
      // The neighbours' exact matches, in the order Pretranslator reads a document.
      var around: [[MemoryMatch]] = []
      if let previous = segment.previous { around.append(try await matches(previous, limit: 3)) }
      around.append(found)
      if let next = segment.next { around.append(try await matches(next, limit: 3)) }
      isContext = Pretranslator.isContextMatch(segment.previous == nil ? 0 : 1, in: around)
    }
    let dates = ISO8601DateFormatter()
    return found.enumerated().map { index, match in
      let unit = match.unit
      return LookupMatch(
        score: match.score, kind: index == 0 && isContext ? .context : match.score == 100 ? .exact : .fuzzy,
        source: unit.source, target: match.target,
        origin: LookupMatch.Origin(
          document: unit.document, author: unit.user,
          changed: (unit.changeDate ?? unit.creationDate).map { dates.string(from: $0) },
          status: unit.reviewStatus?.rawValue),
        id: match.id, substituted: match.substituted, unsubstituted: match.unsubstituted)
    }
  }
}
