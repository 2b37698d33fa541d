/// The corrections made to ICU's boundaries. ICU follows UAX #29, which knows nothing of
/// abbreviations and treats `. ` followed by a lowercase word as a continuation.
///
/// These run once per candidate boundary, so they read bytes and make no strings except
/// the short lowercased token looked up in the abbreviation lists.
extension SegmentationPass {
  /// Whether `next`, on the same line, continues `sentence` rather than starting a new one.
  func continues(_ sentence: Range<Int>, with next: Range<Int>) -> Bool {
    if firstAlphanumeric(in: next, within: next.count) == nil {
      // Nothing but punctuation, such as a closing quote ICU cut off: `kamu. “`.
      return true
    }
    var end = sentence.upperBound
    var closedByQuote = false
    while end > sentence.lowerBound {
      let (width, isQuote) = scanner.closingPunctuation(before: end)
      if width == 0 { break }
      closedByQuote = closedByQuote || isQuote
      end -= width
    }
    guard end > sentence.lowerBound else { return false }
    let terminal = scanner[end - 1]
    if terminal == UInt8(ascii: "?") || terminal == UInt8(ascii: "!") {
      // `"Siap?" tanya dia.`: the attribution after a quoted question stays with it.
      let quoted = closedByQuote || scanner.openingPunctuation(at: next.lowerBound).isQuote
      return quoted && firstAlphanumeric(in: next)?.isLowercase == true
    }
    let isSingleStop =
      terminal == UInt8(ascii: ".") && end == sentence.upperBound
      && (end - 2 < sentence.lowerBound || scanner[end - 2] != UInt8(ascii: "."))
    guard isSingleStop else {
      return firstLetter(in: next)?.isLowercase == true
    }
    let token = tokenEnding(at: end, from: sentence.lowerBound)
    let word = lowercasedText(token)
    let kind = rules.abbreviationKinds[word]
    if kind != nil || isInitials(word) && !isLetterAfterNumber(token) {
      let opens = opensSentence(next)
      return kind == .title ? !opens.byWord : !opens.byWord && !opens.byQuote
    }
    return firstLetter(in: next)?.isLowercase == true && !isFirmEnd(token, word: word)
  }

  /// Boundaries ICU does not make because a lowercase word or a number follows
  /// (UAX #29 rule SB8), where the word before the full stop plainly ends a sentence:
  /// `… pada 5 Juni 1879. atau …`, `… limbah. 1987 diproklamirkan …`.
  func forEachMissedBoundary(in piece: Range<Int>, _ body: (Int) -> Void) {
    guard piece.count >= 4 else { return }
    scanner.forEachOffset(of: 0x2E, in: (piece.lowerBound + 1)..<(piece.upperBound - 2)) { index in
      guard scanner[index + 1] == 0x20, scanner[index - 1] != 0x2E else { return }
      let next = index + 2
      guard let first = firstAlphanumeric(in: next..<piece.upperBound),
        first.isLowercase || first.isDigit,
        isFirmEnd(tokenEnding(at: index + 1, from: piece.lowerBound))
      else { return }
      body(next)
    }
  }

  /// Whether a token ending in a full stop ends a sentence whatever follows: a plain word
  /// of four or more letters that is no abbreviation, a number of three or more digits,
  /// or a closing bracket or quote before the stop.
  func isFirmEnd(_ token: Range<Int>, word: String? = nil) -> Bool {
    let body = token.lowerBound..<(token.upperBound - 1)
    guard !body.isEmpty else { return false }
    if scanner.closingPunctuation(before: body.upperBound).width > 0 {
      return true
    }
    if body.count >= 3 && body.allSatisfy({ (0x30...0x39).contains(scanner[$0]) }) {
      return true
    }
    guard body.count >= 4 else { return false }
    var index = body.lowerBound
    var letters = 0
    var hasLowercase = false
    while index < body.upperBound {
      let letter = Letter(scanner, at: index)
      guard letter.isLetter else { return false }
      letters += 1
      hasLowercase = hasLowercase || letter.isLowercase
      index += letter.width
    }
    return letters >= 4 && hasLowercase && rules.abbreviationKinds[word ?? lowercasedText(token)] == nil
  }

  /// Whether a line ends without ending its sentence: a dateline with its dash
  /// (`Bisnis.com, JAKARTA –`), or a short label such as `Baca juga:`.
  func isDangling(_ line: Range<Int>) -> Bool {
    let last = scanner.collapsedText(tokenEnding(at: line.upperBound, from: line.lowerBound, keepingPunctuation: true))
    if last == "–" || last == "—" || last == "-" {
      return true
    }
    return last.hasSuffix(":") && line.count <= 24
  }

  /// Whether `token` is one capital letter and its full stop right after a number: no initial
  /// (initials come before a name), but a unit or era ending its sentence: `1446 H/2025 M.`,
  /// `Rp5 M.`.
  func isLetterAfterNumber(_ token: Range<Int>) -> Bool {
    guard token.count == 2, (0x41...0x5A).contains(scanner[token.lowerBound]) else { return false }
    var before = token.lowerBound
    while before > 0 && scanner[before - 1] == 0x20 { before -= 1 }
    return before < token.lowerBound && before > 0 && (0x30...0x39).contains(scanner[before - 1])
  }

