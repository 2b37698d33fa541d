import Foundation

/// Writes TMX 1.4b, streaming: the header first, then units as they come.
///
/// ```swift
/// let writer = TMXWriter(sourceLanguage: .english, targetLanguage: .indonesian)
/// var text = writer.header()
/// text += writer.unit(TranslationUnit(sourceLanguage: .english, targetLanguage: .indonesian,
///                                     source: "Hello.", target: "Halo."))
/// text += writer.footer()
/// ```
public struct TMXWriter: UnitWriter {
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

  public func footer() -> String {
    "  </body>\n</tmx>\n"
  }

  /// One `<tu>` for a stored unit, with its dates, user, document, score and properties.
  public func unit(_ unit: TranslationUnit) -> String {
    var bytes: [UInt8] = []
    append(unit, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The `<tu>` of a stored unit written as UTF-8 onto `bytes`: an export writes a
  /// million, and building strings cost more than reading the units.
  public func append(_ unit: TranslationUnit, to bytes: inout [UInt8]) {
    func add(_ text: StaticString) {
      text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
    func attribute(_ name: StaticString, _ value: String?) {
      guard let value else { return }
      add(" ")
      add(name)
      add("=\"")
      Self.appendEscaped(value, to: &bytes)
      add("\"")
    }
    add("    <tu")
    if let date = unit.creationDate {
      add(" creationdate=\"")
      Self.appendDate(date, to: &bytes)
      add("\"")
    }
    attribute("creationid", unit.user)
    if let date = unit.changeDate {
      add(" changedate=\"")
      Self.appendDate(date, to: &bytes)
      add("\"")
    }
    attribute("creationtool", unit.creationTool)
    add(">\n")
    func property(_ type: String, _ write: (inout [UInt8]) -> Void) {
      add("      <prop type=\"")
      Self.appendEscaped(type, to: &bytes)
      add("\">")
      write(&bytes)
      add("</prop>\n")
    }
    if let score = unit.score { property("x-score") { Self.appendDecimal(score, to: &$0) } }
    if let document = unit.document { property("x-document") { Self.appendEscaped(document, to: &$0) } }
    for item in unit.properties where item.type != "note" {
      property(item.type) { Self.appendEscaped(item.value, to: &$0) }
    }
    for note in unit.properties where note.type == "note" {
      add("      <note>")
      Self.appendEscaped(note.value, to: &bytes)
      add("</note>\n")
    }
    for (language, text) in [(unit.sourceLanguage, unit.source), (unit.targetLanguage, unit.target)] {
      add("      <tuv xml:lang=\"")
      Self.appendEscaped(language.rawValue, to: &bytes)
      add("\"><seg>")
      Self.appendEscaped(text, to: &bytes)
      add("</seg></tuv>\n")
    }
    add("    </tu>\n")
  }

  /// `text` escaped for XML (``Swift/String/xmlEscaped``) onto `bytes`, copied whole when
  /// it needs no escaping, as nearly all text does.
  static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
    var text = text
    let plain = text.withUTF8 { utf8 in
      guard !utf8.contains(where: String.needsXMLEscaping) else { return false }
      bytes.append(contentsOf: utf8)
      return true
    }
    if !plain { bytes.append(contentsOf: text.xmlEscaped.utf8) }
  }

  /// Reads a TMX date, `YYYYMMDDThhmmssZ` (UTC).
  public static func parseDate(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for byte in bytes[range] {
        guard (0x30...0x39).contains(byte) else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8), let hour = number(9..<11),
      let minute = number(11..<13), let second = number(13..<15), (1...12).contains(month), (1...31).contains(day),
      hour < 24, minute < 60, second < 61
    else { return nil }
    let days = CivilCalendar.days(year: year, month: month, day: day)
    return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
  }

  /// A TMX date, `YYYYMMDDThhmmssZ` in UTC.
  public static func date(_ date: Date) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(16)
    appendDate(date, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// ``date(_:)`` onto `bytes`; by hand, as String(format:) costs more than the rest of
  /// writing a unit.
  static func appendDate(_ date: Date, to bytes: inout [UInt8]) {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let days = Int((Double(seconds) / 86_400).rounded(.down))
    let (year, month, day) = CivilCalendar.date(days: days)
    let time = seconds - days * 86_400
    appendZeroPadded(year, 4, to: &bytes)
    appendZeroPadded(month, 2, to: &bytes)
    appendZeroPadded(day, 2, to: &bytes)
    bytes.append(UInt8(ascii: "T"))
    appendZeroPadded(time / 3_600, 2, to: &bytes)
    appendZeroPadded(time / 60 % 60, 2, to: &bytes)
    appendZeroPadded(time % 60, 2, to: &bytes)
    bytes.append(UInt8(ascii: "Z"))
  }

  /// Appends `value` as printf's `%0*d` writes it: at least `width` characters, zeros after
  /// the sign.
  static func appendZeroPadded(_ value: Int, _ width: Int, to bytes: inout [UInt8]) {
    let magnitude = value.magnitude
    var power: UInt = 1
    var digits = 1
    while magnitude / power >= 10 {
      power *= 10
      digits += 1
    }
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    for _ in 0..<max(0, width - digits - (value < 0 ? 1 : 0)) { bytes.append(UInt8(ascii: "0")) }
    while power > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(magnitude / power % 10))
      power /= 10
    }
  }

  /// A score with three decimals (`0.930`), as `String(format: "%.3f")` writes it.
  static func decimal(_ value: Double) -> String {
    var bytes: [UInt8] = []
    appendDecimal(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// ``decimal(_:)`` onto `bytes`.
  static func appendDecimal(_ value: Double, to bytes: inout [UInt8]) {
    guard value.isFinite, abs(value) < 1e12 else {
      bytes.append(contentsOf: String(format: "%.3f", value).utf8)
      return
    }
    let thousandths = Int((abs(value) * 1000).rounded())
    if value < 0 && thousandths > 0 { bytes.append(UInt8(ascii: "-")) }
    appendZeroPadded(thousandths / 1000, 1, to: &bytes)
    bytes.append(UInt8(ascii: "."))
    appendZeroPadded(thousandths % 1000, 3, to: &bytes)
  }
}

/// Days since 1970-01-01 to and from a proleptic Gregorian date, by Howard Hinnant's
/// algorithms: dates in TMX files are read and written by the million, and Calendar is slow.
enum CivilCalendar {
  static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  static func date(days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
