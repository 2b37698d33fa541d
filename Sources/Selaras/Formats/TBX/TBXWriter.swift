import Foundation

/// Writes glossaries as TBX-Basic in the `<martif type="TBX-Basic">` form (ISO 30042:2008),
/// which OmegaT and translate-toolkit read: one `termEntry` per concept, a `langSet` per
/// language, a `tig` per term with its part of speech, status, note, source and dates.
public struct TBXWriter: GlossaryWriter {
  public var sourceLanguage: LanguageTag

  public init(sourceLanguage: LanguageTag = .indonesian) {
    self.sourceLanguage = sourceLanguage
  }

  public func write(_ entries: [TermEntry]) -> String {
    Self.tbx(entries, sourceLanguage: sourceLanguage)
  }

  public static func tbx(_ entries: [TermEntry], sourceLanguage: LanguageTag = .indonesian) -> String {
    var text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <martif type="TBX-Basic" xml:lang="\(sourceLanguage.rawValue.xmlEscaped)">
        <martifHeader>
          <fileDesc><sourceDesc><p>Exported by Selaras \(TMXWriter.toolVersion)</p></sourceDesc></fileDesc>
          <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>
        </martifHeader>
        <text>
          <body>

      """
    for (index, entry) in entries.enumerated() {
      text += "      <termEntry id=\"c\(index + 1)\">\n"
      if let domain = entry.domain {
        text += "        <descrip type=\"subjectField\">\(domain.xmlEscaped)</descrip>\n"
      }
      if let note = entry.note {
        text += "        <note>\(note.xmlEscaped)</note>\n"
      }
      var languages: [LanguageTag] = []
      for term in entry.terms where !languages.contains(term.language) {
        languages.append(term.language)
      }
      for language in languages {
        text += "        <langSet xml:lang=\"\(language.rawValue.xmlEscaped)\">\n"
        for term in entry.terms where term.language == language {
          text += tig(term)
        }
        text += "        </langSet>\n"
      }
      text += "      </termEntry>\n"
    }
    return text + "    </body>\n  </text>\n</martif>\n"
  }

  private static func tig(_ term: Term) -> String {
    var text = "          <tig>\n            <term>\(term.text.xmlEscaped)</term>\n"
    if let partOfSpeech = term.partOfSpeech {
      text += "            <termNote type=\"partOfSpeech\">\(partOfSpeech.xmlEscaped)</termNote>\n"
    }
    text += "            <termNote type=\"administrativeStatus\">\(status(term.status))</termNote>\n"
    if let domain = term.domain {
      text += "            <descrip type=\"subjectField\">\(domain.xmlEscaped)</descrip>\n"
    }
    if let note = term.note {
      text += "            <note>\(note.xmlEscaped)</note>\n"
    }
    if let source = term.source {
      text += "            <admin type=\"source\">\(source.xmlEscaped)</admin>\n"
    }
    for (kind, date) in [("origination", term.created), ("modification", term.modified)] {
      guard let date else { continue }
      text += "            <transacGrp><transac type=\"transactionType\">\(kind)</transac>"
        + "<date>\(date.formatted(.iso8601))</date></transacGrp>\n"
    }
    return text + "          </tig>\n"
  }

  static func status(_ status: Term.Status) -> String {
    switch status {
    case .preferred: return "preferredTerm-admn-sts"
    case .admitted: return "admittedTerm-admn-sts"
    case .forbidden: return "deprecatedTerm-admn-sts"
    }
  }
}
