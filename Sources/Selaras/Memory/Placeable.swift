/// A number, date, weekday or time in a segment, with its value and how it is written: what
/// a fuzzy match substitutes (``PlaceableSubstitution``).
///
/// Found over a segment's ``MatchToken``s in its language's conventions: `6,00` is six in
/// Indonesian and `6.00` in English; `1.500` is fifteen hundred in Indonesian; `Nov 20`,
/// `Nov. 20, 2024`, `20 November 2024` and `(20/11/2024)` are dates; `1:21 p.m.`, `13:21` and
/// `pukul 13.21` are times; `Rabu`, `Wednesday` weekdays.
struct Placeable: Equatable {
  enum Value: Equatable {
    case number(NumberValue)
    case date(day: Int?, month: Int, year: Int?)
    case weekday(Int)
    case time(hour: Int, minute: Int)
    /// A number Selaras cannot read (`1/2`, `13.21` in English): equal only to the same text.
    case other(String)

    var isWeekday: Bool {
      if case .weekday = self { return true }
      return false
    }
  }

  /// How a date or time is written, so that a new value can be written the same way.
  enum Style: Equatable {
    case plain
    /// `20/11/2024`: day, month and year, each part's digits as written.
    case slashes(parts: [Substring])
    /// `20 November 2024`.
    case dayMonth(month: Substring, year: Bool)
    /// `Nov 20`, `Nov. 20, 2024`.
    case monthDay(month: Substring, stop: Bool, year: Bool)
    /// `November`, `November 2024`.
    case month(month: Substring, year: Bool)
    /// `13.21`, `09.00` (Indonesian), `13:21`: whether the hour has two digits always.
    case twentyFourHour(separator: Character, padded: Bool)
    /// `1:21 p.m.`, `9 a.m.`: the hour from 1 to 12, minutes unless they are none (`9 a.m.`),
    /// the meridiem as written and what separates them.
    case twelveHour(meridiem: Substring, gap: Substring)
  }

  var value: Value
  var style: Style
  /// The indices of its tokens.
  var tokens: ClosedRange<Int>
  /// Its UTF-8 offsets in the segment.
  var range: Range<Int>
  var text: Substring

  /// Whether `other` (in another segment, perhaps another language) stands for the same
  /// thing: equal numbers, the same day, the same time. A date without a year matches one with.
  func sameValue(as other: Placeable) -> Bool {
    switch (value, other.value) {
    case (.date(let day, let month, let year), .date(let otherDay, let otherMonth, let otherYear)):
      return day == otherDay && month == otherMonth && (year == nil || otherYear == nil || year == otherYear)
    default:
      return value == other.value
    }
  }

