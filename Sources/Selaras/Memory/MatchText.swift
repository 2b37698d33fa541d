/// A segment as the translation memory compares it (``FuzzyMatch``): its tokens, each with a
/// key — what must be equal for two tokens to match — and how it was written.
///
/// Keys fold what a translator does not retype or what the memory substitutes:
/// - words are lowercased;
/// - numbers (`6.00`, `15,565`, `20/11/2024`, `13.21`), weekdays and month names
///   (capitalized: `Rabu`, `Wednesday`, `Nov`) are placeables: one key per kind, whatever
///   the value (``MatchToken/Kind``);
/// - quotation marks of any style are one key, and so is a dash of any length;
/// - the final full stop and the spacing between tokens are not tokens;
/// - a story's dateline (`JAKARTA, Nov 20 (Reuters) -`, `Bisnis.com, JAKARTA –`) is not part of
///   the segment at all.
///
/// The word index holds the keys — what bounds a unit's match (``MatchBounds``) — and each
/// placeable as written too (``placeableKeys``), so that among units the keys cannot tell
/// apart (`Sentence 1999 …` among thousands of `Sentence N …`) those holding the query's own
/// values come first. What was written (case, quote style, the number as written, the full
/// stop, the spacing) only takes points off a match whose keys are all equal.
package struct MatchText: Sendable {
  /// Each token's key, in order: what the edit distance compares.
  package private(set) var keys: [UInt64] = []
  /// The keys as the word index holds them: each placeable's key numbered by its occurrence
  /// of its kind (the second number of a segment is held as "a second number"), so that the
  /// bound a search gives a unit counts no more numbers than the unit has.
  package var indexKeys: [UInt64] {
    var counts: [UInt64: Int] = [:]
    return keys.indices.map { index in
      guard kinds[index].isPlaceable else { return keys[index] }
      counts[keys[index], default: 0] += 1
      return MatchToken.occurrenceKey(keys[index], counts[keys[index]]!)
    }
  }
  /// The keys of its placeables as written (a number as written, a calendar name
  /// lowercased), in order, which the word index holds beside the keys.
  package private(set) var placeableKeys: [UInt64] = []
  /// Each token as written: case, the quote or dash, the number.
  private(set) var written: [UInt64] = []
  private(set) var kinds: [MatchToken.Kind] = []
  /// Whether the segment ends in a full stop (before any closing quotes or brackets).
  private(set) var endsWithStop = false
  /// A hash of the spaces between tokens: none, one space, or anything else (two spaces, a tab).
  private(set) var spacing: UInt64 = 0

  package init(_ text: String) {
    var text = text
    self = text.withUTF8 { MatchText(utf8: $0) }
  }

  /// The segment of UTF-8 `bytes` (valid UTF-8, as SQLite hands text out): a search reads a
  /// stored segment this way without making a string of it.
  package init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    self.init(utf8: bytes, writtenForms: true)
  }

  /// Without `writtenForms`, a word's written form is its key: what an import's index needs.
  init(utf8 bytes: UnsafeBufferPointer<UInt8>, writtenForms: Bool) {
    keys.reserveCapacity(bytes.count / 4 + 4)
    written.reserveCapacity(bytes.count / 4 + 4)
    kinds.reserveCapacity(bytes.count / 4 + 4)
    // Straight into the arrays (a search reads hundreds of stored segments a query); the
    // final stop is found and taken out afterwards, with the space before it.
    var gaps: [UInt8] = []
    gaps.reserveCapacity(bytes.count / 4 + 4)
    var last = -1
    MatchToken.scan(bytes, writtenForms: writtenForms) { token in
      keys.append(token.key)
      written.append(token.written)
      kinds.append(token.kind)
      if token.kind.isPlaceable { placeableKeys.append(token.placeableKey) }
      gaps.append(last < 0 ? 0 : MatchToken.gap(bytes, last..<token.range.lowerBound))
      last = token.range.upperBound
    }
    if let stop = MatchToken.finalStop(kinds: kinds, keys: keys) {
      keys.remove(at: stop)
      written.remove(at: stop)
      kinds.remove(at: stop)
      gaps.remove(at: stop)
      endsWithStop = true
    }
    var spaces = ByteHash()
    for gap in gaps { spaces.add(gap) }
    spacing = spaces.value
  }

  /// How many tokens the segment has: its length for the match percentage.
  package var count: Int { keys.count }

  /// Whether token `index` is a word, a number or a calendar name (not punctuation).
  func isWordlike(_ index: Int) -> Bool { kinds[index].isWordlike }
}

/// A token of a segment as the memory compares it (``MatchText``), with where it is.
struct MatchToken {
  enum Kind: UInt8, Sendable {
    case word, punctuation, quote, dash, number, weekday, month

    var isWordlike: Bool { self == .word || isPlaceable }
    var isPlaceable: Bool { self == .number || self == .weekday || self == .month }
  }

