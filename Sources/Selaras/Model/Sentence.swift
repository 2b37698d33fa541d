/// One sentence of a segmented text.
public struct Sentence: Hashable, Sendable {
  /// The sentence with every internal run of white space (line breaks and no-break spaces
  /// included) collapsed to one space, and none at either end.
  public var text: String
  /// UTF-8 byte offsets of the sentence in the text it was cut from.
  public var range: Range<Int>
  /// The paragraph the sentence belongs to, counted from 0; blank lines separate paragraphs.
  public var paragraph: Int
  /// Whether the sentence is site chrome rather than article text: "Baca juga: …" links,
  /// subscription prompts, photo credits, lines repeated within the article.
  public var isBoilerplate: Bool

  public init(text: String, range: Range<Int>, paragraph: Int, isBoilerplate: Bool = false) {
    self.text = text
    self.range = range
    self.paragraph = paragraph
    self.isBoilerplate = isBoilerplate
  }
}
