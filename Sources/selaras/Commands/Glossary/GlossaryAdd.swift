import ArgumentParser
import Foundation
import Selaras

extension Glossary {
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Add a term pair to the glossary store.",
      discussion: "A pair sharing a term with a stored concept adds to that concept (a synonym).")

    @Argument(help: "The source term (Indonesian by default).")
    var sourceTerm: String

    @Argument(help: "The target term (English by default).")
    var targetTerm: String

    @OptionGroup var languages: LanguagePairOptions<Indonesian, English>

    @Option(help: "A note on the concept.")
    var note: String?

    @Option(help: "The subject field: economy, health, …")
    var domain: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
      guard !sourceTerm.trimmingCharacters(in: .whitespaces).isEmpty,
        !targetTerm.trimmingCharacters(in: .whitespaces).isEmpty
      else { throw ValidationError("terms cannot be empty") }
      if let problem = entry.storageProblem { throw ValidationError(problem) }
    }

    private var entry: TermEntry {
      TermEntry(
        terms: [Term(sourceTerm, language: languages.sourceLang), Term(targetTerm, language: languages.targetLang)], note: note,
        domain: domain)
    }

    func run() throws {
      let summary = try store.glossary().addGlossaryEntries([entry], source: "selaras glossary add")
      print(summary.added > 0 ? "added" : summary.extended > 0 ? "added to an existing entry" : "already in the glossary")
    }
  }
}
