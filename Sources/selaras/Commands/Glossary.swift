import ArgumentParser
import Foundation
import Selaras
import SelarasGlossaries

struct Glossary: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Look up and find terms in the glossary.",
    discussion: "The glossary shipped in Glossaries/ is always there, read-only, as the base layer.",
    subcommands: [Lookup.self, Scan.self])
}

/// The glossary a command works on, and the matcher over it.
struct LoadedGlossary {
  var entries: [TermEntry]
  var matcher: GlossaryMatcher

  static func load() throws -> LoadedGlossary {
    guard let url = BundledGlossaries.newsIndonesianEnglish else {
      throw CommandError("the bundled glossary news-id-en.tsv is missing from the build")
    }
    let text = try InputFile.text(url.path)
    let (entries, _) = try TSVGlossaryReader.entries(text, file: url.lastPathComponent)
    return LoadedGlossary(entries: entries, matcher: GlossaryMatcher(entries: entries, morphology: try .standard()))
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
      let glossary = try LoadedGlossary.load()
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
      let glossary = try LoadedGlossary.load()
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
