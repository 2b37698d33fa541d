import Foundation
import Selaras

/// A test set for the memory's match score and its auto-substitution, made from sentence
/// pairs: each stored pair against new segments that differ from its source in one thing — a
/// placeable (a number, a weekday, a month), a word, or what translators do not retype (the
/// final full stop, quote style, dash style, spacing, the case of the first letter) — in both
/// directions.
///
/// The changes and the targets a translator would write for them are made here by plain text
/// edits, not by the memory's own readers: a number written in the other language's
/// convention (`1.2` ↔ `1,2`, `15,565` ↔ `15.565`), a weekday or month name swapped for the
/// next one. A change whose old value the target does not hold exactly once has no expected
/// target and counts for the scores only.
public enum MatchEvaluation {
  public enum Change: String, CaseIterable, Codable, Sendable {
    case number, weekday, month, word
    case finalStop = "final-stop", quotes, dash, spacing, firstLetterCase = "first-letter-case"

    public var isPlaceable: Bool { self == .number || self == .weekday || self == .month }
    public var isFormatting: Bool { !isPlaceable && self != .word }
  }

  public struct Case: Sendable {
    public var change: Change
    public var segment: String
    public var unit: TranslationUnit
    /// What a translator would write for `segment`, when the change lets us say.
    public var expectedTarget: String?
  }

  /// The cases of `pairs` (English, Indonesian), both directions.
  public static func cases(_ pairs: [(english: String, indonesian: String)]) -> [Case] {
    var cases: [Case] = []
    for (index, pair) in pairs.enumerated() {
      let next = pairs[(index + 1) % pairs.count]
      for (source, target, language, other, replacement) in [
        (pair.english, pair.indonesian, "en", "id", next.english),
        (pair.indonesian, pair.english, "id", "en", next.indonesian),
      ] {
        let unit = TranslationUnit(
          sourceLanguage: LanguageTag(language), targetLanguage: LanguageTag(other), source: source, target: target)
        for change in Change.allCases {
          guard let (segment, expected) = changed(source, target, change, language, other, replacement) else {
            continue
          }
          cases.append(Case(change: change, segment: segment, unit: unit, expectedTarget: expected))
        }
      }
    }
    return cases
  }

  /// What one kind of change scored, and how many of its substitutions were right.
  public struct Figures: Codable, Sendable {
    public var change: Change
    public var cases = 0
    public var lowest = 100
    public var highest = 0
    /// Cases with an expected target, and how many suggestions equal it.
    public var substitutions = 0
    public var substitutedRight = 0
    /// Cases whose suggestion differs from the expected target yet says nothing was left
    /// unsubstituted: silently wrong.
    public var silentlyWrong = 0
  }

  /// The figures of every kind of change, and the cases whose suggestion is not the expected one.
  public static func evaluate(_ cases: [Case]) -> (figures: [Figures], wrong: [(Case, MemoryMatch)]) {
    var figures = Change.allCases.map { Figures(change: $0) }
    var wrong: [(Case, MemoryMatch)] = []
    for item in cases {
      let match = MemoryMatch(
        score: FuzzyMatch.score(item.segment, item.unit.source), unit: item.unit, query: item.segment)
      let score = match.score
      let index = Change.allCases.firstIndex(of: item.change)!
      figures[index].cases += 1
      figures[index].lowest = min(figures[index].lowest, score)
      figures[index].highest = max(figures[index].highest, score)
      guard let expected = item.expectedTarget else { continue }
      figures[index].substitutions += 1
      if match.target == expected {
        figures[index].substitutedRight += 1
      } else {
        wrong.append((item, match))
        if match.unsubstituted == nil { figures[index].silentlyWrong += 1 }
      }
    }
    return (figures, wrong)
  }

  // MARK: - Changes

