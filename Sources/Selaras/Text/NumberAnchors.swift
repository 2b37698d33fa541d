/// Language-independent anchors for numbers, dates and times, so that `1.500` (id) and
/// `1,500` (en), `6,00 persen` and `6.00%`, `(25/10/2023)` and `Oct 25`, `pukul 13.21` and
/// `1:21 p.m.` come out the same.
///
/// Anchors are strings: `#1500`, `#6`, `#1.71` for values; `m10` for a month;
/// `d3` for a weekday (Monday = 1); `t13:21` for a time of day.
package enum NumberAnchors {
  /// The anchors of a tokenized sentence in `language` (`id` or `en`).
  package static func anchors(of tokens: [WordToken], language: String) -> [String] {
    var result: [String] = []
    for (index, token) in tokens.enumerated() {
      switch token.kind {
      case .number:
        let previous = index > 0 ? tokens[index - 1].text.lowercased() : ""
        let next = index + 1 < tokens.count ? tokens[index + 1].text.lowercased() : ""
        result += anchors(ofNumber: token.text, language: language, previous: previous, next: next)
      case .word:
        if token.isCapitalized, let anchor = calendarAnchor(token.text.lowercased()) {
          result.append(anchor)
        }
      }
    }
    return result
  }

  /// `m10` for a month's name (`oktober`, `oct`), `d3` for a weekday's (`rabu`, `wednesday`),
  /// given lowercased; nil for any other word.
  static func calendarAnchor(_ word: String) -> String? {
    if let month = months[word] { return "m\(month)" }
    if let day = weekdays[word] { return "d\(day)" }
    return nil
  }

  static func anchors(ofNumber text: String, language: String, previous: String, next: String) -> [String] {
    if text.utf8.contains(UInt8(ascii: "/")) {
      let parts = text.split(separator: "/").compactMap { Int($0) }
      guard parts.count >= 2, (1...12).contains(parts[1]), (1...31).contains(parts[0]) else {
        return parts.map { "#\($0)" }
      }
      return ["#\(parts[0])", "m\(parts[1])"] + parts.dropFirst(2).map { "#\($0)" }
    }
    if text.utf8.contains(UInt8(ascii: ":")) {
      let parts = text.split(separator: ":").compactMap { Int($0) }
      guard parts.count == 2, var hour = parts.first, hour < 24, parts[1] < 60 else { return [] }
      if (next == "pm" || next == "p") && hour < 12 { hour += 12 }
      if (next == "am" || next == "a") && hour == 12 { hour = 0 }
      return [time(hour, parts[1])]
    }
    if language == "id" {
      // Indonesian: "." groups thousands, "," marks decimals; "13.21" after "pukul" is a time.
      let groups = text.split(separator: ".", omittingEmptySubsequences: false)
      if groups.count == 2, groups[1].count == 2, let hour = Int(groups[0]), let minute = Int(groups[1]),
        hour < 24, minute < 60, previous == "pukul" || !text.utf8.contains(UInt8(ascii: ","))
      {
        return [time(hour, minute)]
      }
      let isGrouped = groups.count > 1 && groups.dropFirst().allSatisfy { $0.count == 3 }
      return value(integer: isGrouped ? groups.joined() : text, decimalMark: ",", groupMark: ".")
    }
    return value(integer: text, decimalMark: ".", groupMark: ",")
  }

  /// Whether a number token is a date (`22/11/2024`, `20/11`): what Indonesian news writes
  /// after a weekday (`Jumat (22/11/2024)`) where the wire writes `on Friday`.
  static func isDate(_ text: String) -> Bool {
    guard text.utf8.contains(UInt8(ascii: "/")) else { return false }
    let parts = text.split(separator: "/").compactMap { Int($0) }
    return parts.count >= 2 && (1...12).contains(parts[1]) && (1...31).contains(parts[0])
  }

  private static func value(integer text: String, decimalMark: Character, groupMark: Character) -> [String] {
    var digits = ""
    for character in text {
      if character == groupMark { continue }
      digits.append(character == decimalMark ? "." : character)
    }
    guard let number = Double(digits) else { return [] }
    if number == number.rounded() && abs(number) < 1e15 {
      return ["#\(Int(number))"]
    }
    var rendered = String(number)
    while rendered.hasSuffix("0") { rendered.removeLast() }
    return ["#\(rendered)"]
  }

  private static func time(_ hour: Int, _ minute: Int) -> String {
    "t\(hour):\(minute < 10 ? "0" : "")\(minute)"
  }

  static let months: [String: Int] = [
    "jan": 1, "january": 1, "januari": 1, "feb": 2, "february": 2, "februari": 2, "mar": 3, "march": 3,
    "maret": 3, "apr": 4, "april": 4, "may": 5, "mei": 5, "jun": 6, "june": 6, "juni": 6, "jul": 7,
    "july": 7, "juli": 7, "aug": 8, "august": 8, "agustus": 8, "agt": 8, "ags": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "okt": 10, "oktober": 10, "nov": 11, "november": 11,
    "nop": 11, "dec": 12, "december": 12, "des": 12, "desember": 12,
  ]

  static let weekdays: [String: Int] = [
    "monday": 1, "senin": 1, "tuesday": 2, "selasa": 2, "wednesday": 3, "rabu": 3, "thursday": 4,
    "kamis": 4, "friday": 5, "jumat": 5, "saturday": 6, "sabtu": 6, "sunday": 7, "minggu": 7,
  ]
}
