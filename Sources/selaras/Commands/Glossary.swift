import ArgumentParser
import Foundation
import Selaras
import SelarasGlossaries
import SelarasStore

struct Glossary: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Look up and find terms in the glossary.",
    discussion: "The glossary shipped in Glossaries/ is always there, read-only, as the base layer.",
    subcommands: [Lookup.self, Scan.self, Add.self, Import.self, Export.self, Extract.self, Check.self])

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case tsv, csv, tbx
  }
}

/// The glossary a command works on, and the matcher over it.
struct LoadedGlossary {
  var entries: [TermEntry]
  var matcher: GlossaryMatcher

  /// The shipped glossary, then the user's store when it exists (a lookup creates no file).
  static func load(_ store: StoreOptions, shipped: Bool = true) throws -> LoadedGlossary {
    let entries = try self.entries(store, shipped: shipped)
    return LoadedGlossary(entries: entries, matcher: GlossaryMatcher(entries: entries, morphology: try .standard()))
  }

  /// The shipped glossary's entries (unless `shipped` is false), then the store's.
  static func entries(_ store: StoreOptions, shipped: Bool = true) throws -> [TermEntry] {
    try (shipped ? bundledEntries() : []) + (store.existingDatabase()?.glossaryEntries() ?? [])
  }

  /// The aligner's word list with the glossary's term pairs added, so that accepted terms
  /// anchor alignments and link words in term capture.
  static func lexicon(adding entries: [TermEntry]) throws -> Lexicon {
    var lexicon = try Lexicon.standard()
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
      let entries = try LoadedGlossary.entries(store, shipped: !storeOnly)
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

/// Where `extract` and `check` take their aligned pairs from: align JSON files, or the TM.
struct PairSource: ParsableArguments {
  @Argument(help: "Alignments written by `selaras align --format json`.")
  var alignments: [String] = []

  @Flag(help: "Use every unit of the translation memory instead.")
  var tm = false

  @Option(help: "The language of the alignments' source side.")
  var sourceLang: LanguageTag = .english

  @Option(help: "The language of the alignments' target side.")
  var targetLang: LanguageTag = .indonesian

  func validate() throws {
    try sourceLang.validateSupported("--source-lang")
    try targetLang.validateSupported("--target-lang")
    guard tm != !alignments.isEmpty else { throw ValidationError("give ALIGNMENT.json files or --tm, not both") }
  }

  func pairs(_ store: StoreOptions) throws -> [AlignedPair] {
    if tm {
      var pairs: [AlignedPair] = []
      try store.existingDatabase()?.forEachUnit { unit in
        pairs.append(
          AlignedPair(
            source: unit.source, target: unit.target, sourceLanguage: unit.sourceLanguage,
            targetLanguage: unit.targetLanguage, origin: unit.document ?? "tm"))
      }
      return pairs
    }
    return try alignments.flatMap { file in
      do {
        return try AlignmentFile.pairs(
          Data(InputFile.text(file).utf8), file: file, sourceLanguage: sourceLang, targetLanguage: targetLang)
      } catch let error as AlignmentFileError {
        throw CommandError(error.description)
      }
    }
  }
}

extension AlignedPair {
  var json: String {
    "{\"source\":\(source.jsonLiteral),\"target\":\(target.jsonLiteral),\"origin\":\(origin.jsonLiteral)}"
  }
}

extension Glossary {
  struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Propose glossary entries from aligned pairs: defined acronyms, and phrases that translate each other.",
      discussion: """
        lines: RANK<TAB>KIND<TAB>id terms<TAB>en terms<TAB>COUNT<TAB>SCORE<TAB>known|new<TAB>example origin
               (terms joined by "; ").
        json:  {"candidates":[{"rank":1,"kind":"acronym","id":[…],"en":[…],"count":2,"score":2.0,
                "known":false,"example":{"source":…,"target":…,"origin":…}}]}
        `known` marks what the glossary (shipped or stored) already has; --new-only leaves it out.
        --accept adds the chosen ranks to the store, the first term of each language preferred,
        with the example's origin as the source.
        """)

    @OptionGroup var pairs: PairSource

    @Option(help: "Leave out candidates seen in fewer aligned pairs.")
    var minCount = 1

    @Option(help: "Show at most this many phrase candidates (acronyms are always all shown).")
    var top = 50

    @Option(help: "Ranks to add to the glossary store, comma-separated, or `all`.")
    var accept: String?

    @Flag(help: "Leave out candidates the glossary already has.")
    var newOnly = false

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
      guard minCount >= 1 else { throw ValidationError("--min-count must be at least 1") }
      if let accept, accept != "all", accept.split(separator: ",").contains(where: { Int($0) == nil }) {
        throw ValidationError("--accept takes ranks such as 1,3,4 or `all`")
      }
    }

