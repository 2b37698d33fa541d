/// One sentence of a segmented text.
public struct Sentence: Hashable, Sendable {
  /// The sentence with every internal run of white space (line breaks and no-break spaces
  /// included) collapsed to one space, and none at either end.
  public var text: String
  /// UTF-8 byte offsets of the sentence in the text it was cut from.
  public var range: Range<Int>
  /// The paragraph the sentence belongs to, counted from 0; blank lines separate paragraphs.
  public var paragraph: Int
  /// Why the sentence is site chrome, if it is.
  public var chrome: Chrome

  /// What kind of site chrome a sentence is, which decides how the aligner may pair it.
  public enum Chrome: UInt8, Hashable, Sendable {
    /// Article text.
    case none
    /// A line of the language's chrome list (`Baca juga: …`, wire trailers) or a page's date
    /// and time line (`Selasa, 12 Nov 2024 10:15 WIB`): never paired.
    case pattern
    /// A photo credit (`REUTERS/Willy Kurniawan`): paired only with a credit.
    case credit
    /// A short label line (`Berita Lainnya`, `Foto`, `RELATED STORIES`) or a call to log in,
    /// subscribe or download: usually chrome, but paired when its translation is there.
    case label
    /// The first copy of a short line the text repeats: a caption shown twice, or chrome
    /// on every screen; paired when its translation is there.
    case firstOfRepeated
    /// A later copy of a repeated line: never paired.
    case repeated

    /// Whether the aligner may pair the sentence with article text.
    public var isPairable: Bool { self == .none || isSoft }
    /// A label or a repeated line's first copy: chrome, but paired 1-1 with its translation.
    public var isSoft: Bool { self == .label || self == .firstOfRepeated }
    /// A listed pattern or a later copy of a repeated line: never in a pair.
    public var neverPairs: Bool { self == .pattern || self == .repeated }
  }

  /// Whether the sentence is site chrome rather than article text: "Baca juga: …" links,
  /// subscription prompts, photo credits, label lines, lines repeated within the article.
  /// Setting it to true marks the sentence as matching a chrome pattern.
  public var isBoilerplate: Bool {
    get { chrome != .none }
    set { chrome = newValue ? (chrome == .none ? .pattern : chrome) : .none }
  }

  public init(text: String, range: Range<Int>, paragraph: Int, isBoilerplate: Bool = false) {
    self.init(text: text, range: range, paragraph: paragraph, chrome: isBoilerplate ? .pattern : .none)
  }

  public init(text: String, range: Range<Int>, paragraph: Int, chrome: Chrome) {
    self.text = text
    self.range = range
    self.paragraph = paragraph
    self.chrome = chrome
  }
}
