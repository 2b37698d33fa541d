import Foundation

/// What every translation memory backend offers: the seam the CLI, the bench, the
/// pre-translation and the server program against.
///
/// A unit is identified by its languages and texts: adding one already stored counts it as
/// a duplicate and leaves the stored one as it is. Match percentages are ``FuzzyMatch``'s,
/// so every backend gives the same scores for the same units. A conforming type passes the
/// conformance suite in the `SelarasTestSupport` target.
public protocol TranslationMemory: Sendable {
  /// Adds `units` in one transaction, each stamped with `date` unless it has a creation
  /// date of its own. If anything fails, nothing is stored.
  @discardableResult
  func addUnits(_ units: some Sequence<TranslationUnit>, date: Date) async throws -> MemoryImportSummary

  /// Imports the units `produce` hands to `add`, atomically: if `produce` throws (a file
  /// found malformed halfway), nothing is stored. `produce` may run on a thread of its own,
  /// so that reading and storing overlap; its result comes back with the summary.
  func importUnits<Output: Sendable>(
    date: Date, concurrently produce: @escaping @Sendable (_ add: (TranslationUnit) throws -> Void) throws -> Output
  ) async throws -> (summary: MemoryImportSummary, output: Output)

  /// Units like `text` on their side in `options.language`, best first (the earlier unit
  /// first among equal scores), turned so that their source is in that language.
  func search(_ text: String, options: MemorySearchOptions) async throws -> [MemoryMatch]

  /// Units whose side in `language` holds `phrase` (its words in order, punctuation aside),
  /// in the order they were added, turned so that their source is in `language`.
  func concordance(_ phrase: String, language: LanguageTag, limit: Int) async throws -> [StoredUnit]

  /// Calls `body` with every unit, in the order they were added, without holding them all:
  /// read a page at a time, so that `body` may await (a response's writer) between units.
  func forEachUnit(_ body: (TranslationUnit) async throws -> Void) async throws

  /// Removes the units with these identifiers (``MemoryMatch/id``, ``StoredUnit/id``) in one
  /// transaction, with their properties; the units removed, in id order (an id none has is
  /// passed over).
  @discardableResult
  func deleteUnits(ids: [Int64]) async throws -> [StoredUnit]

  /// Removes every unit whose document is `document`, in one transaction; the units removed,
  /// in id order.
  @discardableResult
  func deleteUnits(document: String) async throws -> [StoredUnit]

  /// How many units the memory holds, by language pair and document.
  func memoryStatistics() async throws -> MemoryStatistics

  /// A text that changes whenever a unit is added or removed (an HTTP `ETag` for exports),
  /// or nil when the backend cannot tell.
  func contentVersion() async throws -> String?

  /// Gets ready for `concurrency` searches at once before the first arrives (a server's
  /// start): what the backend would otherwise do on its first calls, each at the same time.
  func prepare(concurrency: Int) async throws
}

extension TranslationMemory {
  public func contentVersion() async throws -> String? { nil }

  /// Nothing to do before the first calls.
  public func prepare(concurrency: Int) async throws {}

  /// Adds `units` in one transaction, stamped now; see ``addUnits(_:date:)``.
  @discardableResult
  public func addUnits(_ units: some Sequence<TranslationUnit>) async throws -> MemoryImportSummary {
    try await addUnits(units, date: Date())
  }

  /// Imports what `produce` hands over, stamped now; see ``importUnits(date:concurrently:)``.
  public func importUnits<Output: Sendable>(
    concurrently produce: @escaping @Sendable (_ add: (TranslationUnit) throws -> Void) throws -> Output
  ) async throws -> (summary: MemoryImportSummary, output: Output) {
    try await importUnits(date: Date(), concurrently: produce)
  }

  /// Fuzzy search; see ``search(_:options:)``.
  public func searchUnits(_ text: String, language: LanguageTag, minimumScore: Int = 70, limit: Int = 10) async throws
    -> [MemoryMatch]
  {
    try await search(text, options: MemorySearchOptions(language: language, minimumScore: minimumScore, limit: limit))
  }

  /// Removes the unit with this identifier; false when there is none.
  @discardableResult
  public func deleteUnit(id: Int64) async throws -> Bool {
    try await !deleteUnits(ids: [id]).isEmpty
  }

  /// Concordance, up to 50 units; see ``concordance(_:language:limit:)``.
  public func concordance(_ phrase: String, language: LanguageTag) async throws -> [StoredUnit] {
    try await concordance(phrase, language: language, limit: 50)
  }
}
