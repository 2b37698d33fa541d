import Foundation
import Synchronization

/// Splits Indonesian or English news text into sentences.
///
/// ICU's sentence boundaries (UAX #29) are the starting point; the segmenter then corrects
/// what they get wrong in news:
/// - line breaks are hard boundaries, so headlines and photo captions without a full stop
///   stand alone, while a dateline left alone on its line (`Bisnis.com, JAKARTA –`) joins
///   the sentence on the next;
/// - no break after titles and abbreviations (`dr.`, `Jl.`, `Tbk.`, `U.S.`, `p.m.`) or
///   initials (`Agus D.W. Martowardojo`) unless a sentence opener follows an ambiguous one;
/// - no break between a quote ending in `?` or `!` and its attribution (`"Siap?" tanya dia.`);
/// - every sentence is flagged when it is site chrome (see ``Sentence/isBoilerplate``).
///
/// ```swift
/// let segmenter = try SentenceSegmenter(language: .indonesian)
/// let sentences = try segmenter.segment("Kata dr. Ani. Ia pulang.")
/// // ["Kata dr. Ani.", "Ia pulang."]
/// ```
public struct SentenceSegmenter: Sendable {
  public let language: LanguageTag
  public let rules: SegmentationRules
  /// Opening an ICU iterator costs more than segmenting a short article, so iterators are
  /// kept for reuse, one per concurrent caller.
  private let breakers = BreakerPool()
  /// The ICU locale, `id` or `en`.
  private let locale: String

  /// Creates a segmenter with the bundled rules for `language`.
  ///
  /// - Throws: `SegmentationError.unsupportedLanguage` unless `language` is `id` or `en`.
  public init(language: LanguageTag) throws(SegmentationError) {
    self.init(language: language, rules: try SegmentationRules.bundled(for: language))
  }

  public init(language: LanguageTag, rules: SegmentationRules) {
    self.language = language
    self.rules = rules
    self.locale = language.language
  }

  /// The sentences of `text`, in order, with UTF-8 byte ranges into `text`.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  /// - Throws: `SegmentationError.icu` when ICU cannot run.
  public func segment(_ text: String) throws(SegmentationError) -> [Sentence] {
    try segment(text, keepsText: true)
  }

  /// The UTF-8 byte ranges of the sentences ``segment(_:)`` finds in `text`, without making
  /// their texts or flagging chrome: for output that needs neither, such as one sentence a
  /// line (``writeLines(_:of:_:)``).
  public func sentenceRanges(_ text: String) throws(SegmentationError) -> [Range<Int>] {
    try segment(text, keepsText: false).map(\.range)
  }

