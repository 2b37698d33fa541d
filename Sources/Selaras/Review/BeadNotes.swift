/// What the review page shows beside a bead: the anchors its two sides share, and the
/// glossary's terms in each side with their translation.
public struct BeadNotes: Codable, Hashable, Sendable {
  /// Numbers, dates and times both sides hold (``NumberAnchors``: `#1500`, `m10`, `d3`,
  /// `t13:21`), and names written alike on both sides (`Syahrul`, `KPK`).
  public var anchors: [String]
  public var terms: [TermNote]

  /// A glossary term found in one side of a bead.
  public struct TermNote: Codable, Hashable, Sendable {
    /// `source` or `target`.
    public var side: String
    /// The words as written in the sentence.
    public var text: String
    public var term: String
    /// The term's preferred translation in the other side's language, if the entry has one.
    public var translation: String?
    public var origin: GlossaryOrigin
  }

  public init(anchors: [String], terms: [TermNote]) {
    self.anchors = anchors
    self.terms = terms
  }
}

/// The notes of every sentence of an alignment, worked out once (most of a review's edits
/// only regroup sentences; a corrected sentence's are worked out again, ``update(from:to:)``),
/// from which any bead's notes are put together at once.
public struct SentenceNotes: Sendable {
  /// One sentence's notes.
  private struct Note: Sendable {
    var anchors: [String]
    /// Its capitalized words, in order.
    var names: [String]
    var terms: [BeadNotes.TermNote]
  }

  private var source: [Note]
  private var target: [Note]
  private let sourceLanguage: LanguageTag
  private let targetLanguage: LanguageTag
  private let glossary: LayeredGlossary?

  /// The notes of the sentences of `document`, whose sides are in `source` and `target`,
  /// with the terms of `glossary`.
  public init(_ document: AlignmentDocument, source: LanguageTag, target: LanguageTag, glossary: LayeredGlossary?) {
    sourceLanguage = source
    targetLanguage = target
    self.glossary = glossary
    self.source = document.source.map {
      Self.note(of: $0, side: .source, in: source, other: target, glossary: glossary)
    }
    self.target = document.target.map {
      Self.note(of: $0, side: .target, in: target, other: source, glossary: glossary)
    }
  }

  /// Works out again the notes of the sentences whose text differs between `previous` and
  /// `document` (a reviewer's correction, its undoing or redoing); the others are kept.
  public mutating func update(from previous: AlignmentDocument, to document: AlignmentDocument) {
    for side in [BeadSide.source, .target] {
      let old = previous[keyPath: side.texts]
      let new = document[keyPath: side.texts]
      guard old != new else { continue }
      let kept = side == .source ? source : target
      let (language, other) = side == .source ? (sourceLanguage, targetLanguage) : (targetLanguage, sourceLanguage)
      let notes = new.indices.map { index in
        old.indices.contains(index) && old[index] == new[index] && kept.indices.contains(index)
          ? kept[index] : Self.note(of: new[index], side: side, in: language, other: other, glossary: glossary)
      }
      if side == .source { source = notes } else { target = notes }
    }
  }

  /// The anchors, capitalized words and glossary terms of `sentence`, of `side`, in
  /// `language`; `other` is the other side's, for the terms' translations.
  private static func note(
    of sentence: String, side: BeadSide, in language: LanguageTag, other: LanguageTag, glossary: LayeredGlossary?
  ) -> Note {
    let tokens = WordTokenizer.tokens(sentence)
    let terms =
      glossary.map { glossary in
        glossary.matcher.matches(in: sentence, language: language).map { match in
          BeadNotes.TermNote(
            side: side.rawValue, text: match.matchedText, term: match.term.text,
            translation: glossary.entries[match.entry].preferred(in: other)?.text,
            origin: glossary.origins[match.entry])
        }
      } ?? []
    return Note(
      anchors: NumberAnchors.anchors(of: tokens, language: language.language),
      names: tokens.filter { $0.kind == .word && $0.isCapitalized && $0.text.count > 2 }.map(\.text), terms: terms)
  }

  /// The notes of `bead`: the anchors and names both of its sides hold (none for a null
  /// bead), and the terms of its sentences, each once.
  public func notes(for bead: AlignmentDocument.Bead) -> BeadNotes {
    var anchors: [String] = []
    if !bead.source.isEmpty && !bead.target.isEmpty {
      let targetAnchors = Set(bead.target.flatMap { target[$0].anchors })
      let targetNames = Set(bead.target.flatMap { target[$0].names })
      var seen = Set<String>()
      for anchor in bead.source.flatMap({ source[$0].anchors }) where targetAnchors.contains(anchor) {
        if seen.insert(anchor).inserted { anchors.append(anchor) }
      }
      for name in bead.source.flatMap({ source[$0].names }) where targetNames.contains(name) {
        if seen.insert(name).inserted { anchors.append(name) }
      }
    }
    var terms: [BeadNotes.TermNote] = []
    for note in bead.source.flatMap({ source[$0].terms }) + bead.target.flatMap({ target[$0].terms })
    where !terms.contains(note) {
      terms.append(note)
    }
    return BeadNotes(anchors: anchors, terms: terms)
  }
}

/// An alignment as the review page receives it: the align JSON contract, each bead with its
/// status, anchors and terms, the sentences corrected with their first text, and the files
/// under review.
public struct AnnotatedAlignment: Encodable, Sendable {
  public var source: [String]
  public var target: [String]
  public var beads: [Bead]
  /// ``AlignmentDocument/edits``.
  public var edits: [AlignmentDocument.TextEdit]?
  /// The names of the files under review, for the page's header.
  public var files: ReviewFiles?

  public struct Bead: Encodable, Sendable {
    public var source: [Int]
    public var target: [Int]
    public var score: DecimalNumber?
    public var status: BeadStatus?
    public var anchors: [String]
    public var terms: [BeadNotes.TermNote]
  }

  /// The alignment with each bead's notes, from its sentences' (``SentenceNotes``), and the
  /// names of its `files`.
  public init(_ document: AlignmentDocument, notes: SentenceNotes, files: ReviewFiles? = nil) {
    self.source = document.source
    self.target = document.target
    edits = document.edits
    self.files = files
    beads = document.beads.map { bead in
      let notes = notes.notes(for: bead)
      return Bead(
        source: bead.source, target: bead.target, score: bead.score, status: bead.status, anchors: notes.anchors,
        terms: notes.terms)
    }
  }
}
