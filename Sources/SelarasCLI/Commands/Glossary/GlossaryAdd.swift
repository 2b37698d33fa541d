import ArgumentParser
import Foundation
import Selaras

extension Glossary {
  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Add a term pair to the glossary store.",
      discussion: """
        SOURCE_TERM is in the store's source language and TARGET_TERM in its target language (en→id \
        for a new store) unless --source-lang/--target-lang say otherwise. A pair sharing a term with \
        a stored concept adds to that concept (a synonym); --replace first removes every entry holding \
        SOURCE_TERM, in one step, to correct one.
        json: {"added":1,"extended":0,"unchanged":0,"removed":[…],"store":"…"}

        Examples:
          selaras glossary add "kamikaze drone" "drone kamikaze" --domain defence
          selaras glossary add "Foreign Ministry" "Kemenlu" --note "Kementerian Luar Negeri"
          selaras glossary add "Foreign Ministry" "Kementerian Luar Negeri" --replace
        """)

    @Argument(help: "The source term (in the store's source language, English for a new store).")
    var sourceTerm: String

    @Argument(help: "The target term.")
    var targetTerm: String

    @OptionGroup var languages: LanguagePairOptions

    @Option(help: "A note on the concept.")
    var note: String?

    @Option(help: "The subject field: economy, health, …")
    var domain: String?

    @Flag(help: "Replace the entries holding SOURCE_TERM instead of adding to them.")
    var replace = false

    @OptionGroup var output: JSONOption

    @OptionGroup var store: StoreOptions

    func validate() throws {
      guard !sourceTerm.trimmingCharacters(in: .whitespaces).isEmpty,
        !targetTerm.trimmingCharacters(in: .whitespaces).isEmpty
      else { throw ValidationError("terms cannot be empty") }
      if let problem = entry(.englishToIndonesian).storageProblem { throw ValidationError(problem) }
    }

    private func entry(_ direction: LanguagePair) -> TermEntry {
      TermEntry(
        terms: [Term(sourceTerm, language: direction.source), Term(targetTerm, language: direction.target)],
        note: note, domain: domain)
    }

    func run() async throws {
      let direction = try await languages.resolved(store)
      let glossary = try await store.glossary(recording: direction)
      let entry = entry(direction)
      let result =
        if replace {
          try await glossary.replaceGlossaryEntries(
            holding: sourceTerm, language: direction.source, with: [entry], source: "selaras glossary add", date: Date()
          )
        } else {
          GlossaryReplacement(
            removed: [], added: try await glossary.addGlossaryEntries([entry], source: "selaras glossary add"))
        }
      let summary = result.added
      if output.json {
        var standardOutput = StandardOutput()
        try standardOutput.writeJSON(GlossaryChangeOutput(result, store: store.name))
        standardOutput.flush()
      } else {
        for removed in result.removed {
          print("removed: " + removed.line)
        }
        let what =
          summary.added > 0 ? "added" : summary.extended > 0 ? "added to an existing entry" : "already in the glossary"
        print("\(what): \(direction.source): \(sourceTerm) | \(direction.target): \(targetTerm)")
      }
      printError("glossary store: \(store.name)")
    }
  }
}

/// What a change to the glossary store did, as `--json` prints it.
struct GlossaryChangeOutput: Encodable {
  var added: Int
  var extended: Int
  var unchanged: Int
  var removed: [GlossaryEntryAnswer]
  var store: String

  init(_ result: GlossaryReplacement, store: String) {
    added = result.added.added
    extended = result.added.extended
    unchanged = result.added.unchanged
    removed = result.removed.map { GlossaryEntryAnswer($0, origin: .store) }
    self.store = store
  }
}
