import Foundation

/// A glossary term found in a text.
public struct TermMatch: Hashable, Sendable {
  /// The index of the entry in the matcher's `entries`.
  public var entry: Int
  /// The term that matched.
  public var term: Term
  /// UTF-8 byte offsets of the match in the text.
  public var range: Range<Int>
  /// The text as written there (`drone-drone kamikaze`).
  public var matchedText: String
}

/// Finds glossary terms in text, Indonesian-aware: the words of the text are reduced by
/// their affixes (``IndonesianMorphology``, ``EnglishMorphology``) and a match is a run of
/// words whose reductions reach a term's words. Multi-word terms match as token sequences;
/// an all-capitals term of up to five letters (`AS`, `BI`, `KPK`) only matches in capitals.
///
/// One pass over the text: each word is looked up by its reductions in an index of the
/// terms' first words, so the cost does not grow with the number of terms.
public struct GlossaryMatcher: Sendable {
  public let entries: [TermEntry]
  public let morphology: IndonesianMorphology
  /// First word (lowercased, folded) → the terms starting with it.
  private var index: [String: [Candidate]] = [:]

  private struct Candidate: Sendable {
    var entry: Int
    var term: Int
    var words: [String]
    var isAcronym: Bool
  }

  public init(entries: [TermEntry], morphology: IndonesianMorphology = IndonesianMorphology()) {
    self.entries = entries
    self.morphology = morphology
    for (entryIndex, entry) in entries.enumerated() {
      for (termIndex, term) in entry.terms.enumerated() {
        let words = WordTokenizer.tokens(term.text).map { Self.fold($0.text) }
        guard let first = words.first else { continue }
        let isAcronym = term.text.count <= 5 && term.text == term.text.uppercased() && term.text != term.text.lowercased()
        index[first, default: []].append(Candidate(entry: entryIndex, term: termIndex, words: words, isAcronym: isAcronym))
      }
    }
  }

  /// Every term of `language` in `text`, left to right; at each place the longest match.
  ///
  /// - Complexity: O(*n*) in the length of the text, whatever the size of the glossary.
  public func matches(in text: String, language: LanguageTag) -> [TermMatch] {
    var text = text
    return text.withUTF8 { bytes in
      var spans: [WordTokenizer.Span] = []
      WordTokenizer.scan(bytes) { spans.append($0) }
      let words = spans.map { $0.text(in: bytes) }
      var reductionCache: [Int: [String]] = [:]
      func reductions(_ position: Int) -> [String] {
        if let known = reductionCache[position] { return known }
        let forms = reduce(words[position], language: language)
        reductionCache[position] = forms
        return forms
      }
      var result: [TermMatch] = []
      var position = 0
      while position < words.count {
        var best: (candidate: Candidate, length: Int)?
        for form in reductions(position) {
          for candidate in index[form] ?? [] where entries[candidate.entry].terms[candidate.term].language == language {
            let length = candidate.words.count
            guard position + length <= words.count, length > (best?.length ?? 0) else { continue }
            if candidate.isAcronym && words[position] != entries[candidate.entry].terms[candidate.term].text {
              continue
            }
            let rest = (1..<max(length, 1)).allSatisfy { offset in
              reductions(position + offset).contains(candidate.words[offset])
            }
            if rest { best = (candidate, length) }
          }
        }
        if let best {
          let range = spans[position].range.lowerBound..<spans[position + best.length - 1].range.upperBound
          result.append(
            TermMatch(
              entry: best.candidate.entry, term: entries[best.candidate.entry].terms[best.candidate.term], range: range,
              matchedText: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)))
          position += best.length
        } else {
          position += 1
        }
      }
      return result
    }
  }

  /// The entries with a term that the whole of `query` matches, in either language when
  /// `language` is nil: `Kemenlu`, `kementerian luar negeri`, `drone-drone kamikaze`,
  /// `memperkuat` (entry `perkuat`).
  public func lookup(_ query: String, language: LanguageTag? = nil) -> [Int] {
    let wordCount = WordTokenizer.tokens(query).count
    var found: [Int] = []
    for candidate in language.map({ [$0] }) ?? [.indonesian, .english] {
      for match in matches(in: query, language: candidate)
      where WordTokenizer.tokens(match.matchedText).count == wordCount && !found.contains(match.entry) {
        found.append(match.entry)
      }
    }
    return found
  }

  private func reduce(_ word: String, language: LanguageTag) -> [String] {
    let folded = Self.fold(word)
    switch language.language {
    case "id": return morphology.reductions(of: folded)
    case "en": return EnglishMorphology.reductions(of: folded)
    default: return [folded]
    }
  }

  /// Lowercased, without diacritics.
  static func fold(_ word: String) -> String {
    let lowered = word.lowercased()
    guard !lowered.unicodeScalars.allSatisfy(\.isASCII) else { return lowered }
    return lowered.folding(options: [.diacriticInsensitive], locale: nil)
  }
}