  /// Calls `write` with the sentences of `text` at `ranges`, each with its white space
  /// collapsed (as ``Sentence/text``) and a line break after it, in chunks of about 64 KB.
  public static func writeLines(
    _ ranges: [Range<Int>], of text: String, _ write: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    var text = text
    text.withUTF8 { bytes in
      let scanner = UTF8Scanner(bytes: bytes)
      let chunk = 1 << 16
      let longest = ranges.map(\.count).max() ?? 0
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: chunk + longest + 1) { buffer in
        var count = 0
        for range in ranges {
          count += scanner.collapse(range, into: UnsafeMutableBufferPointer(rebasing: buffer[count...]))
          buffer[count] = 0x0A
          count += 1
          if count >= chunk {
            write(UnsafeBufferPointer(rebasing: buffer[..<count]))
            count = 0
          }
        }
        if count > 0 { write(UnsafeBufferPointer(rebasing: buffer[..<count])) }
      }
    }
  }

  private func segment(_ text: String, keepsText: Bool) throws(SegmentationError) -> [Sentence] {
    try withICU(text) { breaker, bytes throws(ICUError) in
      let scanner = UTF8Scanner(bytes: bytes)
      // A long text is cut in two at a blank line near its middle and the halves segmented
      // on two threads (a blank line ends every sentence, so the sentences are the same);
      // chrome is flagged over the whole, as repeated lines are found across it.
      if bytes.count >= parallelThreshold, let middle = Self.paragraphStart(near: bytes.count / 2, in: bytes) {
        let parts = [0..<middle, middle..<bytes.count]
        let passes = Mutex<[SegmentationPass?]>([nil, nil])
        let failure = Mutex<ICUError?>(nil)
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
          do throws(ICUError) {
            let own = index == 0 ? breaker : try breakers.take(locale: locale)
            defer { if index != 0 { breakers.give(back: own) } }
            var pass = SegmentationPass(scanner: scanner, rules: rules, chunkLimit: chunkLimit, part: parts[index])
            pass.keepsText = keepsText
            try pass.collect(breaker: own)
            passes.withLock { $0[index] = pass }
          } catch {
            failure.withLock { $0 = error }
          }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        var pass = passes.withLock { $0[0]! }
        pass.append(passes.withLock { $0[1]! })
        if keepsText { pass.markBoilerplate() }
        return pass.sentences
      }
      var pass = SegmentationPass(scanner: scanner, rules: rules, chunkLimit: chunkLimit)
      pass.keepsText = keepsText
      try pass.collect(breaker: breaker)
      if keepsText { pass.markBoilerplate() }
      return pass.sentences
    }
  }

  /// The start of the first line after a blank line at or after `offset` (in the second
  /// half of the text), or nil when there is none.
  static func paragraphStart(near offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var index = offset
    while index < bytes.count - 1 {
      if bytes[index] == 0x0A {
        // A line break, then only spaces and tabs, then another: a blank line.
        var next = index + 1
        while next < bytes.count && (bytes[next] == 0x20 || bytes[next] == 0x09 || bytes[next] == 0x0D) { next += 1 }
        if next < bytes.count && bytes[next] == 0x0A { return next + 1 < bytes.count ? next + 1 : nil }
        index = next
      } else {
        index += 1
      }
    }
    return nil
  }

  /// The UTF-8 byte offsets after each sentence plain ICU finds in `text`, without any of
  /// the corrections: the baseline that `selaras-bench` compares against.
  public func plainICUBoundaries(_ text: String) throws(SegmentationError) -> [Int] {
    try withICU(text) { breaker, bytes throws(ICUError) in
      var boundaries: [Int] = []
      try breaker.appendBoundaries(of: bytes, base: 0, to: &boundaries)
      return boundaries
    }
  }

  /// The sentences of ``plainICUBoundaries(_:)``, trimmed, with white space collapsed.
  public func plainICUSentences(_ text: String) throws(SegmentationError) -> [String] {
    let boundaries = try plainICUBoundaries(text)
    var text = text
    return text.withUTF8 { bytes in
      let scanner = UTF8Scanner(bytes: bytes)
      var start = 0
      var sentences: [String] = []
      for boundary in boundaries {
        let content = scanner.trimming(start..<boundary)
        if !content.isEmpty {
          sentences.append(scanner.collapsedText(content))
        }
        start = boundary
      }
      return sentences
    }
  }

  /// Runs `body` with an ICU iterator over the UTF-8 bytes of `text`.
  private func withICU<Value>(
    _ text: String,
    _ body: (ICUSentenceBreaker, UnsafeBufferPointer<UInt8>) throws(ICUError) -> Value
  ) throws(SegmentationError) -> Value {
    do throws(ICUError) {
      let breaker = try breakers.take(locale: locale)
      defer { breakers.give(back: breaker) }
      var text = text
      let result: Result<Value, ICUError> = text.withUTF8 { bytes in
        do throws(ICUError) {
          return .success(try body(breaker, bytes))
        } catch {
          return .failure(error)
        }
      }
      return try result.get()
    } catch {
      throw .icu(error)
    }
  }

  /// The most bytes handed to ICU at once (ICU counts offsets in 32 bits); longer texts are
  /// cut after a line break. Settable for tests.
  var chunkLimit = 1 << 26

  /// From this many bytes, a text is segmented in two halves on two threads. Settable for
  /// tests.
  var parallelThreshold = 1 << 20
}

/// ICU iterators ready for reuse.
private final class BreakerPool: Sendable {
  private let idle = Mutex<[ICUSentenceBreaker]>([])

  func take(locale: String) throws(ICUError) -> ICUSentenceBreaker {
    if let breaker = idle.withLock({ $0.popLast() }) {
      return breaker
    }
    return try ICUSentenceBreaker(locale: locale)
  }

  func give(back breaker: ICUSentenceBreaker) {
    idle.withLock { $0.append(breaker) }
  }
}

extension SentenceSegmenter {
  /// Sentences of text that is already segmented: each non-empty line is one sentence,
  /// blank lines separate paragraphs, and chrome is flagged as in ``segment(_:)`` (by the
  /// language's patterns, and short sentences occurring more than once).
  public func presegmented(_ text: String) -> [Sentence] {
    var sentences: [Sentence] = []
    var paragraph = 0
    var blankSeen = false
    var offset = 0
    // Each short line's first copy: later copies are chrome, the first may pair.
    var firstCopies: [String: Int] = [:]
    // Split on the byte: in a Swift string "\r\n" is one Character, not a "\n".
    for bytes in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      defer { offset += bytes.count + 1 }
      let line = Substring(decoding: bytes, as: UTF8.self)
      let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !trimmed.isEmpty else {
        blankSeen = !sentences.isEmpty
        continue
      }
      if blankSeen {
        paragraph += 1
        blankSeen = false
      }
      let leading = line.prefix { $0.isWhitespace }.utf8.count
      let collapsed = trimmed.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      var chrome = ChromeShapes.chrome(
        of: collapsed, patterns: rules.chrome, isWholeLine: true, isFirstLine: sentences.isEmpty)
      if collapsed.utf8.count <= SegmentationPass.repeatedLineLimit {
        if let first = firstCopies[collapsed] {
          chrome = .repeated
          if sentences[first].chrome.isPairable { sentences[first].chrome = .firstOfRepeated }
        } else {
          firstCopies[collapsed] = sentences.count
        }
      }
      sentences.append(
        Sentence(
          text: collapsed, range: (offset + leading)..<(offset + leading + trimmed.utf8.count), paragraph: paragraph,
          chrome: chrome))
    }
    return sentences
  }
}
