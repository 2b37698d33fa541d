internal import CICU

/// ICU's sentence boundaries (UAX #29 with ICU's tailoring) over UTF-8 bytes.
///
/// One value owns one ICU iterator; it is not shared between threads.
final class ICUSentenceBreaker {
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
    if let error = ICUError.check(cicu_sentence_iterator_set_text(iterator, start, Int64(text.count))) {
      throw error
    }
    while true {
      let boundary = cicu_sentence_iterator_next(iterator)
      if boundary < 0 { break }
      boundaries.append(base + Int(boundary))
    }
  }
}

/// The version of the ICU library Selaras is linked with, such as "72.1".
public var icuVersion: String {
  String(cString: cicu_version())
}