  /// The placeables of `text` (tokens from ``MatchToken/tokens(of:)``) in `language`, in order.
  static func all(in text: String, tokens: [MatchToken], language: String) -> [Placeable] {
    let utf8 = Array(text.utf8)
    func string(_ token: Int) -> Substring {
      Substring(decoding: utf8[tokens[token].range], as: UTF8.self)
    }
    func lowercased(_ token: Int) -> String { string(token).lowercased() }
    func isNumber(_ token: Int) -> Bool { token < tokens.count && tokens[token].kind == .number }
    func isPunctuation(_ token: Int, _ mark: String) -> Bool {
      token < tokens.count && tokens[token].kind == .punctuation && string(token) == mark
    }
    func plainInteger(_ token: Int, in range: ClosedRange<Int>) -> Int? {
      guard isNumber(token) else { return nil }
      let text = string(token)
      guard text.allSatisfy(\.isASCII), let value = Int(text), range.contains(value) else { return nil }
      return value
    }
    // A year after a date: `2024`, `, 2024`.
    func year(after token: Int) -> (year: Int, last: Int)? {
      if let year = plainInteger(token + 1, in: 1900...2199) { return (year, token + 1) }
      if isPunctuation(token + 1, ","), let year = plainInteger(token + 2, in: 1900...2199) { return (year, token + 2) }
      return nil
    }
    func number(_ text: Substring) -> Value {
      NumberValue(text, language: language).map(Value.number) ?? .other(String(text))
    }
    var found: [Placeable] = []
    func add(_ value: Value, _ style: Style, _ first: Int, _ last: Int) {
      let range = tokens[first].range.lowerBound..<tokens[last].range.upperBound
      found.append(
        Placeable(
          value: value, style: style, tokens: first...last, range: range,
          text: Substring(decoding: utf8[range], as: UTF8.self)))
    }
    var index = 0
    while index < tokens.count {
      let before = found.count
      defer { index = found.count > before ? found[found.count - 1].tokens.upperBound + 1 : index + 1 }
      switch tokens[index].kind {
      case .weekday:
        if let day = NumberAnchors.weekdays[lowercased(index)] { add(.weekday(day), .plain, index, index) }
      case .month:
        guard let month = NumberAnchors.months[lowercased(index)] else { continue }
        let name = string(index)
        let stop = isPunctuation(index + 1, ".")
        let dayToken = stop ? index + 2 : index + 1
        if let day = plainInteger(dayToken, in: 1...31) {
          let after = year(after: dayToken)
          add(
            .date(day: day, month: month, year: after?.year), .monthDay(month: name, stop: stop, year: after != nil),
            index, after?.last ?? dayToken)
        } else {
          let after = plainInteger(index + 1, in: 1900...2199)
          add(
            .date(day: nil, month: month, year: after), .month(month: name, year: after != nil), index,
            after == nil ? index : index + 1)
        }
      case .number:
        let text = string(index)
        if let day = plainInteger(index, in: 1...31), index + 1 < tokens.count, tokens[index + 1].kind == .month,
          let month = NumberAnchors.months[lowercased(index + 1)]
        {
          let after = plainInteger(index + 2, in: 1900...2199)
          add(
            .date(day: day, month: month, year: after), .dayMonth(month: string(index + 1), year: after != nil), index,
            after == nil ? index + 1 : index + 2)
        } else if text.contains("/") {
          let parts = text.split(separator: "/", omittingEmptySubsequences: false)
          guard NumberAnchors.isDate(String(text)), parts.count <= 3, let day = Int(parts[0]), let month = Int(parts[1])
          else {
            add(.other(String(text)), .plain, index, index)
            continue
          }
          let year = parts.count == 3 ? Int(parts[2]).map { $0 < 100 ? 2000 + $0 : $0 } : nil
          add(.date(day: day, month: month, year: year), .slashes(parts: parts), index, index)
        } else if let time = time(
          text, language: language, previous: index > 0 ? lowercased(index - 1) : "",
          next: index + 1 < tokens.count ? lowercased(index + 1) : "")
          ?? plainInteger(index, in: 1...12).map({ ($0, -1) })
        {
          var (hour, minute) = time
          if text.contains(":") || minute < 0, index + 1 < tokens.count, tokens[index + 1].kind == .word,
            let meridiem = ["am": 0, "pm": 12, "a": 0, "p": 12][
              lowercased(index + 1).replacingOccurrences(of: ".", with: "")],
            (1...12).contains(hour)
          {
            hour = hour % 12 + meridiem
            let gap = Substring(
              decoding: utf8[tokens[index].range.upperBound..<tokens[index + 1].range.lowerBound], as: UTF8.self)
            add(
              .time(hour: hour, minute: max(minute, 0)), .twelveHour(meridiem: string(index + 1), gap: gap), index,
              index + 1)
          } else if minute >= 0 {
            let separator: Character = text.contains(":") ? ":" : "."
            add(
              .time(hour: hour, minute: minute), .twentyFourHour(separator: separator, padded: text.hasPrefix("0")),
              index, index)
          } else {
            add(number(text), .plain, index, index)
          }
        } else {
          add(number(text), .plain, index, index)
        }
      default:
        continue
      }
    }
    return found
  }

