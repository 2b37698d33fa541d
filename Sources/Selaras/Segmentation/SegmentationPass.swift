/// One run of the segmenter over one text: collects ICU's boundaries, corrects them
/// (`SegmentationPass+Boundaries.swift`) and flags chrome (`SegmentationPass+Boilerplate.swift`).
struct SegmentationPass {
  let scanner: UTF8Scanner
  let rules: SegmentationRules
  /// The most bytes handed to ICU at once.
  let chunkLimit: Int
  /// Whether sentences get their text; without, only their ranges and paragraphs (for
  /// output that prints collapsed bytes straight from the input).
  var keepsText = true
  private(set) var sentences: [Sentence] = []
  /// For each sentence, the line it starts on, for repeated-line detection.
  private(set) var sentenceLines: [Int] = []

  /// The sentence being built, not yet emitted.
  private var open: Draft?
  private var paragraph = 0
  private var lineNumber = 0
  /// The end of the last non-blank span taken.
  private var previousEnd = 0
  /// The part of the text this pass segments: all of it, or a run of whole paragraphs
  /// when the text is segmented in parts on several threads.
  private let part: Range<Int>

  struct Draft {
    var range: Range<Int>
    var line: Int
  }

  init(scanner: UTF8Scanner, rules: SegmentationRules, chunkLimit: Int, part: Range<Int>? = nil) {
    self.scanner = scanner
    self.rules = rules
    self.chunkLimit = chunkLimit
    self.part = part ?? 0..<scanner.count
    previousEnd = self.part.lowerBound
  }

  /// The sentences of the pass's part, chrome not yet flagged.
  mutating func collect(breaker: ICUSentenceBreaker) throws(ICUError) {
    var boundaries: [Int] = []
    boundaries.reserveCapacity(part.count / 64 + 1)
    // Room for a sentence every 64 bytes, so that the arrays never grow by copying (pages
    // are only touched as they fill).
    sentences.reserveCapacity(part.count / 64 + 1)
    sentenceLines.reserveCapacity(part.count / 64 + 1)
    var chunkStart = part.lowerBound
    while chunkStart < part.upperBound {
      let chunkEnd = chunkBoundary(after: chunkStart)
      let chunk = UnsafeBufferPointer(rebasing: scanner.bytes[chunkStart..<chunkEnd])
      try breaker.appendBoundaries(of: chunk, base: chunkStart, to: &boundaries)
      chunkStart = chunkEnd
    }
    var pieceStart = part.lowerBound
    for boundary in boundaries where boundary > pieceStart {
      var missed: [Int] = []
      forEachMissedBoundary(in: pieceStart..<boundary) { missed.append($0) }
      var start = pieceStart
      for split in missed {
        take(start..<split)
        start = split
      }
      take(start..<boundary)
      pieceStart = boundary
    }
    if let draft = open {
      emit(draft)
    }
  }

  /// Takes in the sentences of the pass over the part that follows this one's, after a
  /// blank line (so a new paragraph), with its paragraphs and lines counted on from here.
  mutating func append(_ next: SegmentationPass) {
    let paragraphs = sentences.isEmpty ? 0 : paragraph + 1
    let lines = scanner.lineBreakCount(in: 0..<next.part.lowerBound)
    sentences.reserveCapacity(sentences.count + next.sentences.count)
    for var sentence in next.sentences {
      sentence.paragraph += paragraphs
      sentences.append(sentence)
    }
    sentenceLines += next.sentenceLines.map { $0 + lines }
    paragraph = next.sentences.isEmpty ? paragraph : (next.sentences.last?.paragraph ?? 0) + paragraphs
  }

  /// Where the chunk starting at `start` ends: after a line break near the limit.
  private func chunkBoundary(after start: Int) -> Int {
    let limit = start + chunkLimit
    if limit >= part.upperBound { return part.upperBound }
    var index = limit
    while index > start + chunkLimit / 2 {
      if scanner[index - 1] == 0x0A { return index }
      index -= 1
    }
    // No line break in the second half of the chunk: cut at a scalar boundary.
    index = limit
    while scanner[index] & 0xC0 == 0x80 { index -= 1 }
    return index
  }

  /// Handles one span between two candidate boundaries.
  private mutating func take(_ piece: Range<Int>) {
    let content = scanner.trimming(piece)
    guard !content.isEmpty else { return }
    let lineBreaks = scanner.lineBreakCount(in: previousEnd..<content.lowerBound)
    previousEnd = content.upperBound
    lineNumber += lineBreaks
    if var draft = open {
      let joins =
        lineBreaks == 0 ? continues(draft.range, with: content) : lineBreaks == 1 && isDangling(draft.range)
      if joins {
        draft.range = draft.range.lowerBound..<content.upperBound
        open = draft
        return
      }
      emit(draft)
    }
    if lineBreaks >= 2 && !sentences.isEmpty {
      paragraph += 1
    }
    open = Draft(range: content, line: lineNumber)
  }

  private mutating func emit(_ draft: Draft) {
    sentences.append(
      Sentence(text: keepsText ? scanner.collapsedText(draft.range) : "", range: draft.range, paragraph: paragraph))
    sentenceLines.append(draft.line)
    open = nil
  }

  mutating func setChrome(_ chrome: Sentence.Chrome, at index: Int) {
    sentences[index].chrome = chrome
  }
}