    func run() throws {
      let glossary = try LoadedGlossary.load(store)
      let lexicon = try LoadedGlossary.lexicon(adding: glossary.entries)
      let extractor = TermExtractor(lexicon: lexicon, minimumCount: minCount, glossary: glossary.matcher)
      let all = extractor.candidates(try pairs.pairs(store)).filter { !newOnly || !$0.isKnown }
      let acronyms = all.filter { $0.kind == .acronym }
      let candidates = acronyms + all.filter { $0.kind == .phrase }.prefix(top)
      var output = StandardOutput()
      if json { output.write("{\"candidates\":[") }
      for (index, candidate) in candidates.enumerated() {
        if json {
          output.write(
            (index == 0 ? "\n" : ",\n")
              + "{\"rank\":\(index + 1),\"kind\":\"\(candidate.kind.rawValue)\","
              + "\"id\":[\(candidate.indonesian.map(\.jsonLiteral).joined(separator: ","))],"
              + "\"en\":[\(candidate.english.map(\.jsonLiteral).joined(separator: ","))],"
              + "\"count\":\(candidate.count),\"score\":\(String(format: "%.3f", candidate.score)),"
              + "\"known\":\(candidate.isKnown),"
              + "\"example\":\(candidate.example.json)}")
        } else {
          output.write(
            "\(index + 1)\t\(candidate.kind.rawValue)\t\(candidate.indonesian.joined(separator: "; "))\t"
              + "\(candidate.english.joined(separator: "; "))\t\(candidate.count)\t"
              + "\(String(format: "%.3f", candidate.score))\t\(candidate.isKnown ? "known" : "new")\t"
              + "\(candidate.example.origin)\n")
        }
      }
      if json { output.write(candidates.isEmpty ? "]}\n" : "\n]}\n") }
      output.flush()
      guard let accept else { return }
      let ranks = accept == "all" ? Array(candidates.indices) : accept.split(separator: ",").compactMap { Int($0) }.map { $0 - 1 }
      if let bad = ranks.first(where: { !candidates.indices.contains($0) }) {
        throw CommandError("--accept: there is no candidate \(bad + 1)")
      }
      let entries = ranks.map { rank in
        let candidate = candidates[rank]
        let source = "selaras glossary extract: \(candidate.example.origin)"
        func terms(_ texts: [String], _ language: LanguageTag) -> [Term] {
          texts.enumerated().map {
            Term($0.element, language: language, status: $0.offset == 0 ? .preferred : .admitted, source: source)
          }
        }
        return TermEntry(
          terms: terms(candidate.indonesian, .indonesian) + terms(candidate.english, .english),
          note: "seen in \(candidate.count) aligned pair\(candidate.count == 1 ? "" : "s")")
      }.filter { entry in entry.terms.contains { $0.language == .english } }
      let summary = try store.database().addGlossaryEntries(entries, source: "selaras glossary extract")
      printError("\(summary.added) entries added, \(summary.extended) extended, \(summary.unchanged) already there")
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List aligned pairs whose translation ignores the glossary (a term without its translation, or a forbidden one).",
      discussion: """
        lines: ORIGIN<TAB>KIND<TAB>found<TAB>expected<TAB>used, KIND missing or forbidden; a count on stderr.
        json:  {"issues":[{"kind":"missing","found":…,"lang":…,"expected":…,"used":null,"pair":{…}}]}
        Each glossary term in a pair's source needs one of its translations in the target. The check
        uses the glossary store — the project's terms, as added, imported or accepted from extract;
        --with-shipped adds the shipped general glossary, whose everyday words flag paraphrases too.
        """)

    @OptionGroup var pairs: PairSource

    @Flag(help: "Check against the shipped glossary too, not only the store.")
    var withShipped = false

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() throws {
      let glossary = try LoadedGlossary.load(store, shipped: withShipped)
      guard !glossary.entries.isEmpty else {
        throw CommandError(
          "the glossary store is empty: add terms (glossary add, import, extract --accept) or pass --with-shipped")
      }
      let checker = TermChecker(glossary: glossary.matcher)
      let pairs = try pairs.pairs(store)
      var output = StandardOutput()
      var count = 0
      if json { output.write("{\"issues\":[") }
      for pair in pairs {
        for issue in checker.issues(in: pair) {
          if json {
            output.write(
              (count == 0 ? "\n" : ",\n")
                + "{\"kind\":\"\(issue.kind.rawValue)\",\"found\":\(issue.found.jsonLiteral),"
                + "\"lang\":\(issue.foundLanguage.rawValue.jsonLiteral),\"expected\":\(issue.expected.jsonLiteral),"
                + "\"used\":\(issue.used.map(\.jsonLiteral) ?? "null"),\"pair\":\(pair.json)}")
          } else {
            output.write(
              "\(pair.origin)\t\(issue.kind.rawValue)\t\(issue.found)\t\(issue.expected)\t\(issue.used ?? "")\n")
          }
          count += 1
        }
      }
      if json { output.write(count == 0 ? "]}\n" : "\n]}\n") }
      output.flush()
      printError("\(count) issue\(count == 1 ? "" : "s") in \(pairs.count) pairs")
    }
  }
}
