/// What the memory and the glossary store take, so that every unit and term they hold comes
/// back whole from their TMX, TBX and XLIFF exports, which XML carries: text without control
/// characters but tab and line breaks (nor U+FFFE and U+FFFF, which XML never carries), in a
/// pair of Selaras's two languages, one on each side.
///
/// ```swift
/// StorableText.problem(in: "Harga naik.")  // nil
/// StorableText.problem(in: "Harga\u{1}naik.")  // "has the control character U+0001; …"
/// ```
public enum StorableText {
  /// The languages a unit's sides and a term are in.
  public static let languages: Set<String> = ["en", "id"]

  /// Why `text` cannot be stored as a segment or a term; nil when it can.
  public static func problem(in text: String) -> String? {
    if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return nil }
    for scalar in text.unicodeScalars where !isStorable(scalar) {
      let code = String(scalar.value, radix: 16, uppercase: true)
      return "has the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code); "
        + "only tab and line breaks are taken"
    }
    return nil
  }

  /// Why a pair of `source` and `target` languages cannot be stored; nil when it can.
  public static func problem(source: LanguageTag, target: LanguageTag) -> String? {
    if let problem = problem(language: source) ?? problem(language: target) { return problem }
    return source == target ? "the source and target languages are both '\(source.language)'" : nil
  }

  /// Why a unit's side or a term in `language` cannot be stored; nil when it can.
  public static func problem(language: LanguageTag) -> String? {
    languages.contains(language.language) ? nil : "'\(language.rawValue)' is not a language Selaras keeps (en, id)"
  }

  private static func isStorable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: true
    case 0..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: false
    default: true
    }
  }
}

extension TranslationUnit {
  /// Why the unit cannot be stored (``StorableText``); nil when it can.
  public var storageProblem: String? {
    if let problem = StorableText.problem(source: sourceLanguage, target: targetLanguage) { return problem }
    if let problem = StorableText.problem(in: source) { return "the source \(problem)" }
    if let problem = StorableText.problem(in: target) { return "the target \(problem)" }
    let fields = [document, user, creationTool].compactMap { $0 } + properties.flatMap { [$0.type, $0.value] }
    for field in fields {
      if let problem = StorableText.problem(in: field) { return "a document, user or property \(problem)" }
    }
    return nil
  }
}

extension TermEntry {
  /// Why the entry cannot be stored (``StorableText``); nil when it can.
  public var storageProblem: String? {
    for term in terms {
      if let problem = StorableText.problem(language: term.language) { return "the term '\(term.text)': \(problem)" }
      if let problem = StorableText.problem(in: term.text) { return "a term \(problem)" }
    }
    for text in [note, domain].compactMap({ $0 }) + terms.flatMap({ [$0.note, $0.partOfSpeech, $0.domain] }).compactMap({ $0 }) {
      if let problem = StorableText.problem(in: text) { return "a note or field \(problem)" }
    }
    return nil
  }

  /// Throws ``UnstorableTextError`` for the first of `entries` no store keeps: what every
  /// glossary store checks before it writes.
  public static func checkStorable(_ entries: [TermEntry]) throws {
    for (index, entry) in entries.enumerated() {
      if let problem = entry.storageProblem { throw UnstorableTextError("entry \(index + 1): \(problem)") }
    }
  }
}

/// A unit or glossary entry a store was given that it cannot keep (``StorableText``).
public struct UnstorableTextError: Error, CustomStringConvertible, Sendable {
  public var description: String

  public init(_ description: String) {
    self.description = description
  }
}