  /// A time of day written as one number: `13:21`, `1:21` (before a meridiem), or in
  /// Indonesian `13.21` after `pukul` or before `WIB`, `WITA`, `WIT`.
  private static func time(_ text: Substring, language: String, previous: String, next: String) -> (Int, Int)? {
    let separator: Character
    if text.contains(":") {
      separator = ":"
    } else if language == "id" && (previous == "pukul" || ["wib", "wita", "wit"].contains(next)) && text.contains(".") {
      separator = "."
    } else {
      return nil
    }
    let parts = text.split(separator: separator, omittingEmptySubsequences: false)
    guard parts.count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24,
      minute < 60
    else { return nil }
    return (hour, minute)
  }

  /// `value` written as this placeable is written, in `language`; nil when it cannot be (a
  /// date without a day for a placeable that writes one, another kind of value).
  func written(_ value: Value, language: String) -> String? {
    switch (value, style) {
    case (.number(let number), .plain):
      guard case .number(let old) = self.value else { return nil }
      return number.written(in: language, grouped: number.isGrouped || old.isGrouped)
    case (.weekday(let day), .plain):
      guard case .weekday = self.value else { return nil }
      return Self.cased(CalendarNames.weekday(day, language: language), like: text)
    case (.date(let day, let month, let year), _):
      guard case .date(_, _, let oldYear) = self.value else { return nil }
      let year = year ?? oldYear
      switch style {
      case .slashes(let parts):
        guard let day else { return nil }
        func padded(_ value: Int, like part: Substring) -> String {
          part.count == 2 && value < 10 ? "0\(value)" : "\(value)"
        }
        var written = [padded(day, like: parts[0]), padded(month, like: parts[1])]
        if parts.count == 3, let year { written.append(parts[2].count == 2 ? String(year % 100) : String(year)) }
        return written.joined(separator: "/")
      case .dayMonth(let name, let hasYear):
        guard let day else { return nil }
        let written = Self.monthName(month, like: name, language: language)
        return hasYear ? "\(day) \(written) \(year.map(String.init) ?? "")" : "\(day) \(written)"
      case .monthDay(let name, let stop, let hasYear):
        guard let day else { return nil }
        let written = Self.monthName(month, like: name, language: language)
        // `Nov.` but `May`: a stop only after a name made shorter.
        let dot = stop && written.count < CalendarNames.month(month, language: language, short: false).count ? "." : ""
        return hasYear ? "\(written)\(dot) \(day), \(year.map(String.init) ?? "")" : "\(written)\(dot) \(day)"
      case .month(let name, let hasYear):
        let written = Self.monthName(month, like: name, language: language)
        return hasYear ? "\(written) \(year.map(String.init) ?? "")" : written
      default:
        return nil
      }
    case (.time(let hour, let minute), .twentyFourHour(let separator, let padded)):
      let minutes = minute < 10 ? "0\(minute)" : "\(minute)"
      return "\(padded && hour < 10 ? "0" : "")\(hour)\(separator)\(minutes)"
    case (.time(let hour, let minute), .twelveHour(let meridiem, let gap)):
      let minutes = minute == 0 ? "" : minute < 10 ? ":0\(minute)" : ":\(minute)"
      let twelve = hour % 12 == 0 ? 12 : hour % 12
      let isAfternoon = hour >= 12
      var mark = String(meridiem)
      if let first = mark.firstIndex(where: { "apAP".contains($0) }) {
        let letter = isAfternoon ? "p" : "a"
        mark.replaceSubrange(first...first, with: mark[first].isUppercase ? letter.uppercased() : letter)
      }
      return "\(twelve)\(minutes)\(gap)\(mark)"
    default:
      return nil
    }
  }

