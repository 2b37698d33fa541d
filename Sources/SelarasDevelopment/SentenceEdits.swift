import Selaras

/// The edits translators make to sentence boundaries, done on real sentences: one sentence
/// cut in two at a clause boundary, two sentences joined into one.
enum SentenceEdits {
  /// Cuts `sentence` at the clause boundary nearest its middle (a comma or semicolon before
  /// a conjunction, or a semicolon), with at least four words a side; nil when it has none.
  /// The first part ends with a full stop, the second starts with a capital; a joining
  /// conjunction (`dan`, `and`, `serta`) is dropped, a contrasting one kept (`Namun`, `But`).
  static func split(_ sentence: String, language: String) -> (String, String)? {
    let words = sentence.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard words.count >= 9 else { return nil }
    let dropped: Set<String> = language == "id" ? ["dan", "serta"] : ["and"]
    let kept: [String: String] =
      language == "id"
      ? [
        "tetapi": "Namun", "namun": "Namun", "sementara": "Sementara itu", "sedangkan": "Sementara itu",
        "karena": "Hal itu karena", "sehingga": "Akibatnya",
      ]
      : ["but": "But", "while": "Meanwhile", "although": "Still", "because": "That is because", "so": "As a result"]
    var best: (cut: Int, distance: Int, replacement: String?)?
    for index in 3..<(words.count - 4) {
      let word = words[index]
      guard word.hasSuffix(",") || word.hasSuffix(";") else { continue }
      let next = words[index + 1].lowercased()
      let replacement: String??
      if dropped.contains(next) {
        replacement = .some(nil)
      } else if let opener = kept[next] {
        replacement = .some(opener)
      } else if word.hasSuffix(";") {
        replacement = .some("")
      } else {
        replacement = nil
      }
      guard let replacement else { continue }
      let distance = abs(2 * (index + 1) - words.count)
      if best == nil || distance < best!.distance {
        best = (index, distance, replacement)
      }
    }
    guard let best else { return nil }
    let first = words[...best.cut].joined(separator: " ").dropLast() + "."
    // `""`: a semicolon, the next word starts the sentence; nil: a conjunction dropped.
    var rest = Array(words[(best.cut + 1)...])
    switch best.replacement {
    case .none: rest.removeFirst()
    case .some(""): break
    case .some(let opener):
      rest.removeFirst()
      rest.insert(opener + ",", at: 0)
    }
    guard rest.count >= 3 else { return nil }
    return (String(first), capitalized(rest.joined(separator: " ")))
  }

  /// Joins two sentences into one: the first loses its full stop, a conjunction or a
  /// semicolon links them, and the second loses its capital unless it starts with a name.
  static func join(_ first: String, _ second: String, language: String, variant: Int, lowercaseWords: Set<String>)
    -> String
  {
    var head = Substring(first)
    while let last = head.last, last == "." || last == " " { head = head.dropLast() }
    let links = language == "id" ? [", dan ", "; ", ", sementara "] : [", and ", "; ", ", while "]
    let word = second.prefix { $0 != " " }
    let tail = lowercaseWords.contains(word.lowercased()) && word != word.uppercased() ? decapitalized(second) : second
    return head + links[variant % links.count] + tail
  }

  static func capitalized(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }

  static func decapitalized(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.lowercased() + text.dropFirst()
  }

  /// A caption or headline made of a sentence: the sentence without its full stop.
  static func caption(_ sentence: String) -> String {
    var text = Substring(sentence)
    while let last = text.last, ".!?”\" ".contains(last) { text = text.dropLast() }
    return String(text)
  }
}