  /// Whether `word` (lowercased) is a run of single-letter initials: `d.w.`, `h.`.
  func isInitials(_ word: String) -> Bool {
    var expectLetter = true
    for scalar in word.unicodeScalars {
      if expectLetter {
        guard scalar.isASCII ? (0x61...0x7A).contains(scalar.value) : scalar.properties.isAlphabetic else { return false }
      } else {
        guard scalar == "." else { return false }
      }
      expectLetter.toggle()
    }
    return expectLetter && !word.isEmpty
  }

  /// How the text at `range` looks like a sentence start: by a common opening word, or by
  /// an opening quotation mark.
  func opensSentence(_ range: Range<Int>) -> (byWord: Bool, byQuote: Bool) {
    let word = scanner.collapsedText(tokenEnding(at: tokenEnd(from: range), from: range.lowerBound))
    return (rules.sentenceStarters.contains(word.trimmingPunctuation), scanner.openingPunctuation(at: range.lowerBound).isQuote)
  }

  /// The white-space-delimited token ending at `end` (at most 48 bytes), without the
  /// opening brackets and quotes it starts with unless `keepingPunctuation`.
  func tokenEnding(at end: Int, from lowerBound: Int, keepingPunctuation: Bool = false) -> Range<Int> {
    var start = end
    while start > lowerBound && end - start < 48 && scanner.spaceWidth(before: start) == 0 {
      start = scanner.scalarStart(before: start)
    }
    while !keepingPunctuation && start < end {
      let width = scanner.openingPunctuation(at: start).width
      if width == 0 { break }
      start += width
    }
    return start..<end
  }

  /// The end of the white-space-delimited token starting `range` (at most 48 bytes).
  func tokenEnd(from range: Range<Int>) -> Int {
    var end = range.lowerBound
    while end < range.upperBound && end - range.lowerBound < 48 && scanner.space(at: end).width == 0 {
      end += 1
    }
    while end < range.upperBound && scanner[end] & 0xC0 == 0x80 {
      end += 1
    }
    return end
  }

  /// The text of `range`, lowercased.
  func lowercasedText(_ range: Range<Int>) -> String {
    if range.allSatisfy({ scanner[$0] < 0x80 }) {
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count) { buffer in
        for (offset, index) in range.enumerated() {
          buffer[offset] = Self.asciiLowercase(scanner[index])
        }
        return String(decoding: buffer, as: UTF8.self)
      }
    }
    return scanner.collapsedText(range).lowercased()
  }

  private static func asciiLowercase(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
  }

  /// The first letter in `range` before any white space, skipping quotes and brackets.
  func firstLetter(in range: Range<Int>) -> Letter? {
    var index = range.lowerBound
    while index < range.upperBound && index - range.lowerBound < 8 {
      let letter = Letter(scanner, at: index)
      if letter.isLetter {
        return letter
      }
      if letter.isDigit || scanner.space(at: index).width > 0 {
        return nil
      }
      index += letter.width
    }
    return nil
  }

  /// The first letter or digit in `range`, skipping punctuation and white space, within
  /// `limit` bytes.
  func firstAlphanumeric(in range: Range<Int>, within limit: Int = 8) -> Letter? {
    var index = range.lowerBound
    while index < range.upperBound && index - range.lowerBound < limit {
      let letter = Letter(scanner, at: index)
      if letter.isLetter || letter.isDigit {
        return letter
      }
      index += letter.width
    }
    return nil
  }
}

/// One scalar of the text, classified with a fast path for ASCII.
struct Letter {
  let width: Int
  let isLetter: Bool
  let isDigit: Bool
  let isLowercase: Bool

  init(_ scanner: UTF8Scanner, at index: Int) {
    let byte = scanner[index]
    if byte < 0x80 {
      width = 1
      isLowercase = (0x61...0x7A).contains(byte)
      isLetter = isLowercase || (0x41...0x5A).contains(byte)
      isDigit = (0x30...0x39).contains(byte)
    } else {
      let scalar = scanner.scalar(at: index)
      width = UTF8.width(scalar)
      isLetter = scalar.properties.isAlphabetic
      isDigit = scalar.properties.numericType != nil
      isLowercase = scalar.properties.isLowercase
    }
  }
}

extension String {
  /// The string without leading and trailing punctuation (quotes, brackets, commas).
  var trimmingPunctuation: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.isPunctuation }),
      let last = scalars.lastIndex(where: { !$0.isPunctuation })
    else { return "" }
    return String(scalars[first...last])
  }
}

extension Unicode.Scalar {
  /// Whether the scalar is punctuation (general category P*).
  var isPunctuation: Bool {
    switch properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      return true
    default:
      return false
    }
  }
}