  /// Month `month`'s name in `language`, short when `like` is short, in `like`'s case.
  private static func monthName(_ month: Int, like: Substring, language: String) -> String {
    let isShort = !CalendarNames.isFullMonthName(like.lowercased())
    return cased(CalendarNames.month(month, language: language, short: isShort), like: like)
  }

  /// `name` in capitals when `like` is, else as the calendar writes it.
  private static func cased(_ name: String, like: Substring) -> String {
    like.count > 1 && like == like.uppercased() ? name.uppercased() : name
  }
}

/// A number as written in a language's conventions: its integer digits and its decimals.
struct NumberValue: Equatable {
  var integer: String
  var fraction: String
  /// Whether it was written with thousands separators (`15,565`, `15.565`).
  var isGrouped: Bool

  /// The number `text` (digits with `.` and `,`) in `language`'s conventions: Indonesian
  /// groups thousands with `.` and marks decimals with `,`; English the other way round.
  init?(_ text: Substring, language: String) {
    let (group, decimal): (Character, Character) = language == "id" ? (".", ",") : (",", ".")
    let parts = text.split(separator: decimal, omittingEmptySubsequences: false)
    guard parts.count <= 2, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == group || $0 == decimal) }) else {
      return nil
    }
    let groups = parts[0].split(separator: group, omittingEmptySubsequences: false)
    guard groups.count == 1 || groups.dropFirst().allSatisfy({ $0.count == 3 }) && !groups[0].isEmpty else {
      return nil
    }
    integer = String(groups.joined().drop { $0 == "0" })
    if integer.isEmpty { integer = "0" }
    fraction = parts.count == 2 ? String(parts[1]) : ""
    guard fraction.allSatisfy(\.isNumber) else { return nil }
    isGrouped = groups.count > 1
  }

  static func == (first: NumberValue, second: NumberValue) -> Bool {
    first.integer == second.integer && first.fraction.trimmingSuffix("0") == second.fraction.trimmingSuffix("0")
  }

  /// The number in `language`'s conventions, thousands grouped when `grouped` (and it has
  /// more than four digits, or four).
  func written(in language: String, grouped: Bool) -> String {
    let (group, decimal) = language == "id" ? (".", ",") : (",", ".")
    var digits = integer
    if grouped && digits.count > 3 {
      var groups: [Substring] = []
      var end = digits.endIndex
      while end > digits.startIndex {
        let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
        groups.insert(digits[start..<end], at: 0)
        end = start
      }
      digits = groups.joined(separator: group)
    }
    return fraction.isEmpty ? digits : digits + decimal + fraction
  }
}

extension Substring {
  fileprivate func trimmingSuffix(_ character: Character) -> Substring {
    var result = self
    while result.last == character { result.removeLast() }
    return result
  }
}

extension String {
  fileprivate func trimmingSuffix(_ character: Character) -> Substring {
    self[...].trimmingSuffix(character)
  }
}

/// Weekday and month names as Selaras writes them in a substituted target.
package enum CalendarNames {
  package static let weekdays: [String: [String]] = [
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "id": ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
  ]
  package static let months: [String: [String]] = [
    "en": [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
      "December",
    ],
    "id": [
      "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November",
      "Desember",
    ],
  ]
  /// Short names as the wires (en) and Indonesian sites (id) write them.
  static let shortMonths: [String: [String]] = [
    "en": ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"],
    "id": ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
  ]

  /// Weekday `day` (Monday = 1) in `language` (English for a language it does not know).
  static func weekday(_ day: Int, language: String) -> String {
    (weekdays[language] ?? weekdays["en"]!)[day - 1]
  }

  static func month(_ month: Int, language: String, short: Bool) -> String {
    ((short ? shortMonths : months)[language] ?? months["en"]!)[month - 1]
  }

  /// Whether `name` (lowercased) is a month's full name in a language Selaras knows.
  static func isFullMonthName(_ name: String) -> Bool {
    months.values.contains { $0.contains { $0.lowercased() == name } }
  }
}
