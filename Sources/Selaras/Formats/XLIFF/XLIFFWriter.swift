import Foundation

/// Writes XLIFF 1.2 (`urn:oasis:names:tc:xliff:document:1.2`), the form CAT tools import
/// most reliably (memoQ documents 1.2; OmegaT and translate-toolkit read it).
public enum XLIFFWriter {
  /// A pre-translated document: one `<file>`, a `<group>` per paragraph, a `<trans-unit>`
  /// per segment with its `<source>`, the `<target>` filled from the memory (`state` and
  /// `state-qualifier` saying how; exact and context matches `approved="yes"`), the matches as `<alt-trans match-quality origin>`, the
  /// glossary's terms as `<note from="glossary">`, and chrome as `translate="no"`.
  public static func pretranslation(_ document: PretranslatedDocument) -> String {
    var text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
        <file original="\(document.name.xmlEscaped)" source-language="\(document.sourceLanguage.rawValue.xmlEscaped)" \
      target-language="\(document.targetLanguage.rawValue.xmlEscaped)" datatype="plaintext">
          <header>
            <tool tool-id="selaras" tool-name="Selaras" tool-version="\(TMXWriter.toolVersion)"/>
          </header>
          <body>

      """
    var paragraph: Int?
    for segment in document.segments {
      if segment.paragraph != paragraph {
        if paragraph != nil { text += "      </group>\n" }
        text += "      <group id=\"p\(segment.paragraph + 1)\">\n"
        paragraph = segment.paragraph
      }
      text += unit(segment, document)
    }
    if paragraph != nil { text += "      </group>\n" }
    return text + "    </body>\n  </file>\n</xliff>\n"
  }

  private static func unit(_ segment: PretranslatedSegment, _ document: PretranslatedDocument) -> String {
    let indent = "        "
    // An exact or context match is approved: CAT tools and translate-toolkit count it as
    // translated, not as fuzzy.
    let approved = segment.target != nil && (segment.isContextMatch || segment.bestScore >= 100)
    var text =
      indent + "<trans-unit id=\"\(segment.id)\"\(segment.isChrome ? " translate=\"no\"" : "")"
      + "\(approved ? " approved=\"yes\"" : "")>\n"
    text +=
      indent
      + "  <source xml:lang=\"\(document.sourceLanguage.rawValue.xmlEscaped)\">\(segment.source.xmlEscaped)</source>\n"
    if let target = segment.target {
      let (state, qualifier) =
        segment.isContextMatch
        ? ("translated", "id-match")
        : segment.bestScore >= 100 ? ("translated", "exact-match") : ("needs-review-translation", "fuzzy-match")
      text +=
        indent + "  <target xml:lang=\"\(document.targetLanguage.rawValue.xmlEscaped)\" state=\"\(state)\" "
        + "state-qualifier=\"\(qualifier)\">\(target.xmlEscaped)</target>\n"
    }
    for term in segment.terms {
      text += indent + "  <note from=\"glossary\">\("\(term.term) = \(term.translation)".xmlEscaped)</note>\n"
    }
    for match in segment.matches {
      let origin = "selaras" + (match.unit.document.map { ":" + $0 } ?? "")
      text += indent + "  <alt-trans match-quality=\"\(match.score)\" origin=\"\(origin.xmlEscaped)\">\n"
      text +=
        indent
        + "    <source xml:lang=\"\(match.unit.sourceLanguage.rawValue.xmlEscaped)\">\(match.unit.source.xmlEscaped)</source>\n"
      text +=
        indent
        + "    <target xml:lang=\"\(match.unit.targetLanguage.rawValue.xmlEscaped)\">\(match.target.xmlEscaped)</target>\n"
      if let note = Self.substitutionNote(match) {
        text += indent + "    <note from=\"selaras\">\(note.xmlEscaped)</note>\n"
      }
      text += indent + "  </alt-trans>\n"
    }
    return text + indent + "</trans-unit>\n"
  }

  /// What a match's suggested target changed from the stored one, for a translator to check:
  /// `substituted: 6,00 → 6,25; Rabu → Kamis`, `not substituted: 1.5`.
  static func substitutionNote(_ match: MemoryMatch) -> String? {
    var parts: [String] = []
    if let substituted = match.substituted {
      parts.append("substituted: " + substituted.map { "\($0.from) → \($0.to)" }.joined(separator: "; "))
    }
    if let unsubstituted = match.unsubstituted {
      parts.append("not substituted: " + unsubstituted.joined(separator: "; "))
    }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }
}
