extension String {
  /// The string escaped for XML 1.0 text and attribute values: `& < > "` as entities, and
  /// the control characters XML 1.0 forbids (all below U+0020 but tab, LF and CR; U+FFFE,
  /// U+FFFF; lone surrogates cannot occur in a Swift string) removed.
  package var xmlEscaped: String {
    var text = self
    let needsWork = text.withUTF8 { $0.contains(where: String.needsXMLEscaping) }
    guard needsWork else { return self }
    var result = ""
    result.reserveCapacity(utf8.count)
    for scalar in unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Whether a UTF-8 byte may need escaping or removing: `& < > "`, a control character, or
  /// the lead byte of U+FFFE and U+FFFF (and of other characters, which the escaping keeps).
  static func needsXMLEscaping(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
      || byte < 0x20 || byte == 0xEF
  }
}
