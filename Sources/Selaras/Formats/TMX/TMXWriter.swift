import Foundation

/// One translation unit to write: a source and a target segment with optional properties
/// (written as `<prop type="x-NAME">`).
public struct TMXUnit: Sendable {
  public var source: String
  public var target: String
  public var properties: [(String, String)]

  public init(source: String, target: String, properties: [(String, String)] = []) {
    self.source = source
    self.target = target
    self.properties = properties
  }
}

/// Writes TMX 1.4b, streaming: the header first, then units as they come.
///
/// ```swift
/// var writer = TMXWriter(sourceLanguage: .english, targetLanguage: .indonesian)
/// var text = writer.header()
/// text += writer.unit(TMXUnit(source: "Hello.", target: "Halo."))
/// text += writer.footer()
/// ```
public struct TMXWriter: Sendable {
  public var sourceLanguage: LanguageTag
  public var targetLanguage: LanguageTag
  public var creationDate: Date
  public static let toolVersion = "0.1.0"

  public init(sourceLanguage: LanguageTag, targetLanguage: LanguageTag, creationDate: Date = Date()) {
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.creationDate = creationDate
  }

  /// The XML declaration, the DOCTYPE, `<tmx>`, the header and `<body>`.
  public func header() -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE tmx SYSTEM "tmx14.dtd">
    <tmx version="1.4">
      <header creationtool="Selaras" creationtoolversion="\(Self.toolVersion)" segtype="sentence" o-tmf="Selaras" \
    adminlang="en" srclang="\(sourceLanguage.rawValue.xmlEscaped)" datatype="plaintext" creationdate="\(Self.date(creationDate))"/>
      <body>

    """
  }

  /// One `<tu>` with a `<tuv>` per language.
  public func unit(_ unit: TMXUnit) -> String {
    var text = "    <tu>\n"
    for (name, value) in unit.properties {
      text += "      <prop type=\"x-\(name.xmlEscaped)\">\(value.xmlEscaped)</prop>\n"
    }
    text += "      <tuv xml:lang=\"\(sourceLanguage.rawValue.xmlEscaped)\"><seg>\(unit.source.xmlEscaped)</seg></tuv>\n"
    text += "      <tuv xml:lang=\"\(targetLanguage.rawValue.xmlEscaped)\"><seg>\(unit.target.xmlEscaped)</seg></tuv>\n"
    return text + "    </tu>\n"
  }

  public func footer() -> String {
    "  </body>\n</tmx>\n"
  }

  /// One `<tu>` for a stored unit, with its dates, user, document, score and properties.
  public func unit(_ unit: TranslationUnit) -> String {
    var attributes = ""
    if let date = unit.creationDate { attributes += " creationdate=\"\(Self.date(date))\"" }
    if let user = unit.user { attributes += " creationid=\"\(user.xmlEscaped)\"" }
    if let date = unit.changeDate { attributes += " changedate=\"\(Self.date(date))\"" }
    if let tool = unit.creationTool { attributes += " creationtool=\"\(tool.xmlEscaped)\"" }
    var text = "    <tu\(attributes)>\n"
    var properties = unit.properties.filter { $0.type != "note" }.map { ($0.type, $0.value) }
    if let document = unit.document { properties.insert(("x-document", document), at: 0) }
    if let score = unit.score { properties.insert(("x-score", String(format: "%.3f", score)), at: 0) }
    for (type, value) in properties {
      text += "      <prop type=\"\(type.xmlEscaped)\">\(value.xmlEscaped)</prop>\n"
    }
    for note in unit.properties where note.type == "note" {
      text += "      <note>\(note.value.xmlEscaped)</note>\n"
    }
    text += "      <tuv xml:lang=\"\(unit.sourceLanguage.rawValue.xmlEscaped)\"><seg>\(unit.source.xmlEscaped)</seg></tuv>\n"
    text += "      <tuv xml:lang=\"\(unit.targetLanguage.rawValue.xmlEscaped)\"><seg>\(unit.target.xmlEscaped)</seg></tuv>\n"
    return text + "    </tu>\n"
  }

  /// Reads a TMX date, `YYYYMMDDThhmmssZ`.
  public static func parseDate(_ text: String) -> Date? {
    let digits = text.filter(\.isNumber)
    guard digits.count == 14, text.hasSuffix("Z") else { return nil }
    let numbers = [0..<4, 4..<6, 6..<8, 8..<10, 10..<12, 12..<14].map { range -> Int in
      Int(digits.dropFirst(range.lowerBound).prefix(range.count))!
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.date(
      from: DateComponents(
        year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4], second: numbers[5]))
  }

  /// A TMX date, `YYYYMMDDThhmmssZ` in UTC.
  public static func date(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    return String(
      format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
  }
}
