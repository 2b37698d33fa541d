internal import CICU

/// ICU's sentence boundaries (UAX #29 with ICU's tailoring) over UTF-8 bytes.
///
/// At most `Int32.max` bytes at a time: the segmenter cuts longer texts at line breaks.
///
/// One value owns one ICU iterator. It may move between threads but is used by one
/// caller at a time (`BreakerPool` hands it out).
final class ICUSentenceBreaker: @unchecked Sendable {
  private let iterator: OpaquePointer

  init(locale: String) throws(ICUError) {
    var status: Int32 = 0
    guard let iterator = cicu_sentence_iterator_open(locale, &status) else {
      throw ICUError(rawValue: status > 0 ? status : 1)
    }
    self.iterator = iterator
  }

  deinit {
    cicu_sentence_iterator_close(iterator)
  }

  /// Appends to `boundaries` the byte offset after each sentence ICU finds in `text`,
  /// shifted by `base`; the last one is `base + text.count`.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  func appendBoundaries(
    of text: UnsafeBufferPointer<UInt8>, base: Int, to boundaries: inout [Int]
  ) throws(ICUError) {
    guard let start = text.baseAddress, !text.isEmpty else { return }
    var count: Int32 = 0
    var status: Int32 = 0
    guard let found = cicu_sentence_breaks(iterator, start, Int32(text.count), &count, &status) else {
      throw ICUError(rawValue: status > 0 ? status : 1)
    }
    for boundary in UnsafeBufferPointer(start: found, count: Int(count)) {
      boundaries.append(base + Int(boundary))
    }
  }
}

/// The version of the ICU library Selaras is linked with, such as "72.1".
public var icuVersion: String {
  String(cString: cicu_version())
}
