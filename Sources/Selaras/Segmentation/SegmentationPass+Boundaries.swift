/// The corrections made to ICU's boundaries. ICU follows UAX #29, which knows nothing of
/// abbreviations and treats `. ` followed by a lowercase word as a continuation.
extension SegmentationPass {
  /// Whether `next`, on the same line, continues `sentence` rather than starting a new one.
  func continues(_ sentence: Range<Int>, with next: Range<Int>) -> Bool {
    let last = lastToken(in: sentence)
    if let mark = last.lastIndex(where: { $0 == "?" || $0 == "!" }),
      last[last.index(after: mark)...].allSatisfy(\.isClosingPunctuation)
    {
      // `"Siap?" tanya dia.`: the attribution after a quoted question stays with it.
      let quoted = last.last?.isQuotationMark == true
        || Character(scanner.scalar(at: next.lowerBound)).isQuotationMark
      return quoted && firstAlphanumeric(in: next)?.properties.isLowercase == true
    }
    guard last.hasSuffix("."), !last.hasSuffix("..") else {
      return firstLetter(in: next)?.properties.isLowercase == true
    }
    let token = last.drop { $0.isOpeningPunctuation }
    let word = token.lowercased()
    if rules.titles.contains(word) || rules.ambiguousAbbreviations.contains(word)
      || isInitials(word)
    {
      let opensSentence = opensSentence(next)
      return rules.titles.contains(word) ? !opensSentence.byWord : !opensSentence.byWord && !opensSentence.byQuote
    }
    return firstLetter(in: next)?.properties.isLowercase == true && !isFirmEnd(last)
  }

  /// Boundaries ICU does not make because a lowercase word or a number follows
  /// (UAX #29 rule SB8), where the word before the full stop plainly ends a sentence:
  /// `… pada 5 Juni 1879. atau …`, `… limbah. 1987 diproklamirkan …`.
  func missedBoundaries(in piece: Range<Int>) -> [Int] {
    var result: [Int] = []
    var index = piece.lowerBound + 1
    let end = piece.upperBound - 2
    while index < end {
      defer { index += 1 }
      guard scanner[index] == 0x2E, scanner[index + 1] == 0x20, scanner[index - 1] != 0x2E else { continue }
      let next = index + 2
      guard let first = firstAlphanumeric(in: next..<piece.upperBound),
        first.properties.isLowercase || first.properties.numericType != nil,
        isFirmEnd(lastToken(in: piece.lowerBound..<(index + 1)))
      else { continue }
      result.append(next)
    }
    return result
  }

  /// Whether a token ending in a full stop ends a sentence whatever follows: a plain word
  /// of four or more letters that is no abbreviation, a number of three or more digits,
  /// or a closing bracket or quote before the stop.
  func isFirmEnd(_ token: Substring) -> Bool {
    guard token.hasSuffix("."), !token.hasSuffix("..") else { return false }
    let body = token.dropLast().drop { $0.isOpeningPunctuation }
    if let last = body.last, last.isClosingPunctuation {
      return true
    }
    if body.count >= 3 && body.allSatisfy(\.isASCIIDigit) {
      return true
    }
    let word = body.lowercased() + "."
    return body.count >= 4 && body.allSatisfy(\.isLetter) && body.contains(where: \.isLowercase)
      && !rules.titles.contains(word) && !rules.ambiguousAbbreviations.contains(word)
  }

  /// Whether a line ends without ending its sentence: a dateline with its dash
  /// (`Bisnis.com, JAKARTA –`), or a short label such as `Baca juga:`.
  func isDangling(_ line: Range<Int>) -> Bool {
    let last = lastToken(in: line)
    if last == "–" || last == "—" || last == "-" {
      return true
    }
    return last.hasSuffix(":") && line.count <= 24
  }

  /// Whether `word` (lowercased) is a run of single-letter initials: `d.w.`, `h.`.
  func isInitials(_ word: String) -> Bool {
    var expectLetter = true
    for character in word {
      guard expectLetter ? character.isLetter : character == "." else { return false }
      expectLetter.toggle()
    }
    return expectLetter && !word.isEmpty
  }

  /// How the text at `range` looks like a sentence start: by a common opening word, or by
  /// an opening quotation mark.
  func opensSentence(_ range: Range<Int>) -> (byWord: Bool, byQuote: Bool) {
    let first = Character(scanner.scalar(at: range.lowerBound))
    let word = firstToken(in: range).trimmingPunctuation
    return (rules.sentenceStarters.contains(word), first.isQuotationMark)
  }

  /// The white-space-delimited token at the end of `range`.
  func lastToken(in range: Range<Int>) -> Substring {
    var start = range.upperBound
    while start > range.lowerBound && range.upperBound - start < 48 && scanner.spaceWidth(before: start) == 0 {
      start = scanner.scalarStart(before: start)
    }
    return Substring(scanner.collapsedText(start..<range.upperBound))
  }

  /// The white-space-delimited token at the start of `range`.
  func firstToken(in range: Range<Int>) -> String {
    var end = range.lowerBound
    while end < range.upperBound && end - range.lowerBound < 48 && scanner.space(at: end).width == 0 {
      end += 1
    }
    while end < range.upperBound && scanner[end] & 0xC0 == 0x80 {
      end += 1
    }
    return scanner.collapsedText(range.lowerBound..<end)
  }

  /// The first letter in `range` before any white space, skipping quotes and brackets.
  func firstLetter(in range: Range<Int>) -> Unicode.Scalar? {
    var index = range.lowerBound
    while index < range.upperBound && index - range.lowerBound < 8 {
      let scalar = scanner.scalar(at: index)
      if scalar.properties.isAlphabetic {
        return scalar
      }
      if scalar.properties.numericType != nil || scanner.space(at: index).width > 0 {
        return nil
      }
      index += UTF8.width(scalar)
    }
    return nil
  }

  /// The first letter or digit in `range`, skipping punctuation and white space, within
  /// a few bytes.
  func firstAlphanumeric(in range: Range<Int>) -> Unicode.Scalar? {
    var index = range.lowerBound
    while index < range.upperBound && index - range.lowerBound < 8 {
      let scalar = scanner.scalar(at: index)
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        return scalar
      }
      index += UTF8.width(scalar)
    }
    return nil
  }
}

extension Character {
  var isOpeningPunctuation: Bool { "([{\"'“‘«".contains(self) }
  var isClosingPunctuation: Bool { ")]}\"'”’»".contains(self) }
  var isASCIIDigit: Bool { isASCII && isNumber }
  var isQuotationMark: Bool { "\"'“”‘’«»„".contains(self) }
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
