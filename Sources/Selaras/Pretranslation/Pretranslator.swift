/// Looks every segment of a document up in the translation memory and the glossary: the
/// pre-translation step of a CAT tool (Okapi's leveraging, translate-toolkit's
/// `pretranslate`, Trados' and memoQ's pre-translate with analysis).
public struct Pretranslator: Sendable {
  public struct Options: Sendable, Codable, Hashable {
    /// Matches below this score are not shown.
    public var minimumScore = 70
    /// The best match fills the target when it reaches this score (100: exact matches only).
    public var fillScore = 100
    /// How many matches a segment shows at most.
    public var matches = 3

    public init(minimumScore: Int = 70, fillScore: Int = 100, matches: Int = 3) {
      self.minimumScore = minimumScore
      self.fillScore = fillScore
      self.matches = matches
    }
  }

  public var memory: (any TranslationMemory)?
  public var glossary: LayeredGlossary?
  public var options: Options

  public init(memory: (any TranslationMemory)?, glossary: LayeredGlossary?, options: Options = Options()) {
    self.memory = memory
    self.glossary = glossary
    self.options = options
  }

  /// The document of `sentences` (as the segmenter gives them) in `source`, to be translated
  /// into `target`; `name` is the document's name.
  public func pretranslate(
    _ sentences: [Sentence], name: String, source: LanguageTag, target: LanguageTag
  ) async throws -> PretranslatedDocument {
    // Down to 50% for the analysis, even when fewer are shown.
    let search = MemorySearchOptions(
      language: source, minimumScore: min(options.minimumScore, 50), limit: max(options.matches, 1))
    // Each distinct text looked up once: a repeated sentence has the same matches.
    var byText: [String: [MemoryMatch]] = [:]
    var found: [[MemoryMatch]] = []
    for sentence in sentences {
      if Self.isChrome(sentence) {
        found.append([])
      } else if let known = byText[sentence.text] {
        found.append(known)
      } else {
        let matches =
          try await memory?.search(sentence.text, options: search).filter {
            $0.unit.targetLanguage == target
          } ?? []
        byText[sentence.text] = matches
        found.append(matches)
      }
    }
    var seen = Set<String>()
    let segments = sentences.enumerated().map { index, sentence -> PretranslatedSegment in
      let isChrome = Self.isChrome(sentence)
      let matches = found[index]
      let isContext = Self.isContextMatch(index, in: found)
      return PretranslatedSegment(
        id: index + 1, paragraph: sentence.paragraph, source: sentence.text, words: Self.wordCount(sentence.text),
        isChrome: isChrome, matches: Array(matches.filter { $0.score >= options.minimumScore }.prefix(options.matches)),
        isContextMatch: isContext, isRepetition: !isChrome && !seen.insert(sentence.text).inserted,
        target: matches.first.flatMap { $0.score >= options.fillScore ? $0.target : nil },
        terms: isChrome ? [] : notes(sentence.text, source: source, target: target),
        bestScore: isContext ? 101 : matches.first?.score ?? 0)
    }
    return PretranslatedDocument(
      name: name, sourceLanguage: source, targetLanguage: target, segments: segments,
      analysis: PretranslationAnalysis(segments))
  }

  /// Whether a sentence is site chrome, not to be translated: a listed pattern, a photo
  /// credit, a label line. A line the text repeats is translated (once: the others are
  /// repetitions), though the segmenter flags it for the aligner.
  static func isChrome(_ sentence: Sentence) -> Bool {
    sentence.isBoilerplate && sentence.chrome != .firstOfRepeated && sentence.chrome != .repeated
  }

  /// Whether segment `index` and its neighbours (the one before and the one after, where
  /// there are) all have exact matches, from one document and in its order: the segment is
  /// where it was when it was translated.
  static func isContextMatch(_ index: Int, in found: [[MemoryMatch]]) -> Bool {
    guard let match = found[index].first, match.score == 100, let document = match.unit.document, let id = match.id
    else { return false }
    func exact(_ other: Int) -> MemoryMatch? {
      found[other].first { $0.score == 100 && $0.unit.document == document && $0.id != nil }
    }
    let hasBefore = index > 0
    let hasAfter = index + 1 < found.count
    guard hasBefore || hasAfter else { return false }
    if hasBefore { guard let before = exact(index - 1), before.id! < id else { return false } }
    if hasAfter { guard let after = exact(index + 1), after.id! > id else { return false } }
    return true
  }

  /// The glossary's terms in `text`, each once, store first, with their translation.
  private func notes(_ text: String, source: LanguageTag, target: LanguageTag) -> [GlossaryNote] {
    guard let glossary else { return [] }
    var notes: [GlossaryNote] = []
    for match in glossary.matcher.matches(in: text, language: source) {
      guard let translation = glossary.entries[match.entry].preferred(in: target)?.text else { continue }
      let note = GlossaryNote(term: match.term.text, translation: translation, origin: glossary.origins[match.entry])
      if !notes.contains(note) { notes.append(note) }
    }
    return notes.filter { $0.origin == .store } + notes.filter { $0.origin != .store }
  }

  /// Words as a CAT tool counts them: runs of letters or digits.
  static func wordCount(_ text: String) -> Int {
    WordTokenizer.tokens(text).filter { token in token.text.contains { $0.isLetter || $0.isNumber } }.count
  }
}
