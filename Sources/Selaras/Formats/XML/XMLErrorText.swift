/// Plain words for libxml2's error codes, in place of its own messages, which speak of the
/// parser's internals ("StartTag: invalid element name").
enum XMLErrorText {
  static func describe(_ code: Int) -> String {
    switch code {
    case 4: return "no start tag where the document should begin (empty, or not XML)"
    case 5: return "the document ends too soon"
    case 9: return "a character that XML does not allow"
    case 23, 24: return "an unterminated comment or processing instruction"
    case 26: return "an entity that is not declared"
    case 27: return "an unparsed entity used in text"
    case 38, 39, 40, 41: return "a malformed attribute"
    case 64: return "an unexpected end of a tag"
    case 68: return "a malformed name"
    case 73: return "a malformed end tag"
    case 76: return "an end tag that does not match its start tag"
    case 89: return "an entity that refers to itself, or expands too much"
    case 111: return "an entity expansion that is too large"
    default: return "XML error \(code)"
    }
  }
}
