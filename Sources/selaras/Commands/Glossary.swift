import ArgumentParser
import Foundation
import Selaras
import SelarasGlossaries
import SelarasStore

struct Glossary: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Look up and find terms in the glossary.",
    discussion: "The glossary shipped in Glossaries/ is always there, read-only, as the base layer.",
    subcommands: [Lookup.self, Scan.self, Add.self, Import.self, Export.self])

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case tsv, csv, tbx
  }
}

/// The glossary a command works on, and the matcher over it.
struct LoadedGlossary {
  var entries: [TermEntry]
  var matcher: GlossaryMatcher

  /// The shipped glossary, then the user's store when it exists (a lookup creates no file).
  static func load(_ store: StoreOptions) throws -> LoadedGlossary {
    var entries = try bundledEntries()
    entries += try store.existingDatabase()?.glossaryEntries() ?? []
    return LoadedGlossary(entries: entries, matcher: GlossaryMatcher(entries: entries, morphology: try .standard()))
  }

  static func bundledEntries() throws -> [TermEntry] {
    guard let url = BundledGlossaries.newsIndonesianEnglish else {
      throw CommandError("the bundled glossary news-id-en.tsv is missing from the build")
    }
    return try TSVGlossaryReader.entries(InputFile.text(url.path), file: url.lastPathComponent).entries
  }
}

extension TermEntry {
  /// `{"terms":[{"text":…,"lang":…,"status":…}],"note":…}`
  var json: String {
    let terms = self.terms.map { term in
      "{\"text\":\(term.text.jsonLiteral),\"lang\":\(term.language.rawValue.jsonLiteral),\"status\":\"\(term.status.rawValue)\"}"
    }
    let note = self.note.map(\.jsonLiteral) ?? "null"
    return "{\"terms\":[\(terms.joined(separator: ","))],\"note\":\(note)}"
  }

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

extension Glossary {
  struct Lookup: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find the entries for a term, in either language, inflected forms and acronyms included.",
      discussion: "Exits 1 with a message on stderr when nothing matches.")

    @Argument(help: "The term: `Kemenlu`, `kementerian luar negeri`, `drone-drone kamikaze`.")
    var term: String

    @Option(help: "Only match terms in this language (id or en).")
    var lang: LanguageTag?

    @Flag(help: "Print JSON: {\"query\":…,\"entries\":[…]}.")
    var json = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
      try lang?.validateSupported("--lang")
    }

    func run() throws {
      let glossary = try LoadedGlossary.load(store)
      let found = glossary.matcher.lookup(term, language: lang)
      var output = StandardOutput()
      if json {
        let entries = found.map { glossary.entries[$0].json }.joined(separator: ",")
        output.write("{\"query\":\(term.jsonLiteral),\"entries\":[\(entries)]}\n")
      } else {
        output.write(found.map { glossary.entries[$0].text }.joined(separator: "\n\n") + (found.isEmpty ? "" : "\n"))
      }
      output.flush()
      if found.isEmpty {
        printError("no glossary entry matches '\(term)'")
        throw ExitCode.failure
      }
    }
  }

  struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List every glossary term found in a text, with its place and preferred translation.",
      discussion: "lines: START-END<TAB>text as written<TAB>term<TAB>translation (UTF-8 byte offsets).")

    @Argument(help: "The text file, or - for standard input.")
    var file: String?

    @Option(help: "The language of the text: id or en.")
    var lang: LanguageTag = .indonesian

    @Flag(help: "Print JSON: {\"matches\":[{\"start\":…,\"end\":…,\"text\":…,\"term\":…,\"translation\":…}]}.")
    var json = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
      try lang.validateSupported("--lang")
    }

    func run() throws {
      let glossary = try LoadedGlossary.load(store)
      let text = try InputFile.text(file)
      let other: LanguageTag = lang == .indonesian ? .english : .indonesian
      var output = StandardOutput()
      let matches = glossary.matcher.matches(in: text, language: lang)
      if json { output.write("{\"matches\":[") }
      for (index, match) in matches.enumerated() {
        let translation = glossary.entries[match.entry].preferred(in: other)?.text
        if json {
          output.write(
            (index == 0 ? "\n" : ",\n")
              + "{\"start\":\(match.range.lowerBound),\"end\":\(match.range.upperBound),\"text\":\(match.matchedText.jsonLiteral),"
              + "\"term\":\(match.term.text.jsonLiteral),\"translation\":\(translation.map(\.jsonLiteral) ?? "null")}")
        } else {
          output.write(
            "\(match.range.lowerBound)-\(match.range.upperBound)\t\(match.matchedText)\t\(match.term.text)\t\(translation ?? "")\n")
        }
      }
      if json { output.write(matches.isEmpty ? "]}\n" : "\n]}\n") }
      output.flush()
    }
  }
}

