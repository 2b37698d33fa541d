/// A document looked up in the memory and the glossary, segment by segment: what
/// `selaras pretranslate` writes as XLIFF, and its analysis.
public struct PretranslatedDocument: Sendable, Codable {
  /// The file's name, XLIFF's `original`.
  public var name: String
  public var sourceLanguage: LanguageTag
  public var targetLanguage: LanguageTag
  public var segments: [PretranslatedSegment]
  public var analysis: PretranslationAnalysis

  public init(
    name: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag, segments: [PretranslatedSegment],
    analysis: PretranslationAnalysis
  ) {
    self.name = name
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.segments = segments
    self.analysis = analysis
  }
}

/// One segment of a pre-translated document.
public struct PretranslatedSegment: Sendable, Codable, Hashable {
  /// 1, 2, … in document order.
  public var id: Int
  /// The paragraph (from 0) the segment is in.
  public var paragraph: Int
  /// The segment as `selaras segment` prints it.
  public var source: String
  /// Its words (numbers included, punctuation not), as the analysis counts them.
  public var words: Int
  /// Site chrome: not to be translated.
  public var isChrome: Bool
  /// The memory's matches at or above the minimum score, best first, turned to the
  /// document's source language.
  public var matches: [MemoryMatch]
  /// The best match was exact and so were its neighbours', from the same document in order.
  public var isContextMatch: Bool
  /// The same source occurred earlier in the document.
  public var isRepetition: Bool
  /// The target filled in from the best match, when it reached the fill score.
  public var target: String?
  /// The glossary's terms found in the source, with their translation, store first.
  public var terms: [GlossaryNote]

  /// The best match's score, even below the minimum shown (down to 50), 101 for a context
  /// match, 0 with none: what the analysis bands.
  public var bestScore: Int
}

/// A glossary term found in a segment: `TERM = TRANSLATION`.
public struct GlossaryNote: Sendable, Codable, Hashable {
  public var term: String
  public var translation: String
  public var origin: GlossaryOrigin

  public init(term: String, translation: String, origin: GlossaryOrigin) {
    self.term = term
    self.translation = translation
    self.origin = origin
  }
}
