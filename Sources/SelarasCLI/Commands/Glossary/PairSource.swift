import ArgumentParser
import Foundation
import Selaras

/// Where `extract` and `check` take their aligned pairs from: align JSON files, or the TM.
struct PairSource: ParsableArguments {
  @Argument(help: "Alignments written by `selaras align --format json`.")
  var alignments: [String] = []

  @Flag(help: "Use every unit of the translation memory instead.")
  var tm = false

  @OptionGroup var languages: LanguagePairOptions

  func validate() throws {
    guard tm != !alignments.isEmpty else { throw ValidationError("give ALIGNMENT.json files or --tm, not both") }
  }

  func pairs(_ store: StoreOptions) async throws -> [AlignedPair] {
    if tm {
      var pairs: [AlignedPair] = []
      try await store.existingMemory()?.forEachUnit { pairs.append(AlignedPair($0)) }
      return pairs
    }
    let direction = try await languages.resolved(store)
    return try alignments.flatMap { file in
      do {
        return try AlignmentFile.pairs(
          Data(InputFile.text(file).utf8), file: file, sourceLanguage: direction.source,
          targetLanguage: direction.target)
      } catch let error as AlignmentFileError {
        throw CommandError(error.description)
      }
    }
  }
}

/// An aligned pair as the CLI shows it: `{"source":…,"target":…,"origin":…}`.
struct PairOutput: Encodable {
  var source: String
  var target: String
  var origin: String

  init(_ pair: AlignedPair) {
    (source, target, origin) = (pair.source, pair.target, pair.origin)
  }
}
