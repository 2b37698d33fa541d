/// A BCP 47 language tag such as `id`, `en-US` or `id-ID`, compared by its primary language.
///
/// Selaras works on Indonesian and English, but tags are kept whole so that what a TMX file
/// said (`EN-US`, `id-ID`) can be written back. The deprecated code `in` reads as `id`.
public struct LanguageTag: Hashable, Sendable, CustomStringConvertible, Codable {
  /// The tag as given, with `_` read as `-`.
  public let rawValue: String

  public static let indonesian = LanguageTag("id")
  public static let english = LanguageTag("en")

  /// The primary language subtag, lowercased (`EN-US` → `en`, `in-ID` → `id`).
  public let language: String

  public init(_ rawValue: String) {
    // Most tags are a bare lowercase subtag (`en`, `id`), as the memory stores them.
    if rawValue.utf8.allSatisfy({ (0x61...0x7A).contains($0) }) {
      self.rawValue = rawValue
      language = rawValue == "in" ? "id" : rawValue
      return
    }
    let tag = rawValue.utf8.contains(UInt8(ascii: "_")) ? rawValue.replacingOccurrences(of: "_", with: "-") : rawValue
    self.rawValue = tag
    let primary = tag.split(separator: "-", maxSplits: 1).first.map { $0.lowercased() } ?? ""
    language = primary == "in" ? "id" : primary
  }

  public var description: String { rawValue }

  public static func == (lhs: LanguageTag, rhs: LanguageTag) -> Bool {
    lhs.language == rhs.language
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(language)
  }

  public init(from decoder: any Decoder) throws {
    self.init(try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
