import Foundation
import Selaras
import Testing

/// The behaviour every ``LearnedLexiconStore`` must show, as checks a backend's tests run
/// against fresh, empty stores of its kind (see ``MemoryConformance``).
public struct LearnedLexiconStoreConformance: Sendable {
  public enum Check: String, CaseIterable, Sendable, CustomStringConvertible {
    case countsAddUp
    case forgetOneWordOrAll

    public var description: String { rawValue }
  }

  /// Makes a new, empty store.
  public let make: @Sendable () async throws -> any LearnedLexiconStore

  public init(make: @escaping @Sendable () async throws -> any LearnedLexiconStore) {
    self.make = make
  }

  public func run(_ check: Check) async throws {
    switch check {
    case .countsAddUp: try await countsAddUp()
    case .forgetOneWordOrAll: try await forgetOneWordOrAll()
    }
  }

  /// What two alignments learned adds up per pair of words, sorted, a pair repeated within
  /// one addition counted in full; so the second batch makes a pair of the first usable.
  private func countsAddUp() async throws {
    let store = try await make()
    #expect(try await store.learnedTranslations().isEmpty)
    try await store.addLearnedTranslations([
      LearnedTranslation(indonesian: "kereta", english: "train", count: 1.25),
      LearnedTranslation(indonesian: "pajak", english: "tax", count: 0.5),
    ])
    try await store.addLearnedTranslations([
      LearnedTranslation(indonesian: "kereta", english: "train", count: 1.5),
      LearnedTranslation(indonesian: "kereta", english: "railway", count: 0.25),
      LearnedTranslation(indonesian: "pajak", english: "tax", count: 0.25),
      LearnedTranslation(indonesian: "pajak", english: "tax", count: 1),
    ])
    #expect(
      try await store.learnedTranslations() == [
        LearnedTranslation(indonesian: "kereta", english: "railway", count: 0.25),
        LearnedTranslation(indonesian: "kereta", english: "train", count: 2.75),
        LearnedTranslation(indonesian: "pajak", english: "tax", count: 1.75),
      ])
    let lexicon = LexiconLearner().lexicon(from: try await store.learnedTranslations())
    #expect(lexicon.english(for: "kereta") == ["train"])
    #expect(lexicon.english(for: "pajak").isEmpty, "linked fewer than two times")
  }

  /// Forgetting a word (any case) removes its pairs only; forgetting all empties the store.
  private func forgetOneWordOrAll() async throws {
    let store = try await make()
    try await store.addLearnedTranslations([
      LearnedTranslation(indonesian: "kereta", english: "train", count: 3),
      LearnedTranslation(indonesian: "kereta", english: "cart", count: 1),
      LearnedTranslation(indonesian: "pajak", english: "tax", count: 2),
    ])
    #expect(try await store.forgetLearnedTranslations(indonesian: "Kereta") == 2)
    #expect(
      try await store.learnedTranslations() == [LearnedTranslation(indonesian: "pajak", english: "tax", count: 2)])
    #expect(try await store.forgetLearnedTranslations(indonesian: "kereta") == 0)
    #expect(try await store.forgetLearnedTranslations(indonesian: nil) == 1)
    #expect(try await store.learnedTranslations().isEmpty)
  }
}
