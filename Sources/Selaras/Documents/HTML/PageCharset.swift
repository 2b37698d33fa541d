import Foundation

/// The charset of a page and its bytes as UTF-8: from the byte order mark (it cannot be
/// wrong, and browsers let it win), else the HTTP header, else a `<meta charset>` or
/// `<meta http-equiv="Content-Type">` in the page's first bytes, else UTF-8 when the bytes
/// are valid UTF-8 and windows-1252 when not (what browsers assume of an undeclared page). As
/// browsers do, ISO-8859-1 and US-ASCII are read as windows-1252, its superset.
enum PageCharset {
  /// How far into the page a `<meta>` declaring the charset is looked for.
  static let prescanBytes = 8192

  static func utf8(_ data: Data, declared: String?) throws(DocumentError) -> (bytes: [UInt8], charset: String) {
    let bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return try decode(Array(bytes.dropFirst(3)), as: "UTF-8") }
    if bytes.starts(with: [0xFF, 0xFE]) { return try decode(Array(bytes.dropFirst(2)), as: "UTF-16LE") }
    if bytes.starts(with: [0xFE, 0xFF]) { return try decode(Array(bytes.dropFirst(2)), as: "UTF-16BE") }
    // A header may declare UTF-16 for a page without a byte order mark, whose bytes hold NULs.
    if let declared = declared.map(label), declared.hasPrefix("UTF-16") { return try decode(bytes, as: declared) }
    if bytes.prefix(4096).contains(0) { throw .binary }
    if let declared = declared.map(label), !declared.isEmpty {
      guard !isRefused(declared) else { throw .unknownCharset(declared) }
      return try decode(bytes, as: declared)
    }
    if let meta = metaCharset(bytes.prefix(prescanBytes)) {
      guard !isRefused(meta) else { throw .unknownCharset(meta) }
      // A page cannot declare UTF-16 or UTF-32 in its own ASCII-compatible bytes: such pages
      // are UTF-8.
      return try decode(bytes, as: meta.hasPrefix("UTF-16") || meta == "UTF-32" ? "UTF-8" : meta)
    }
    if firstInvalidUTF8Offset(bytes) == nil { return (bytes, "UTF-8") }
    return try decode(bytes, as: "windows-1252")
  }

  /// A charset label as the page or header wrote it, in the name this reader decodes by.
  static func label(_ raw: String) -> String {
    let name = raw.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\n\"'")).lowercased()
    switch name {
    case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "UTF-8"
    case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "latin-1", "us-ascii", "ascii", "windows-1252",
      "cp1252", "x-cp1252", "ansi_x3.4-1968", "cp819", "ibm819":
      return "windows-1252"
    case "utf-16", "utf-16le", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff": return "UTF-16LE"
    case "utf-16be", "unicodefffe": return "UTF-16BE"
    case "utf-32", "utf-32le", "utf-32be", "ucs-4": return "UTF-32"
    default: return name
    }
  }

  /// Charsets a page may not declare (the encoding standard browsers follow knows none of them):
  /// UTF-7 hides markup in plain letters, and EBCDIC pages are not web pages.
  private static func isRefused(_ name: String) -> Bool {
    name.hasPrefix("utf-7") || name.hasPrefix("unicode-1-1-utf-7") || name.contains("ebcdic") || name == "cp037"
      || name == "ibm037" || name == "cp1047" || name == "ibm1047" || name == "cp500" || name == "ibm500"
  }

  private static func decode(_ bytes: [UInt8], as charset: String) throws(DocumentError) -> (
    bytes: [UInt8], charset: String
  ) {
    if charset == "UTF-8" {
      if let offset = firstInvalidUTF8Offset(bytes) { throw .invalidEncoding(charset: "UTF-8", offset: offset) }
      return (bytes, charset)
    }
    guard let utf8 = CharsetConversion.utf8(bytes, from: charset) else { throw .unknownCharset(charset) }
    return (utf8, charset)
  }

  /// The charset a `<meta>` element declares in these bytes, if one does.
  static func metaCharset(_ bytes: ArraySlice<UInt8>) -> String? {
    let head = String(decoding: bytes, as: UTF8.self).lowercased()
    var rest = head[...]
    while let open = rest.range(of: "<meta") {
      let tagEnd = rest[open.upperBound...].firstIndex(of: ">") ?? rest.endIndex
      let tag = rest[open.upperBound..<tagEnd]
      if let found = tag.range(of: "charset") {
        var value = tag[found.upperBound...].drop { $0 == " " }
        if value.first == "=" {
          value = value.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
          let name = value.prefix { !" \"';>/\t\r\n".contains($0) }
          if !name.isEmpty { return label(String(name)) }
        }
      }
      rest = rest[tagEnd...]
    }
    return nil
  }
}