  private static func changed(
    _ source: String, _ target: String, _ change: Change, _ language: String, _ other: String, _ replacement: String
  ) -> (String, String?)? {
    switch change {
    case .number:
      guard let match = firstMatch(numberPattern, in: source), !isTime(source, match, language) else { return nil }
      let old = String(source[match])
      guard let new = incremented(old) else { return nil }
      let segment = source.replacingCharacters(in: match, with: new)
      return (segment, replacingOnce(converted(old), with: converted(new), in: target, pattern: numberPattern))
    case .weekday, .month:
      let names = change == .weekday ? CalendarNames.weekdays : CalendarNames.months
      for (position, name) in names[language]!.enumerated() {
        guard let range = wordRange(name, in: source) else { continue }
        let next = (position + 1) % names[language]!.count
        let segment = source.replacingCharacters(in: range, with: names[language]![next])
        let otherNames = names[other]!
        let expected =
          wordRange(otherNames[position], in: target) != nil && count(otherNames[position], in: target) == 1
            && otherNames.filter({ wordRange($0, in: target) != nil }).count == 1
          ? target.replacingCharacters(in: wordRange(otherNames[position], in: target)!, with: otherNames[next]) : nil
        return (segment, expected)
      }
      return nil
    case .word:
      func isWord(_ word: Substring) -> Bool { word.count >= 4 && word.allSatisfy { $0.isLowercase } }
      let words: [Substring] = source.split(separator: " ").filter(isWord)
      let others: [Substring] = replacement.split(separator: " ").filter { isWord($0) && !source.contains($0) }
      guard let word = words.max(by: { $0.count < $1.count }), let other = others.first,
        let range = source.range(of: " \(word)")
      else { return nil }
      return (source.replacingCharacters(in: range, with: " \(other)"), nil)
    case .finalStop:
      // The stop dropped (before closing quotes too), or added after a last word.
      for ending in [".", ".\"", ".\u{201D}", ".'", ".\u{2019}"] where source.hasSuffix(ending) {
        var changed = source
        changed.remove(at: changed.index(changed.endIndex, offsetBy: -ending.count))
        return (changed, target)
      }
      guard source.last?.isLetter == true || source.last?.isNumber == true else { return nil }
      return (source + ".", target)
    case .quotes:
      if source.contains("\"") {
        var opening = true
        let curly = source.map { character -> String in
          guard character == "\"" else { return String(character) }
          defer { opening.toggle() }
          return opening ? "\u{201C}" : "\u{201D}"
        }.joined()
        return (curly, target)
      }
      guard source.contains("\u{201C}") || source.contains("\u{201D}") else { return nil }
      return (
        source.replacingOccurrences(of: "\u{201C}", with: "\"").replacingOccurrences(of: "\u{201D}", with: "\""), target
      )
    case .dash:
      for (from, to) in [(" - ", " \u{2013} "), (" \u{2013} ", " - "), ("\u{2014}", "--"), (" -- ", " \u{2014} ")]
      where source.contains(from) {
        return (source.replacingOccurrences(of: from, with: to), target)
      }
      return nil
    case .spacing:
      guard let space = source.firstIndex(of: " ") else { return nil }
      return (source.replacingCharacters(in: space...space, with: "  "), target)
    case .firstLetterCase:
      guard let first = source.first, first.isUppercase, source.dropFirst().first?.isLowercase == true else {
        return nil
      }
      return (first.lowercased() + source.dropFirst(), target)
    }
  }

  /// A number not joined to letters, slashes or colons: `6.00`, `15,565`, `20`.
  private static let numberPattern = #"(?<![\p{L}\d.,/:])\d+(?:[.,]\d+)*(?![\p{L}\d/:]|[.,]\d)"#

  private static func firstMatch(_ pattern: String, in text: String) -> Range<String.Index>? {
    text.range(of: pattern, options: .regularExpression)
  }

  /// `13.21` after `pukul`, or before `WIB`: a time, not a number.
  private static func isTime(_ text: String, _ range: Range<String.Index>, _ language: String) -> Bool {
    let before = text[..<range.lowerBound].split(separator: " ").last?.lowercased()
    let after = text[range.upperBound...].split(separator: " ").first?.lowercased()
    return before == "pukul" || ["wib", "wita", "wit", "a.m.", "p.m.", "a.m", "p.m"].contains(after ?? "")
  }

  /// The number with its last digit one more (9 becomes 0 and the one before it is left).
  private static func incremented(_ number: String) -> String? {
    guard let last = number.last?.wholeNumberValue else { return nil }
    return String(number.dropLast()) + String((last + 1) % 10)
  }

  /// The number in the other language's convention: `.` and `,` swapped.
  private static func converted(_ number: String) -> String {
    String(number.map { $0 == "." ? "," : $0 == "," ? "." : $0 })
  }

  /// `text` with its one occurrence of the number `old` (a whole number by `pattern`, but
  /// joined to a currency such as `Rp`) written `new`; nil unless it occurs exactly once.
  private static func replacingOnce(_ old: String, with new: String, in text: String, pattern: String) -> String? {
    let escaped = NSRegularExpression.escapedPattern(for: old)
    let whole = #"(?<![\d.,/:])"# + escaped + #"(?![\p{L}\d/:]|[.,]\d)"#
    guard let regex = try? NSRegularExpression(pattern: whole) else { return nil }
    let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
    guard matches.count == 1, let range = Range(matches[0].range, in: text) else { return nil }
    return text.replacingCharacters(in: range, with: new)
  }

  private static func wordRange(_ word: String, in text: String) -> Range<String.Index>? {
    text.range(of: #"\b"# + word + #"\b"#, options: .regularExpression)
  }

  private static func count(_ word: String, in text: String) -> Int {
    (try? NSRegularExpression(pattern: #"\b"# + word + #"\b"#))?.numberOfMatches(
      in: text, range: NSRange(text.startIndex..., in: text)) ?? 0
  }
}
