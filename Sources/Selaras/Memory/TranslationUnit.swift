import Foundation

/// A source segment and its translation, with where it came from.
public struct TranslationUnit: Hashable, Sendable, Codable {
  public var sourceLanguage: LanguageTag
  public var targetLanguage: LanguageTag
  public var source: String
  public var target: String
  /// The article or file the pair came from.
  public var document: String?
  /// The aligner's confidence in the pair, when it came from an alignment.
  public var score: Double?
  public var creationTool: String?
  public var creationDate: Date?
  public var changeDate: Date?
  public var user: String?
  /// TMX `<prop type="…">` values other than the ones above, and `<note>`s (as "note").
  public var properties: [Property]

  public struct Property: Hashable, Sendable, Codable {
    public var type: String
    public var value: String

    public init(type: String, value: String) {
      self.type = type
      self.value = value
    }
  }

  public init(
    sourceLanguage: LanguageTag, targetLanguage: LanguageTag, source: String, target: String, document: String? = nil,
    score: Double? = nil, creationTool: String? = nil, creationDate: Date? = nil, changeDate: Date? = nil,
    user: String? = nil, properties: [Property] = []
  ) {
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.source = source
    self.target = target
    self.document = document
    self.score = score
    self.creationTool = creationTool
    self.creationDate = creationDate
    self.changeDate = changeDate
    self.user = user
    self.properties = properties
  }
}

extension TranslationUnit {
  /// The unit read the other way round: source and target, with their languages, swapped.
  public var reversed: TranslationUnit {
    var unit = self
    (unit.sourceLanguage, unit.targetLanguage) = (targetLanguage, sourceLanguage)
    (unit.source, unit.target) = (target, source)
    return unit
  }

  /// The unit as it is when its source is in `language`, else ``reversed``: how an export
  /// with one source language writes every unit.
  public func turned(toSource language: LanguageTag) -> TranslationUnit {
    sourceLanguage == language ? self : reversed
  }
}

extension TranslationUnit {
  /// The property that holds a pair's review status (`<prop type="x-status">` in TMX), as
  /// `selaras review` stores it.
  public static let reviewStatusProperty = "x-status"

  /// The property that says which side of a pair the person reviewing it corrected
  /// (`<prop type="x-edited">` in TMX): `source`, `target` or `both`, as `selaras review`
  /// stores it; a pair without it has the texts the aligner was given.
  public static let reviewEditedProperty = "x-edited"

  /// Where a person reviewing the pair got with it, when one did.
  public var reviewStatus: BeadStatus? {
    properties.first { $0.type == Self.reviewStatusProperty }.flatMap { BeadStatus(rawValue: $0.value) }
  }

  /// Whether a person accepted or edited the pair: its first review status says so.
  public var isReviewed: Bool { reviewStatus.map(BeadStatus.reviewed.contains) ?? false }

  /// The ids among `statuses` whose first review status (``reviewStatus``: the first
  /// `x-status` property's value of each unit, in the order the unit holds its properties)
  /// says a person accepted or edited the pair, as ``isReviewed`` reads a unit whole.
  package static func reviewed(firstStatuses statuses: [(id: Int64, status: String)]) -> Set<Int64> {
    var seen = Set<Int64>()
    var reviewed = Set<Int64>()
    for (id, status) in statuses where seen.insert(id).inserted {
      if BeadStatus(rawValue: status).map(BeadStatus.reviewed.contains) == true { reviewed.insert(id) }
    }
    return reviewed
  }
}
