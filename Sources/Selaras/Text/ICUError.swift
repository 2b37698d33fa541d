/// A failure reported by ICU, wrapping its `UErrorCode`.
///
/// Only positive codes are failures; ICU's negative codes are warnings and never reach here.
public struct ICUError: Error, RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public let rawValue: Int32

  public init(rawValue: Int32) {
    self.rawValue = rawValue
  }

  /// Returns an error for a positive status, nil for success or a warning.
  static func check(_ status: Int32) -> ICUError? {
    status > 0 ? ICUError(rawValue: status) : nil
  }

  public var description: String { "ICU error \(rawValue)" }
}
