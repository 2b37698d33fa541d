/// What a CAT tool's analysis shows before a job: segments and words per match band.
public struct PretranslationAnalysis: Sendable, Codable, Hashable {
  public var segments: Int
  public var words: Int
  public var bands: [Band]

  public struct Band: Sendable, Codable, Hashable {
    /// `repetitions`, `101`, `100`, `95-99`, `85-94`, `75-84`, `50-74` or `no match`.
    public var band: String
    public var segments: Int
    public var words: Int
  }

  /// The bands, in the order CAT tools print them.
  public static let bandNames = ["repetitions", "101", "100", "95-99", "85-94", "75-84", "50-74", "no match"]

  /// The band of a segment: a repetition of an earlier segment first (counted once, where it
  /// first occurs), else by its best score (101 for a context match).
  public static func band(of segment: PretranslatedSegment) -> String {
    if segment.isRepetition { return "repetitions" }
    switch segment.bestScore {
    case 101...: return "101"
    case 100: return "100"
    case 95..<100: return "95-99"
    case 85..<95: return "85-94"
    case 75..<85: return "75-84"
    case 50..<75: return "50-74"
    default: return "no match"
    }
  }

  /// The analysis of `segments`; chrome, which is not translated, is left out.
  public init(_ segments: [PretranslatedSegment]) {
    var counts = Dictionary(uniqueKeysWithValues: Self.bandNames.map { ($0, (segments: 0, words: 0)) })
    for segment in segments where !segment.isChrome {
      counts[Self.band(of: segment)]!.segments += 1
      counts[Self.band(of: segment)]!.words += segment.words
    }
    bands = Self.bandNames.map { Band(band: $0, segments: counts[$0]!.segments, words: counts[$0]!.words) }
    self.segments = bands.reduce(0) { $0 + $1.segments }
    words = bands.reduce(0) { $0 + $1.words }
  }
}
