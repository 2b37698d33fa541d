/// A glossary entry as the CLI and the server show it:
/// `{"terms":[{"text":…,"lang":…,"status":…}],"note":…,"origin":"store"|"shipped"}`.
public struct GlossaryEntryAnswer: Encodable, Sendable {
  public var terms: [TermAnswer]
  public var note: Nullable<String>
  public var origin: GlossaryOrigin

  public struct TermAnswer: Encodable, Sendable {
    public var text: String
    public var lang: String
    public var status: Term.Status
  }

  public init(_ entry: TermEntry, origin: GlossaryOrigin) {
    terms = entry.terms.map { TermAnswer(text: $0.text, lang: $0.language.rawValue, status: $0.status) }
    note = Nullable(entry.note)
    self.origin = origin
  }
}

/// A glossary term found in a text: UTF-8 byte offsets, the text as written, the term, its
/// preferred translation and where the entry comes from.
public struct GlossaryScanAnswer: Encodable, Sendable {
  public var start: Int
  public var end: Int
  public var text: String
  public var term: String
  public var translation: Nullable<String>
  public var origin: GlossaryOrigin
}

extension LayeredGlossary {
  /// The entries `term` finds (in `language`, or either), the store's first.
  public func lookupAnswers(_ term: String, language: LanguageTag?) -> [GlossaryEntryAnswer] {
    matcher.lookup(term, language: language).map(answer)
  }

  /// Entry `index` with where it comes from.
  public func answer(_ index: Int) -> GlossaryEntryAnswer {
    GlossaryEntryAnswer(entries[index], origin: origins[index])
  }

  /// Every term of the glossary in `text`, written in `language`, with its translation into
  /// the other language.
  public func scanAnswers(_ text: String, language: LanguageTag) -> [GlossaryScanAnswer] {
    let other: LanguageTag = language == .indonesian ? .english : .indonesian
    return matcher.matches(in: text, language: language).map { match in
      GlossaryScanAnswer(
        start: match.range.lowerBound, end: match.range.upperBound, text: match.matchedText, term: match.term.text,
        translation: Nullable(entries[match.entry].preferred(in: other)?.text), origin: origins[match.entry])
    }
  }
}
