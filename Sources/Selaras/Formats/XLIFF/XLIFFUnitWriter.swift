/// Writes translation units as XLIFF 1.2, one translated `<trans-unit>` each, in one `<file>`:
/// the memory's units for a tool that takes XLIFF rather than TMX. ``XLIFFReader`` reads them back.
public struct XLIFFUnitWriter: UnitWriter {
  public var sourceLanguage: LanguageTag
  public var targetLanguage: LanguageTag

  public init(sourceLanguage: LanguageTag, targetLanguage: LanguageTag) {
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
  }

  public func header() -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
      <file original="selaras" source-language="\(sourceLanguage.rawValue.xmlEscaped)" \
    target-language="\(targetLanguage.rawValue.xmlEscaped)" datatype="plaintext">
        <body>

    """
  }

  public func append(_ unit: TranslationUnit, to bytes: inout [UInt8]) {
    let note = unit.document.map { "\n        <note from=\"document\">\($0.xmlEscaped)</note>" } ?? ""
    bytes.append(
      contentsOf: """
            <trans-unit id="\(Self.id(unit))">
              <source>\(unit.source.xmlEscaped)</source>
              <target state="translated">\(unit.target.xmlEscaped)</target>\(note)
            </trans-unit>

        """.utf8)
  }

  /// An id from the unit's languages and texts (the writer keeps no count), unique as the
  /// memory's units are.
  static func id(_ unit: TranslationUnit) -> String {
    var hash = ByteHash()
    for text in [unit.sourceLanguage.rawValue, unit.targetLanguage.rawValue, unit.source, unit.target] {
      hash.add(text.utf8)
      hash.add(0)
    }
    return "u" + String(hash.value, radix: 16)
  }

  public func footer() -> String {
    "    </body>\n  </file>\n</xliff>\n"
  }
}
