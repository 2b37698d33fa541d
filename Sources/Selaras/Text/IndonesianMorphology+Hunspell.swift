import Foundation

extension IndonesianMorphology {
  /// Where Debian's `hunspell-id` installs its word list.
  public static let hunspellDictionary = URL(fileURLWithPath: "/usr/share/hunspell/id_ID.dic")

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

  /// The roots of `hunspell-id` when it is installed, else none.
  public static func standard() throws -> IndonesianMorphology {
    FileManager.default.fileExists(atPath: hunspellDictionary.path)
      ? try IndonesianMorphology(hunspellDictionary: hunspellDictionary) : IndonesianMorphology()
  }
}
