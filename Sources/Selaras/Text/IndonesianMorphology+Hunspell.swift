import Foundation

extension IndonesianMorphology {
  /// Roots from a Hunspell `.dic` file: the word before `/` on each line after the count.
  public init(hunspellDictionary url: URL) throws {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw GlossaryFormatError.notText(file: url.path, reason: "cannot read the file")
    }
    let text = String(decoding: data, as: UTF8.self)
    var roots: Set<String> = []
    for line in text.split(separator: "\n").dropFirst() {
      let word = line.split(separator: "/", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
      if !word.isEmpty { roots.insert(word.lowercased()) }
    }
    self.init(roots: roots)
  }
}
