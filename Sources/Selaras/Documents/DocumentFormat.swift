import Foundation

/// The format a document is read as.
public enum DocumentFormat: String, Sendable {
  case text
  case html

  /// HTML when the first non-blank bytes open markup a page starts with (a doctype, `<html`,
  /// `<head`, `<body`, a comment or `<meta`), or when the name says `.html`/`.htm` and the
  /// bytes start with `<`; text otherwise. Content decides, not only the name: a page saved
  /// as `.txt` is still a page.
  public static func detect(_ data: Data, name: String? = nil) -> DocumentFormat {
    let head: String
    if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
      // UTF-16 with its byte order mark: its first characters, read as such.
      let units = stride(from: 2, to: min(data.count - 1, 2050), by: 2).map { offset -> UInt16 in
        let (a, b) = (UInt16(data[data.startIndex + offset]), UInt16(data[data.startIndex + offset + 1]))
        return data.first == 0xFF ? a | b << 8 : a << 8 | b
      }
      head = String(decoding: units, as: UTF16.self).drop { $0.isWhitespace }.lowercased()
    } else {
      var bytes = data[...]
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
      // Leading white space, however much, then the first bytes that say what the file is.
      let start = bytes.prefix(1 << 20).firstIndex { ![0x20, 0x09, 0x0A, 0x0D, 0x0C].contains($0) } ?? bytes.endIndex
      head = String(decoding: bytes[start...].prefix(512), as: UTF8.self).lowercased()
    }
    for opening in ["<!doctype html", "<html", "<head", "<body", "<!--", "<meta", "<?xml"]
    where head.hasPrefix(opening) {
      return opening == "<?xml" && !head.contains("<html") ? .text : .html
    }
    if let name, [".html", ".htm", ".xhtml"].contains(where: name.lowercased().hasSuffix), head.hasPrefix("<") {
      return .html
    }
    return .text
  }
}
