import Foundation

/// Reads glossaries in OmegaT's tab-separated form: `source<TAB>target<TAB>comment`, UTF-8,
/// `#` starting a comment line, CRLF or LF line ends, an optional byte order mark.
///
/// Lines that share a source or a target term (ignoring case) make one concept, so
/// `Kemenlu → Foreign Ministry` and `Kementerian Luar Negeri → Foreign Ministry` become one
/// entry with two Indonesian synonyms. A line repeated exactly is skipped with a warning.
public struct TSVGlossaryReader: GlossaryReader {
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

  public static func entries(
    _ text: String, file: String, sourceLanguage: LanguageTag = .indonesian, targetLanguage: LanguageTag = .english
  ) throws(GlossaryFormatError) -> (entries: [TermEntry], diagnostics: [Diagnostic]) {
    var rows: [GlossaryRow] = []
    var body = Substring(text)
    if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
    // Lines end at LF or CRLF, or at a lone CR in a file without LF (classic Mac files).
    let separator = UInt8(ascii: body.utf8.contains(UInt8(ascii: "\n")) ? "\n" : "\r")
    // Split on the byte: in a Swift string "\r\n" is one Character, not a "\n".
    for (index, bytes) in body.utf8.split(separator: separator, omittingEmptySubsequences: false).enumerated() {
      let number = index + 1
      let line = Substring(decoding: bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes, as: UTF8.self)
      if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard fields.count >= 2 else { throw .missingColumn(file: file, line: number) }
      guard !fields[0].isEmpty, !fields[1].isEmpty else { throw .emptyTerm(file: file, line: number) }
      rows.append(
        GlossaryRow(
          source: Term(fields[0], language: sourceLanguage), target: Term(fields[1], language: targetLanguage),
          note: fields.count > 2 && !fields[2].isEmpty ? fields[2] : nil, line: number))
    }
    return GlossaryRow.concepts(rows, file: file)
  }
}
