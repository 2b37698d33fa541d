import Foundation
import Selaras
import SelarasGlossaries

/// Loads the glossary a command works on.
enum LoadedGlossary {
  /// The user's store when it exists (a lookup creates no file) over the shipped glossary
  /// (unless `shipped` is false), the store's entries first.
  static func load(_ store: StoreOptions, shipped: Bool = true) throws -> LayeredGlossary {
    LayeredGlossary(
      store: try store.existingGlossary()?.glossaryEntries() ?? [], shipped: shipped ? try bundledEntries() : [],
      morphology: try MachineResources.forMatching.morphology())
  }

  /// The shipped glossary's entries (unless `shipped` is false), then the store's.
  static func entries(_ store: StoreOptions, shipped: Bool = true) throws -> [TermEntry] {
    try (shipped ? bundledEntries() : []) + (store.existingGlossary()?.glossaryEntries() ?? [])
  }

  /// The aligner's word list with the glossary's term pairs added, so that accepted terms
  /// anchor alignments and link words in term capture.
  static func lexicon(adding entries: [TermEntry]) throws -> Lexicon {
    var lexicon = try MachineResources.forLexicon.lexicon()
    lexicon.merge(Lexicon(glossary: entries))
    return lexicon
  }

  static func bundledEntries() throws -> [TermEntry] {
    guard let url = BundledGlossaries.newsIndonesianEnglish else {
      throw CommandError("the bundled glossary news-id-en.tsv is missing from the build")
    }
    return try TSVGlossaryReader.entries(InputFile.text(url.path), file: url.lastPathComponent).entries
  }
}

/// A glossary entry as the CLI shows it:
/// `{"terms":[{"text":…,"lang":…,"status":…}],"note":…,"origin":"store"|"shipped"}`.
struct EntryOutput: Encodable {
  var terms: [TermOutput]
  var note: Nullable<String>
  var origin: GlossaryOrigin

  struct TermOutput: Encodable {
    var text: String
    var lang: String
    var status: Term.Status
  }

  init(_ entry: TermEntry, origin: GlossaryOrigin) {
    terms = entry.terms.map { TermOutput(text: $0.text, lang: $0.language.rawValue, status: $0.status) }
    note = Nullable(entry.note)
    self.origin = origin
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
      "\(language): " + self.terms(in: language).map { $0.status == .preferred ? $0.text : "\($0.text) (\($0.status.rawValue))" }
        .joined(separator: "; ")
    }
    if let note { lines.append("note: \(note)") }
    return lines.joined(separator: "\n")
  }
}
