import Foundation
import Selaras
import SelarasGlossaries

/// Loads the glossary a command works on.
enum LoadedGlossary {
  /// The user's store when it exists (a lookup creates no file) over the shipped glossary
  /// (unless `shipped` is false), the store's entries first.
  static func load(_ store: StoreOptions, shipped: Bool = true) async throws -> LayeredGlossary {
    LayeredGlossary(
      store: try await store.existingGlossary()?.glossaryEntries() ?? [], shipped: shipped ? try bundledEntries() : [],
      morphology: try MachineResources.forMatching.morphology())
  }

  /// The shipped glossary's entries (unless `shipped` is false), then the store's.
  static func entries(_ store: StoreOptions, shipped: Bool = true) async throws -> [TermEntry] {
    try await (shipped ? bundledEntries() : []) + (store.existingGlossary()?.glossaryEntries() ?? [])
  }

  /// The aligner's word list with the glossary's term pairs added, so that accepted terms
  /// anchor alignments and link words in term capture, and the word translations learned
  /// from saved alignments (`selaras lexicon`) that are linked often enough to be used.
  static func lexicon(adding entries: [TermEntry], learned: [LearnedTranslation] = []) throws -> Lexicon {
    var lexicon = try MachineResources.forLexicon.lexicon()
    lexicon.merge(Lexicon(glossary: entries))
    lexicon.merge(LexiconLearner().lexicon(from: learned))
    return lexicon
  }

  static func bundledEntries() throws -> [TermEntry] {
    guard let url = BundledGlossaries.newsIndonesianEnglish else {
      throw CommandError("the bundled glossary news-id-en.tsv is missing from the build")
    }
    return try TSVGlossaryReader.entries(InputFile.text(url.path), file: url.lastPathComponent).entries
  }
}

extension TermEntry {
  /// `id: Kementerian Luar Negeri; Kemenlu` and `en: Foreign Ministry`, one line a language.
  var text: String {
    var languages: [LanguageTag] = []
    for term in terms where !languages.contains(term.language) {
      languages.append(term.language)
    }
    var lines = languages.map { language in
      "\(language): "
        + self.terms(in: language).map { $0.status == .preferred ? $0.text : "\($0.text) (\($0.status.rawValue))" }
        .joined(separator: "; ")
    }
    if let note { lines.append("note: \(note)") }
    return lines.joined(separator: "\n")
  }

  /// ``text`` on one line, its languages separated by ` | `, as adds and removals report it.
  var line: String {
    text.replacingOccurrences(of: "\n", with: " | ")
  }
}