  /// The UTF-8 offsets of the token in its segment.
  var range: Range<Int>
  var kind: Kind
  var key: UInt64
  var written: UInt64
  /// For a placeable, the key of its value as written (``MatchText/placeableKeys``); for
  /// other tokens, the key.
  var placeableKey: UInt64

  /// The index key of the `occurrence`-th placeable of a kind in a segment (from 1): the
  /// kind's key for the first.
  static func occurrenceKey(_ key: UInt64, _ occurrence: Int) -> UInt64 {
    occurrence == 1 ? key : (key ^ UInt64(occurrence)) &* 0x9E37_79B9_7F4A_7C15
  }

  static let quoteKey = ByteHash.of("\u{27E8}quote\u{27E9}".utf8)
  static let dashKey = ByteHash.of("\u{27E8}dash\u{27E9}".utf8)
  static let numberKey = ByteHash.of("\u{27E8}number\u{27E9}".utf8)
  static let weekdayKey = ByteHash.of("\u{27E8}weekday\u{27E9}".utf8)
  static let monthKey = ByteHash.of("\u{27E8}month\u{27E9}".utf8)

  /// Calls `body` with each token of `bytes` after any dateline (with it, if `dateline`), in order: the tokens of
  /// ``WordTokenizer`` (a number joined to letters, `G20`, `5G`, is a word unless the
  /// letters are a currency or a unit: `Rp1,2`, `10km`), and each other non-space character
  /// as punctuation, a run of dashes as one.
  ///
  /// Without `writtenForms`, a word's ``written`` is its key (an import's index needs no more).
  static func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, dateline: Bool = false, writtenForms: Bool = true,
    _ body: (MatchToken) -> Void
  ) {
    let start = dateline ? 0 : Dateline.memoryBodyStart(bytes)
    let text = UnsafeBufferPointer(rebasing: bytes[start...])
    var last = 0
    WordTokenizer.scan(text) { span in
      punctuation(text, last..<span.range.lowerBound, offset: start, body)
      body(word(span, text, offset: start, writtenForm: writtenForms))
      last = span.range.upperBound
    }
    punctuation(text, last..<text.count, offset: start, body)
  }

  private static func word(
    _ span: WordTokenizer.Span, _ bytes: UnsafeBufferPointer<UInt8>, offset: Int, writtenForm: Bool
  ) -> MatchToken {
    let range = (span.range.lowerBound + offset)..<(span.range.upperBound + offset)
    if span.kind == .number && isQuantity(span.range, bytes) {
      let written = ByteHash.of(UnsafeBufferPointer(rebasing: bytes[span.range]))
      return MatchToken(range: range, kind: .number, key: numberKey, written: written, placeableKey: written)
    }
    let key = SegmentKeys.hash(span, bytes)
    let written = writtenForm ? ByteHash.of(UnsafeBufferPointer(rebasing: bytes[span.range])) : key
    if span.isCapitalized, span.range.count <= 9, let kind = calendarNames[key] {
      return MatchToken(
        range: range, kind: kind, key: kind == .weekday ? weekdayKey : monthKey, written: written, placeableKey: key)
    }
    return MatchToken(range: range, kind: .word, key: key, written: written, placeableKey: key)
  }

  /// Whether the number at `range` stands for a quantity, not part of a name: not joined to
  /// letters, or joined to a currency before it or a unit after it.
  private static func isQuantity(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    func isLetter(_ byte: UInt8) -> Bool { byte & 0xDF >= 0x41 && byte & 0xDF <= 0x5A || byte >= 0x80 }
    var before = range.lowerBound
    while before > 0 && isLetter(bytes[before - 1]) { before -= 1 }
    var after = range.upperBound
    while after < bytes.count && isLetter(bytes[after]) { after += 1 }
    if before < range.lowerBound {
      let letters = String(decoding: UnsafeBufferPointer(rebasing: bytes[before..<range.lowerBound]), as: UTF8.self)
      guard currencies.contains(letters.lowercased()) else { return false }
    }
    if after > range.upperBound {
      let letters = String(decoding: UnsafeBufferPointer(rebasing: bytes[range.upperBound..<after]), as: UTF8.self)
      guard units.contains(letters.lowercased()) else { return false }
    }
    return true
  }

  static let currencies: Set<String> = ["rp", "rm", "rs", "usd", "idr", "eur", "sgd"]
  static let units: Set<String> = [
    "km", "kg", "cm", "mm", "m", "ha", "mw", "gw", "kw", "kwh", "gb", "mb", "bn", "mn", "k", "t", "pm", "am",
  ]

  /// The keys of weekday and month names (``NumberAnchors``' lists), lowercased.
  static let calendarNames: [UInt64: Kind] = {
    var names: [UInt64: Kind] = [:]
    for name in NumberAnchors.weekdays.keys { names[ByteHash.of(name.utf8)] = .weekday }
    for name in NumberAnchors.months.keys { names[ByteHash.of(name.utf8)] = .month }
    return names
  }()

  /// The non-space characters in `range`, one token each, but a run of dashes one token.
  private static func punctuation(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, offset: Int, _ body: (MatchToken) -> Void
  ) {
    guard !range.isEmpty else { return }
    var dash: Range<Int>? = nil
    func endDash() {
      guard let run = dash else { return }
      let shifted = (run.lowerBound + offset)..<(run.upperBound + offset)
      let written = ByteHash.of(UnsafeBufferPointer(rebasing: bytes[run]))
      body(MatchToken(range: shifted, kind: .dash, key: dashKey, written: written, placeableKey: dashKey))
      dash = nil
    }
    var index = range.lowerBound
    while index < range.upperBound {
      let lead = bytes[index]
      let width = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
      let end = min(index + width, range.upperBound)
      let character = UnsafeBufferPointer(rebasing: bytes[index..<end])
      defer { index = end }
      if isSpace(character) {
        endDash()
        continue
      }
      if isDash(character) {
        dash = (dash?.lowerBound ?? index)..<end
        continue
      }
      endDash()
      let written = ByteHash.of(character)
      let shifted = (index + offset)..<(end + offset)
      if isQuote(character) {
        body(MatchToken(range: shifted, kind: .quote, key: quoteKey, written: written, placeableKey: quoteKey))
      } else {
        body(MatchToken(range: shifted, kind: .punctuation, key: written, written: written, placeableKey: written))
      }
    }
    endDash()
  }

  private static func isSpace(_ character: UnsafeBufferPointer<UInt8>) -> Bool {
    if character.count == 1 { return character[0] == 0x20 || (0x09...0x0D).contains(character[0]) }
    // U+00A0, U+2000–U+200A, U+202F, U+3000.
    if character.count == 2 { return character[0] == 0xC2 && character[1] == 0xA0 }
    return character.count == 3
      && (character[0] == 0xE2 && character[1] == 0x80 && (character[2] <= 0x8A || character[2] == 0xAF)
        || character[0] == 0xE3 && character[1] == 0x80 && character[2] == 0x80)
  }

  /// `-`, `‐`, `‑`, `‒`, `–`, `—`, `―`, `−`.
  private static func isDash(_ character: UnsafeBufferPointer<UInt8>) -> Bool {
    if character.count == 1 { return character[0] == UInt8(ascii: "-") }
    guard character.count == 3, character[0] == 0xE2 else { return false }
    return character[1] == 0x80 && (0x90...0x95).contains(character[2]) || character[1] == 0x88 && character[2] == 0x92
  }

  /// `"`, `'`, `“`, `”`, `‘`, `’`, `„`, `‚`, `«`, `»`, `‹`, `›`, `` ` ``.
  private static func isQuote(_ character: UnsafeBufferPointer<UInt8>) -> Bool {
    if character.count == 1 { return character[0] == 0x22 || character[0] == 0x27 || character[0] == 0x60 }
    if character.count == 2 { return character[0] == 0xC2 && (character[1] == 0xAB || character[1] == 0xBB) }
    guard character.count == 3, character[0] == 0xE2 else { return false }
    return character[1] == 0x80
      && ((0x98...0x9F).contains(character[2]) || character[2] == 0xB9 || character[2] == 0xBA)
  }

  /// The tokens of `text` as ``MatchText`` has them (its final full stop left out), with
  /// where each is; with its dateline's, if `dateline`.
  static func tokens(of text: String, dateline: Bool = false) -> [MatchToken] {
    var text = text
    var tokens: [MatchToken] = []
    text.withUTF8 { bytes in MatchToken.scan(bytes, dateline: dateline) { tokens.append($0) } }
    if let stop = finalStop(kinds: tokens.map(\.kind), keys: tokens.map(\.key)) { tokens.remove(at: stop) }
    return tokens
  }

  /// The index of the segment's final full stop, given its tokens' kinds and keys: the last
  /// token, or the last before closing quotes and brackets; nil when it has none (or is only
  /// a full stop).
  static func finalStop(kinds: [Kind], keys: [UInt64]) -> Int? {
    var index = keys.count - 1
    while index > 0 && (kinds[index] == .quote || keys[index] == closingParenthesis) { index -= 1 }
    guard index > 0, kinds[index] == .punctuation, keys[index] == fullStop else { return nil }
    return index
  }

  static let fullStop = ByteHash.of(".".utf8)
  static let closingParenthesis = ByteHash.of(")".utf8)

  /// What separates two tokens, as one byte: 0 nothing, 1 one space, 2 anything else.
  static func gap(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt8 {
    if range.isEmpty { return 0 }
    return range.count == 1 && bytes[range.lowerBound] == 0x20 ? 1 : 2
  }
}
