/// Writes glossaries as OmegaT TSV or as CSV with a header row.
///
/// Both are flat: one row per pair of terms, so that reading the rows back (rows sharing a
/// term make one concept) gives the same concepts. Status, domain and part of speech are
/// kept only in CSV (and TBX); TSV, being OmegaT's, has the note in its comment column.
public struct DelimitedGlossaryWriter: GlossaryWriter {
  public enum Separator: Sendable {
    /// OmegaT's TSV.
    case tab
    /// CSV with a header row.
    case comma
  }

  public var separator: Separator
  public var sourceLanguage: LanguageTag
  public var targetLanguage: LanguageTag

  public init(separator: Separator, sourceLanguage: LanguageTag = .indonesian, targetLanguage: LanguageTag = .english) {
    self.separator = separator
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
  }

  public func write(_ entries: [TermEntry]) -> String {
    switch separator {
    case .tab: Self.tsv(entries, source: sourceLanguage, target: targetLanguage)
    case .comma: Self.csv(entries, source: sourceLanguage, target: targetLanguage)
    }
  }

  /// Rows of (source term, target term, entry) covering every term of every entry.
  static func rows(_ entries: [TermEntry], source: LanguageTag, target: LanguageTag) -> [(Term, Term, TermEntry)] {
    var rows: [(Term, Term, TermEntry)] = []
    for entry in entries {
      let sources = entry.terms(in: source)
      let targets = entry.terms(in: target)
      guard let firstSource = sources.first, let firstTarget = targets.first else { continue }
      for term in sources {
        rows.append((term, firstTarget, entry))
      }
      for term in targets.dropFirst() {
        rows.append((firstSource, term, entry))
      }
    }
    return rows
  }

  /// OmegaT TSV: `source<TAB>target<TAB>comment`.
  public static func tsv(_ entries: [TermEntry], source: LanguageTag = .indonesian, target: LanguageTag = .english)
    -> String
  {
    var text = "# Selaras glossary: \(source)<TAB>\(target)<TAB>comment\n"
    for (sourceTerm, targetTerm, entry) in rows(entries, source: source, target: target) {
      let comment = entry.note ?? ""
      text += [sourceTerm.text, targetTerm.text, comment].map(tsvField).joined(separator: "\t") + "\n"
    }
    return text
  }

  /// CSV (RFC 4180) with the header
  /// `source,target,note,domain,source_status,target_status,source_pos,target_pos`.
  public static func csv(_ entries: [TermEntry], source: LanguageTag = .indonesian, target: LanguageTag = .english)
    -> String
  {
    var text = CSVGlossaryReader.header.joined(separator: ",") + "\r\n"
    for (sourceTerm, targetTerm, entry) in rows(entries, source: source, target: target) {
      let fields = [
        sourceTerm.text, targetTerm.text, entry.note ?? "", entry.domain ?? "", sourceTerm.status.rawValue,
        targetTerm.status.rawValue, sourceTerm.partOfSpeech ?? "", targetTerm.partOfSpeech ?? "",
      ]
      text += fields.map(csvField).joined(separator: ",") + "\r\n"
    }
    return text
  }

  /// Tabs and line breaks cannot stand in a TSV field: they become spaces.
  private static func tsvField(_ text: String) -> String {
    String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
  }

  private static func csvField(_ text: String) -> String {
    let text = guarded(text)
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// The characters a spreadsheet reads a formula after, at the start of a cell.
  private static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

  /// A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `-nya` too) with an
  /// apostrophe before it, which spreadsheets show as text and do not display (OWASP's CSV
  /// injection advice); ``unguarded(_:)`` takes it off again when Selaras reads the file. A cell
  /// of apostrophes before a formula character (`'=x`) gets one more, so that it reads back as
  /// it was.
  static func guarded(_ text: String) -> String {
    guard let first = text.drop(while: { $0 == "'" }).first, formulaStarts.contains(first) else { return text }
    return "'" + text
  }

  /// A cell read back: the apostrophe ``guarded(_:)`` put before a formula character removed.
  static func unguarded(_ text: String) -> String {
    guard text.first == "'", let first = text.drop(while: { $0 == "'" }).first, formulaStarts.contains(first) else {
      return text
    }
    return String(text.dropFirst())
  }
}
