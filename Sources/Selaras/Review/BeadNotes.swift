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

/// The notes of every sentence of an alignment, worked out once (a review's edits only
/// regroup sentences), from which any bead's notes are put together at once.
public struct SentenceNotes: Sendable {
  private struct Side: Sendable {
    /// Per sentence: its number anchors and its capitalized words, in order.
    var anchors: [[String]]
    var names: [[String]]
    var terms: [[BeadNotes.TermNote]]
  }

  private let source: Side
  private let target: Side

  /// The notes of the sentences of `document`, whose sides are in `source` and `target`,
  /// with the terms of `glossary`.
  public init(_ document: AlignmentDocument, source: LanguageTag, target: LanguageTag, glossary: LayeredGlossary?) {
    func side(_ sentences: [String], _ name: String, _ language: LanguageTag, _ other: LanguageTag) -> Side {
      var result = Side(anchors: [], names: [], terms: [])
      for sentence in sentences {
        let tokens = WordTokenizer.tokens(sentence)
        result.anchors.append(NumberAnchors.anchors(of: tokens, language: language.language))
        result.names.append(tokens.filter { $0.kind == .word && $0.isCapitalized && $0.text.count > 2 }.map(\.text))
        result.terms.append(
          glossary.map { glossary in
            glossary.matcher.matches(in: sentence, language: language).map { match in
              BeadNotes.TermNote(
                side: name, text: match.matchedText, term: match.term.text,
                translation: glossary.entries[match.entry].preferred(in: other)?.text,
                origin: glossary.origins[match.entry])
            }
          } ?? [])
      }
      return result
    }
    self.source = side(document.source, "source", source, target)
    self.target = side(document.target, "target", target, source)
  }

  /// The notes of `bead`: the anchors and names both of its sides hold (none for a null
  /// bead), and the terms of its sentences, each once.
  public func notes(for bead: AlignmentDocument.Bead) -> BeadNotes {
    var anchors: [String] = []
    if !bead.source.isEmpty && !bead.target.isEmpty {
      let targetAnchors = Set(bead.target.flatMap { target.anchors[$0] })
      let targetNames = Set(bead.target.flatMap { target.names[$0] })
      var seen = Set<String>()
      for anchor in bead.source.flatMap({ source.anchors[$0] }) where targetAnchors.contains(anchor) {
        if seen.insert(anchor).inserted { anchors.append(anchor) }
      }
      for name in bead.source.flatMap({ source.names[$0] }) where targetNames.contains(name) {
        if seen.insert(name).inserted { anchors.append(name) }
      }
    }
    var terms: [BeadNotes.TermNote] = []
    for note in bead.source.flatMap({ source.terms[$0] }) + bead.target.flatMap({ target.terms[$0] })
    where !terms.contains(note) {
      terms.append(note)
    }
    return BeadNotes(anchors: anchors, terms: terms)
  }
}

/// An alignment as the review page receives it: the align JSON contract, each bead with its
/// status, anchors and terms.
public struct AnnotatedAlignment: Encodable, Sendable {
  public var source: [String]
  public var target: [String]
  public var beads: [Bead]

  public struct Bead: Encodable, Sendable {
    public var source: [Int]
    public var target: [Int]
    public var score: DecimalNumber?
    public var status: BeadStatus?
    public var anchors: [String]
    public var terms: [BeadNotes.TermNote]
  }

  /// The alignment with each bead's notes, from its sentences' (``SentenceNotes``).
  public init(_ document: AlignmentDocument, notes: SentenceNotes) {
    self.source = document.source
    self.target = document.target
    beads = document.beads.map { bead in
      let notes = notes.notes(for: bead)
      return Bead(
        source: bead.source, target: bead.target, score: bead.score, status: bead.status, anchors: notes.anchors,
        terms: notes.terms)
    }
  }
}
