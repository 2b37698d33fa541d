/// A placeable of a stored target rewritten with the new segment's value: `6,00` → `6,25`,
/// `Rabu` → `Kamis`, `(20/11/2024)`'s date → `18/12/2024`.
public struct PlaceableSubstitution: Codable, Hashable, Sendable {
  /// As the stored target writes it.
  public var from: String
  /// As the suggestion writes it.
  public var to: String

  public init(from: String, to: String) {
    self.from = from
    self.to = to
  }
}

/// The target a stored unit suggests for a new segment: its target, with each placeable
/// whose value changed written anew in the target language's conventions and as the stored
/// target wrote it ("auto-substitution").
///
/// A placeable of the new segment is carried when the stored source has it (in the same
/// place, with another value) and the stored target has exactly as many placeables of that
/// source value as the source has: `6.00%` ↔ `6,00 persen`, `Nov 20` ↔ `(20/11/2024)`,
/// `1:21 p.m.` ↔ `pukul 13.21`, `Wednesday` ↔ `Rabu`. The datelines count here (though not in
/// the score): a wire lead's `Nov 20` is the date the Indonesian lead writes `Rabu (20/11/2024)`.
///
/// What it cannot bring up to date is listed in ``unsubstituted``, and the suggestion still
/// holds the old value there: a placeable of the segment it cannot carry, or a date the
/// target writes beside a weekday it changed (`Kamis (20/11/2024)`) that no placeable of the
/// segment gives.
public struct SuggestedTarget: Hashable, Sendable {
  /// The stored target with the substitutions made.
  public var text: String
  public var substituted: [PlaceableSubstitution] = []
  /// What the suggestion does not bring up to date: the segment's placeables it does not
  /// carry, as the segment writes them, and dates beside a changed weekday, as the target does.
  public var unsubstituted: [String] = []

  /// The suggestion of the unit `source` → `target` for `segment`, which is in the source's
  /// language.
  public init(
    for segment: String, source: String, target: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag
  ) {
    text = target
    let segmentTokens = MatchToken.tokens(of: segment, dateline: true)
    let sourceTokens = MatchToken.tokens(of: source, dateline: true)
    let language = sourceLanguage.language
    let wanted = Placeable.all(in: segment, tokens: segmentTokens, language: language)
    guard !wanted.isEmpty else { return }
    let had = Placeable.all(in: source, tokens: sourceTokens, language: language)
    let kept = FuzzyMatch.kept(segmentTokens.map(\.key), sourceTokens.map(\.key))
    // The stored source's placeable in each new one's place, where the values differ.
    var changes: [(new: Placeable, old: Placeable)] = []
    for placeable in wanted {
      guard let first = kept[placeable.tokens.lowerBound],
        let old = had.first(where: { $0.tokens.lowerBound == first })
      else { continue }
      if !placeable.sameValue(as: old) { changes.append((placeable, old)) }
    }
    guard !changes.isEmpty else { return }
    let targetTokens = MatchToken.tokens(of: target, dateline: true)
    let inTarget = Placeable.all(in: target, tokens: targetTokens, language: targetLanguage.language)
    var replacements: [(range: Range<Int>, text: String)] = []
    var used = Set<Int>()
    for (new, old) in changes {
      // The k-th of the source's placeables of this value is the k-th of the target's.
      let sameInSource = had.filter { $0.sameValue(as: old) }
      let sameInTarget = inTarget.indices.filter { inTarget[$0].sameValue(as: old) }
      guard sameInSource.count == sameInTarget.count, let rank = sameInSource.firstIndex(of: old) else {
        unsubstituted.append(String(new.text))
        continue
      }
      let place = sameInTarget[rank]
      let counterpart = inTarget[place]
      guard !used.contains(place), let written = counterpart.written(new.value, language: targetLanguage.language)
      else {
        unsubstituted.append(String(new.text))
        continue
      }
      used.insert(place)
      if written != counterpart.text {
        replacements.append((counterpart.range, written))
        substituted.append(PlaceableSubstitution(from: String(counterpart.text), to: written))
      }
    }
    // `Kamis (20/11/2024)`: the date beside a weekday changed is stale unless it changed too.
    for place in used where inTarget[place].value.isWeekday && place + 1 < inTarget.count && !used.contains(place + 1) {
      let next = inTarget[place + 1]
      if case .date(.some, _, _) = next.value, next.tokens.lowerBound - inTarget[place].tokens.upperBound <= 2 {
        unsubstituted.append(String(next.text))
      }
    }
    var bytes = Array(target.utf8)
    for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
      bytes.replaceSubrange(replacement.range, with: Array(replacement.text.utf8))
    }
    text = String(decoding: bytes, as: UTF8.self)
  }

  /// Whether the suggestion is the stored target unchanged and complete.
  public var isStoredTarget: Bool { substituted.isEmpty && unsubstituted.isEmpty }
}
