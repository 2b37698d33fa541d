/// Why a text could not be segmented.
public enum SegmentationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No segmentation rules ship for this language.
  case unsupportedLanguage(LanguageTag)
  /// A rules file is missing or malformed; `line` is 1-based.
  case invalidRules(file: String, line: Int, reason: String)
  /// ICU failed to open or run its sentence iterator.
  case icu(ICUError)

  public var description: String {
    switch self {
    case .unsupportedLanguage(let tag):
      return "unsupported language '\(tag)': segmentation rules exist for id and en"
    case .invalidRules(let file, let line, let reason):
      return "\(file):\(line): \(reason)"
    case .icu(let error):
      return "sentence breaking failed: \(error)"
    }
  }
}