extension Glossary {
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add a term pair to the glossary store.",
      discussion: "A pair sharing a term with a stored concept adds to that concept (a synonym).")

    @Argument(help: "The source term (Indonesian by default).")
    var sourceTerm: String

    @Argument(help: "The target term (English by default).")
    var targetTerm: String

    @Option(help: "The language of SOURCE_TERM.")
    var sourceLang: LanguageTag = .indonesian

    @Option(help: "The language of TARGET_TERM.")
    var targetLang: LanguageTag = .english

    @Option(help: "A note on the concept.")
    var note: String?

    @Option(help: "The subject field: economy, health, …")
    var domain: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
      try sourceLang.validateSupported("--source-lang")
      try targetLang.validateSupported("--target-lang")
      guard !sourceTerm.trimmingCharacters(in: .whitespaces).isEmpty,
        !targetTerm.trimmingCharacters(in: .whitespaces).isEmpty
      else { throw ValidationError("terms cannot be empty") }
    }

    func run() throws {
      let entry = TermEntry(
        terms: [Term(sourceTerm, language: sourceLang), Term(targetTerm, language: targetLang)], note: note,
        domain: domain)
      let summary = try store.database().addGlossaryEntries([entry], source: "selaras glossary add")
      print(summary.added > 0 ? "added" : summary.extended > 0 ? "added to an existing entry" : "already in the glossary")
    }
  }

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import a glossary file into the store, in one transaction.",
      discussion: """
        tsv: OmegaT's source<TAB>target<TAB>comment. csv: a header row with source,target[,note,…].
        tbx: TBX-Basic (<martif>) or TBX v3 (<tbx>); external entities are never fetched.
        """)

    @Argument(help: "The glossary file.")
    var file: String

    @Option(help: "tsv, csv or tbx; by default from the file's extension.")
    var format: Glossary.Format?

    @OptionGroup var store: StoreOptions

    func run() throws {
      let format = try self.format ?? Glossary.Format(rawValue: URL(fileURLWithPath: file).pathExtension.lowercased())
        ?? { throw ValidationError("cannot tell the format of \(file): give --format tsv|csv|tbx") }()
      let text = try InputFile.text(file)
      let (entries, diagnostics) =
        switch format {
        case .tsv: try TSVGlossaryReader.entries(text, file: file)
        case .csv: try CSVGlossaryReader.entries(text, file: file)
        case .tbx: (try TBXReader.entries(Data(text.utf8), file: file), [])
        }
      diagnostics.forEach { printError($0.description) }
      let summary = try store.database().addGlossaryEntries(entries, source: file)
      print("\(summary.added) entries added, \(summary.extended) extended, \(summary.unchanged) already there")
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Export the glossary (the shipped entries and the store) to a file.")

    @Option(help: "tsv, csv or tbx (TBX-Basic).")
    var format: Glossary.Format

    @Option(help: "The file to write (atomically), or - for standard output.")
    var output: String

    @Flag(help: "Leave out the shipped glossary: only what was added or imported.")
    var storeOnly = false

    @OptionGroup var store: StoreOptions

    func run() throws {
      var entries = storeOnly ? [] : try LoadedGlossary.bundledEntries()
      entries += try store.existingDatabase()?.glossaryEntries() ?? []
      var file = OutputFile(output)
      switch format {
      case .tsv: file.write(GlossaryWriter.tsv(entries))
      case .csv: file.write(GlossaryWriter.csv(entries))
      case .tbx: file.write(TBXWriter.tbx(entries))
      }
      try file.finish()
    }
  }
}
