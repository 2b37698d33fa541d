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
  private var candidates: [Candidate] = []
  /// Hash of a term's first word (folded) → the terms starting with it.
  private var index: [UInt64: Bucket] = [:]

  /// The terms that start with one word: one-word terms, and longer ones by their second
  /// word, so that a common first word (`pada`, `kota`) does not mean trying every term
  /// that starts with it.
  private struct Bucket: Sendable {
    var single: [Int] = []
    var bySecondWord: [UInt64: [Int]] = [:]
  }

  private struct Candidate: Sendable {
    var entry: Int
    var term: Int
    /// Hashes of the term's words, folded.
    var words: [UInt64]
    /// The term as written when it is a short all-capitals acronym, which must match exactly.
    var acronym: [UInt8]?
    /// The term's primary language subtag.
    var language: String
  }

  public init(entries: [TermEntry], morphology: IndonesianMorphology = IndonesianMorphology()) {
    self.entries = entries
    self.morphology = morphology
    for (entryIndex, entry) in entries.enumerated() {
      for (termIndex, term) in entry.terms.enumerated() {
        let words = WordTokenizer.tokens(term.text).map { ByteHash.of(IndonesianMorphology.foldedBytes($0.text)) }
        guard let first = words.first else { continue }
        let isAcronym = term.text.count <= 5 && term.text == term.text.uppercased() && term.text != term.text.lowercased()
        candidates.append(
          Candidate(
            entry: entryIndex, term: termIndex, words: words, acronym: isAcronym ? Array(term.text.utf8) : nil,
            language: term.language.language))
        if words.count == 1 {
          index[first, default: Bucket()].single.append(candidates.count - 1)
        } else {
          index[first, default: Bucket()].bySecondWord[words[1], default: []].append(candidates.count - 1)
        }
      }
    }
  }

  /// Every term of `language` in `text`, left to right; at each place the longest match,
  /// and when several entries have a term that long there (a user's entry and a shipped one
  /// for the same word), one match for each, in the order of the entries.
  ///
  /// - Complexity: O(*n*) in the length of the text, whatever the size of the glossary.
  public func matches(in text: String, language: LanguageTag) -> [TermMatch] {
    var text = text
    let code = language.language
    return text.withUTF8 { bytes in
      var spans: [WordTokenizer.Span] = []
      WordTokenizer.scan(bytes) { spans.append($0) }
      var reductionCache = [[UInt64]?](repeating: nil, count: spans.count)
      func reductions(_ position: Int) -> [UInt64] {
        if let known = reductionCache[position] { return known }
        let forms = reduce(spans[position], bytes, language: code)
        reductionCache[position] = forms
        return forms
      }
      var result: [TermMatch] = []
      var position = 0
      // Other entries with a term as long as the best one at a place (a user's entry and a
      // shipped one for the same words): one buffer for all places.
      var ties: [Int] = []
      while position < spans.count {
        var best: (candidate: Int, length: Int)?
        ties.removeAll(keepingCapacity: true)
        func consider(_ id: Int) {
          let candidate = candidates[id]
          let length = candidate.words.count
          guard candidate.language == code, position + length <= spans.count, length >= (best?.length ?? 0) else { return }
          // An equal length only counts from another entry than those found.
          if let found = best, length == found.length,
            candidates[found.candidate].entry == candidate.entry || ties.contains(where: { candidates[$0].entry == candidate.entry })
          {
            return
          }
          if let acronym = candidate.acronym, !bytes[spans[position].range].elementsEqual(acronym) {
            return
          }
          let rest = (2..<max(length, 2)).allSatisfy { offset in
            reductions(position + offset).contains(candidate.words[offset])
          }
          guard rest else { return }
          if let found = best, length == found.length {
            ties.append(id)
          } else {
            best = (id, length)
            ties.removeAll(keepingCapacity: true)
          }
        }
        for form in reductions(position) {
          guard let bucket = index[form] else { continue }
          bucket.single.forEach(consider)
          if !bucket.bySecondWord.isEmpty && position + 1 < spans.count {
            for second in reductions(position + 1) {
              bucket.bySecondWord[second]?.forEach(consider)
            }
          }
        }
        guard let found = best else {
          position += 1
          continue
        }
        let range = spans[position].range.lowerBound..<spans[position + found.length - 1].range.upperBound
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        if ties.isEmpty {
          let candidate = candidates[found.candidate]
          result.append(
            TermMatch(
              entry: candidate.entry, term: entries[candidate.entry].terms[candidate.term], range: range,
              matchedText: text))
        } else {
          for id in ([found.candidate] + ties).sorted(by: { candidates[$0].entry < candidates[$1].entry }) {
            let candidate = candidates[id]
            result.append(
              TermMatch(
                entry: candidate.entry, term: entries[candidate.entry].terms[candidate.term], range: range,
                matchedText: text))
          }
        }
        position += found.length
      }
      return result
    }
  }

  /// The entries with a term that the whole of `query` matches, in either language when
  /// `language` is nil, in the order of the entries: `Kemenlu`, `kementerian luar negeri`,
  /// `drone-drone kamikaze`, `memperkuat` (entry `perkuat`).
  public func lookup(_ query: String, language: LanguageTag? = nil) -> [Int] {
    let wordCount = WordTokenizer.tokens(query).count
    var found: [Int] = []
    for candidate in language.map({ [$0] }) ?? [.indonesian, .english] {
      for match in matches(in: query, language: candidate)
      where WordTokenizer.tokens(match.matchedText).count == wordCount && !found.contains(match.entry) {
        found.append(match.entry)
      }
    }
    // In the order of the entries: a layered glossary's store before its shipped entries.
    return found.sorted()
  }

  private func reduce(_ span: WordTokenizer.Span, _ bytes: UnsafeBufferPointer<UInt8>, language: String) -> [UInt64] {
    let slice = bytes[span.range]
    let folded: [UInt8] =
      span.isDottedAcronym || !slice.allSatisfy({ $0 < 0x80 })
      ? IndonesianMorphology.foldedBytes(span.text(in: bytes)) : slice.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    switch language {
    case "id": return morphology.reductionHashes(ofFolded: folded)
    case "en":
      return EnglishMorphology.reductions(of: String(decoding: folded, as: UTF8.self)).map { ByteHash.of($0.utf8) }
    default: return [ByteHash.of(folded)]
    }
  }
}
