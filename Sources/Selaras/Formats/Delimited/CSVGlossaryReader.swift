import Foundation

/// Reads glossaries as CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF) with a
/// header row. Required columns: `source`, `target`; optional: `note` (or `comment`),
/// `domain`, `source_status`, `target_status`, `source_pos`, `target_pos`. Rows are grouped
/// into concepts as in ``TSVGlossaryReader``.
public struct CSVGlossaryReader: GlossaryReader {
  public var sourceLanguage: LanguageTag
  public var targetLanguage: LanguageTag

  public init(sourceLanguage: LanguageTag = .indonesian, targetLanguage: LanguageTag = .english) {
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
  }

  public func read(_ text: String, file: String) throws -> GlossaryFile {
    let (entries, diagnostics) = try Self.entries(
      text, file: file, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    return GlossaryFile(entries: entries, diagnostics: diagnostics)
  }

  static let header = ["source", "target", "note", "domain", "source_status", "target_status", "source_pos", "target_pos"]

  public static func entries(
    _ text: String, file: String, sourceLanguage: LanguageTag = .indonesian, targetLanguage: LanguageTag = .english
  ) throws(GlossaryFormatError) -> (entries: [TermEntry], diagnostics: [Diagnostic]) {
    let records = try parse(text, file: file)
    guard let (headerLine, header) = records.first else { return ([], []) }
    let columns = header.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
    guard let sourceColumn = columns.firstIndex(of: "source"), let targetColumn = columns.firstIndex(of: "target") else {
      throw .missingColumn(file: file, line: headerLine)
    }
    func column(_ names: String...) -> Int? { names.lazy.compactMap { columns.firstIndex(of: $0) }.first }
    let note = column("note", "comment")
    let domain = column("domain")
    let statuses = (column("source_status"), column("target_status"))
    let parts = (column("source_pos"), column("target_pos"))
    var rows: [GlossaryRow] = []
    for (line, fields) in records.dropFirst() where !(fields.count == 1 && fields[0].isEmpty) {
      func field(_ index: Int?) -> String? {
        guard let index, index < fields.count else { return nil }
        let value = DelimitedGlossaryWriter.unguarded(fields[index].trimmingCharacters(in: .whitespaces))
        return value.isEmpty ? nil : value
      }
      guard fields.count > max(sourceColumn, targetColumn) else { throw .missingColumn(file: file, line: line) }
      guard let source = field(sourceColumn), let target = field(targetColumn) else {
        throw .emptyTerm(file: file, line: line)
      }
      func status(_ index: Int?) throws(GlossaryFormatError) -> Term.Status {
        guard let value = field(index) else { return .preferred }
        guard let status = Term.Status(rawValue: value.lowercased()) else {
          throw .badValue(file: file, line: line, value: "unknown status '\(value)' (preferred, admitted or forbidden)")
        }
        return status
      }
      rows.append(
        GlossaryRow(
          source: Term(source, language: sourceLanguage, status: try status(statuses.0), partOfSpeech: field(parts.0)),
          target: Term(target, language: targetLanguage, status: try status(statuses.1), partOfSpeech: field(parts.1)),
          note: field(note), domain: field(domain), line: line))
    }
    return GlossaryRow.concepts(rows, file: file)
  }

  /// Records with the line each starts on.
  static func parse(_ text: String, file: String) throws(GlossaryFormatError) -> [(Int, [String])] {
    var records: [(Int, [String])] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var line = 1
    var recordLine = 1
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    if text.unicodeScalars.first == "\u{FEFF}" { _ = scalars.next() }
    while let scalar = pending ?? scalars.next() {
      pending = nil
      if quoted {
        if scalar == "\"" {
          let next = scalars.next()
          if next == "\"" {
            field.unicodeScalars.append("\"")
          } else {
            quoted = false
            pending = next
          }
        } else {
          if scalar == "\n" { line += 1 }
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where field.isEmpty: quoted = true
      case ",":
        fields.append(field)
        field = ""
      case "\r", "\n":
        // A line ends at LF, CRLF or a lone CR (classic Mac files).
        if scalar == "\r" {
          pending = scalars.next()
          if pending == "\n" { pending = nil }
        }
        fields.append(field)
        records.append((recordLine, fields))
        fields = []
        field = ""
        line += 1
        recordLine = line
      default: field.unicodeScalars.append(scalar)
      }
    }
    if quoted { throw .unterminatedQuote(file: file, line: recordLine) }
    if !field.isEmpty || !fields.isEmpty {
      fields.append(field)
      records.append((recordLine, fields))
    }
    return records
  }
}
