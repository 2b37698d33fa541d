import Foundation

/// White space in page text.
enum PageText {
  /// Runs of white space (non-breaking spaces included) as one space, trimmed.
  static func collapsed(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var space = false
    for scalar in text.unicodeScalars {
      let isSpace =
        scalar.value < 0x80
        ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)
        : scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
      if isSpace {
        space = !result.isEmpty
      } else {
        if space { result.unicodeScalars.append(" ") }
        space = false
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Text folded for comparing titles: lower case, letters and digits only.
  static func folded(_ text: String) -> String {
    String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
  }

  /// A paragraph without the editors' initials Indonesian sites end articles with:
  /// "… Desember. (abc/xyz)" → "… Desember.".
  static func withoutEditorInitials(_ text: String) -> String {
    guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return text }
    let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
    guard (2...24).contains(inner.count),
      inner.allSatisfy({ $0.isLowercase && $0.isASCII || $0 == "/" || $0 == "-" || $0 == " " }),
      inner.contains(where: \.isLetter)
    else { return text }
    // Only initials: short groups of letters between slashes or hyphens.
    let groups = inner.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == " " })
    guard groups.allSatisfy({ (1...6).contains($0.count) }) else { return text }
    return String(text[..<open]).trimmingCharacters(in: .whitespaces)
  }
}
