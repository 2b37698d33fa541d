import ArgumentParser
import Selaras

struct LexiconCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lexicon",
    abstract: "List, export or forget the word translations learned from saved alignments.",
    discussion: """
      `selaras align --save` learns word translations from the confident pairs it saves (IBM Model 1) \
      and adds their counts to the store; every later alignment uses the pairs that have been \
      linked at least twice and take at least 30% of their Indonesian word's links.

      Examples:
        selaras lexicon list --all | grep -w kereta
        selaras lexicon forget kereta
      """,
    subcommands: [List.self, Export.self, Forget.self])

  /// The learned pairs in the store (none without one), each with whether alignments use it.
  static func learned(_ store: StoreOptions) async throws -> [LearnedWord] {
    let translations = try await store.learnedTranslations()
    let used = LexiconLearner().lexicon(from: translations)
    return translations.map { translation in
      LearnedWord(
        indonesian: translation.indonesian, english: translation.english, count: translation.count,
        used: used.english(for: translation.indonesian).contains(translation.english))
    }
  }
}

/// One learned pair as `lexicon list --json` prints it.
struct LearnedWord: Encodable {
  var indonesian: String
  var english: String
  var count: Double
  /// Whether alignments use the pair.
  var used: Bool
}
