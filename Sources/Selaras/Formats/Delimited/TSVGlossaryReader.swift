import Foundation

/// Why a glossary file could not be read. Nothing of the file is kept when this is thrown.
public enum GlossaryFormatError: Error, Equatable, Sendable, CustomStringConvertible {
  case missingColumn(file: String, line: Int)
  case emptyTerm(file: String, line: Int)
  case notText(file: String, reason: String)

  public var description: String {
    switch self {
    case .missingColumn(let file, let line):
      return "\(file):\(line): expected source<TAB>target[<TAB>comment]"
    case .emptyTerm(let file, let line):
      return "\(file):\(line): empty term"
    case .notText(let file, let reason):
      return "\(file): \(reason)"
    }
  }
}

/// Reads glossaries in OmegaT's tab-separated form: `source<TAB>target<TAB>comment`, UTF-8,
/// `#` starting a comment line, CRLF or LF line ends, an optional byte order mark.
///
/// Lines that share a source or a target term (ignoring case) make one concept, so
/// `Kemenlu → Foreign Ministry` and `Kementerian Luar Negeri → Foreign Ministry` become one
/// entry with two Indonesian synonyms. A line repeated exactly is skipped with a warning.
public enum TSVGlossaryReader {
  public static func entries(
    _ text: String, file: String, sourceLanguage: LanguageTag = .indonesian, targetLanguage: LanguageTag = .english
  ) throws(GlossaryFormatError) -> (entries: [TermEntry], diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var rows: [(source: String, target: String, comment: String?, line: Int)] = []
    var seen: [String: Int] = [:]
    var body = Substring(text)
    if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
    // Split on the byte: in a Swift string "\r\n" is one Character, not a "\n".
    for (index, bytes) in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
      let number = index + 1
      let line = Substring(decoding: bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes, as: UTF8.self)
      if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard fields.count >= 2 else { throw .missingColumn(file: file, line: number) }
      guard !fields[0].isEmpty, !fields[1].isEmpty else { throw .emptyTerm(file: file, line: number) }
      let comment = fields.count > 2 && !fields[2].isEmpty ? fields[2] : nil
      let key = fields[0].lowercased() + "\t" + fields[1].lowercased()
      if let first = seen[key] {
        diagnostics.append(Diagnostic(.warning, file: file, line: number, "duplicate of line \(first), skipped"))
        continue
      }
      seen[key] = number
      rows.append((fields[0], fields[1], comment, number))
    }
    return (group(rows, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage), diagnostics)
  }

  /// Concepts as the connected groups of rows sharing a source or a target term.
  private static func group(
    _ rows: [(source: String, target: String, comment: String?, line: Int)], sourceLanguage: LanguageTag,
    targetLanguage: LanguageTag
  ) -> [TermEntry] {
    var parent = Array(rows.indices)
    func root(_ row: Int) -> Int {
      var row = row
      while parent[row] != row {
        parent[row] = parent[parent[row]]
        row = parent[row]
      }
      return row
    }
    var owner: [String: Int] = [:]
    for (index, row) in rows.enumerated() {
      for key in ["s\t" + row.source.lowercased(), "t\t" + row.target.lowercased()] {
        if let other = owner[key] {
          parent[root(index)] = root(other)
        } else {
          owner[key] = index
        }
      }
    }
    var order: [Int] = []
    var members: [Int: [Int]] = [:]
    for index in rows.indices {
      let group = root(index)
      if members[group] == nil { order.append(group) }
      members[group, default: []].append(index)
    }
    return order.map { group in
      var terms: [Term] = []
      var notes: [String] = []
      for index in members[group]! {
        let row = rows[index]
        if !terms.contains(where: { $0.language == sourceLanguage && $0.text == row.source }) {
          terms.append(Term(row.source, language: sourceLanguage))
        }
        if !terms.contains(where: { $0.language == targetLanguage && $0.text == row.target }) {
          terms.append(Term(row.target, language: targetLanguage))
        }
        if let comment = row.comment, !notes.contains(comment) { notes.append(comment) }
      }
      return TermEntry(terms: terms, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }
  }
}
