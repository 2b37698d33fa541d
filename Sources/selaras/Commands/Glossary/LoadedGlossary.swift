import Foundation
import Selaras
import SelarasGlossaries

/// The glossary a command works on, and the matcher over it.
struct LoadedGlossary {
  var entries: [TermEntry]
  var matcher: GlossaryMatcher

  /// The shipped glossary, then the user's store when it exists (a lookup creates no file).
  static func load(_ store: StoreOptions, shipped: Bool = true) throws -> LoadedGlossary {
    let entries = try self.entries(store, shipped: shipped)
    return LoadedGlossary(entries: entries, matcher: GlossaryMatcher(entries: entries, morphology: try MachineResources.forMatching.morphology()))
  }

  /// The shipped glossary's entries (unless `shipped` is false), then the store's.
  static func entries(_ store: StoreOptions, shipped: Bool = true) throws -> [TermEntry] {
    try (shipped ? bundledEntries() : []) + (store.existingDatabase()?.glossaryEntries() ?? [])
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

/// A glossary entry as the CLI shows it: `{"terms":[{"text":…,"lang":…,"status":…}],"note":…}`.
struct EntryOutput: Encodable {
  var terms: [TermOutput]
  var note: Nullable<String>

  struct TermOutput: Encodable {
    var text: String
    var lang: String
    var status: Term.Status
  }

  init(_ entry: TermEntry) {
    terms = entry.terms.map { TermOutput(text: $0.text, lang: $0.language.rawValue, status: $0.status) }
    note = Nullable(entry.note)
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
