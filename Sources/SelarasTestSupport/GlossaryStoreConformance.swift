import Foundation
import Selaras
import Testing

/// The behaviour every ``GlossaryStore`` must show, as checks a backend's tests run against
/// fresh, empty stores of its kind (see ``MemoryConformance``).
public struct GlossaryStoreConformance: Sendable {
  public enum Check: String, CaseIterable, Sendable, CustomStringConvertible {
    case entriesComeBackWhole
    case sharedTermsExtendAConcept
    case failedAddStoresNothing
    case unstorableEntriesAreRefused
    case versionChangesWithEveryAddition
    case entriesOfOneImportMergeAsOneAtATime
    case removeAndReplaceByTerm
    case anyCaseIsUnicode

    public var description: String { rawValue }
  }

  /// Makes a new, empty store.
  public let make: @Sendable () async throws -> any GlossaryStore

  public init(make: @escaping @Sendable () async throws -> any GlossaryStore) {
    self.make = make
  }

  public func run(_ check: Check) async throws {
    switch check {
    case .entriesComeBackWhole: try await entriesComeBackWhole()
    case .sharedTermsExtendAConcept: try await sharedTermsExtendAConcept()
    case .failedAddStoresNothing: try await failedAddStoresNothing()
    case .unstorableEntriesAreRefused: try await unstorableEntriesAreRefused()
    case .versionChangesWithEveryAddition: try await versionChangesWithEveryAddition()
    case .entriesOfOneImportMergeAsOneAtATime: try await entriesOfOneImportMergeAsOneAtATime()
    case .removeAndReplaceByTerm: try await removeAndReplaceByTerm()
    case .anyCaseIsUnicode: try await anyCaseIsUnicode()
    }
  }

  /// Added entries come back with their terms, status, notes and dates.
  private func entriesComeBackWhole() async throws {
    let store = try await make()
    let date = Date(timeIntervalSince1970: 1_700_000_000)
    let summary = try await store.addGlossaryEntries(
      [
        TermEntry(
          terms: [
            Term("Kementerian Luar Negeri", language: .indonesian),
            Term("Kemenlu", language: .indonesian, status: .admitted),
            Term("Foreign Ministry", language: .english, partOfSpeech: "noun"),
          ], note: "ministry", domain: "diplomacy")
      ], source: "test", date: date)
    #expect(summary == GlossaryImportSummary(added: 1, extended: 0, unchanged: 0))
    let entries = try await store.glossaryEntries()
    #expect(entries.count == 1)
    #expect(entries.first?.note == "ministry")
    #expect(entries.first?.domain == "diplomacy")
    #expect(entries.first?.terms.map(\.text) == ["Kementerian Luar Negeri", "Kemenlu", "Foreign Ministry"])
    #expect(entries.first?.terms[1].status == .admitted)
    #expect(entries.first?.terms[2].partOfSpeech == "noun")
    #expect(entries.first?.terms[0].source == "test")
    #expect(entries.first?.terms[0].created == date)
  }

  /// An entry sharing a term (any case) extends the stored concept; a repeated one changes nothing.
  private func sharedTermsExtendAConcept() async throws {
    let store = try await make()
    try await store.addGlossaryEntries(
      [TermEntry(terms: [Term("Kemenlu", language: .indonesian), Term("Foreign Ministry", language: .english)])],
      source: nil)
    let summary = try await store.addGlossaryEntries(
      [
        TermEntry(terms: [
          Term("kemenlu", language: .indonesian), Term("Ministry of Foreign Affairs", language: .english),
        ]),
        TermEntry(terms: [Term("Kemenlu", language: .indonesian), Term("Foreign Ministry", language: .english)]),
      ], source: nil)
    #expect(summary == GlossaryImportSummary(added: 0, extended: 1, unchanged: 1))
    let entries = try await store.glossaryEntries()
    #expect(entries.count == 1)
    #expect(entries.first?.terms(in: .english).map(\.text) == ["Foreign Ministry", "Ministry of Foreign Affairs"])
  }

  /// An add that fails halfway (an empty term) leaves the store as it was.
  private func failedAddStoresNothing() async throws {
    let store = try await make()
    try await store.addGlossaryEntries(
      [TermEntry(terms: [Term("BI", language: .indonesian), Term("Bank Indonesia", language: .english)])], source: nil)
    await #expect(throws: (any Error).self) {
      try await store.addGlossaryEntries(
        [
          TermEntry(terms: [
            Term("OJK", language: .indonesian), Term("Financial Services Authority", language: .english),
          ]),
          TermEntry(terms: [Term("", language: .indonesian), Term("empty", language: .english)]),
        ], source: nil)
    }
    #expect(try await store.glossaryEntries().flatMap(\.terms).map(\.text) == ["BI", "Bank Indonesia"])
  }

  /// An entry its own TBX export could not carry (a control character, a language Selaras
  /// does not keep) is refused, with nothing of its import stored.
  private func unstorableEntriesAreRefused() async throws {
    let store = try await make()
    for bad in [
      TermEntry(terms: [Term("\u{1}\u{2}", language: .indonesian), Term("control", language: .english)]),
      TermEntry(terms: [Term("bourse", language: LanguageTag("fr")), Term("stock exchange", language: .english)]),
    ] {
      await #expect(throws: UnstorableTextError.self) {
        try await store.addGlossaryEntries(
          [
            TermEntry(terms: [
              Term("OJK", language: .indonesian), Term("Financial Services Authority", language: .english),
            ]), bad,
          ],
          source: nil)
      }
    }
    #expect(try await store.glossaryEntries().isEmpty)
  }

  /// Every addition changes the version a cache compares. (That another process's additions
  /// do too is the team server's test: two handles on one store.)
  private func versionChangesWithEveryAddition() async throws {
    let store = try await make()
    let first = try await store.glossaryVersion()
    #expect(try await store.glossaryVersion() == first)
    try await store.addGlossaryEntries(
      [TermEntry(terms: [Term("BI", language: .indonesian), Term("Bank Indonesia", language: .english)])], source: nil)
    let second = try await store.glossaryVersion()
    #expect(second != first)
    try await store.addGlossaryEntries(
      [TermEntry(terms: [Term("BI", language: .indonesian), Term("central bank", language: .english)])], source: nil)
    #expect(try await store.glossaryVersion() != second)
  }

  /// Entries of one import merge with each other as they would added one at a time: a later
  /// entry sharing a term (any case) with an earlier one extends its concept, a term repeated
  /// within it is not stored twice, and an import of many entries (past a backend's batch)
  /// keeps this across batches.
  private func entriesOfOneImportMergeAsOneAtATime() async throws {
    let store = try await make()
    try await store.addGlossaryEntries(
      [TermEntry(terms: [Term("BI", language: .indonesian), Term("Bank Indonesia", language: .english)])], source: nil)
    var entries = [
      TermEntry(
        terms: [Term("Kemenlu", language: .indonesian), Term("Foreign Ministry", language: .english)], note: "first"),
      TermEntry(terms: [
        Term("KEMENLU", language: .indonesian), Term("Ministry of Foreign Affairs", language: .english),
      ]),
      TermEntry(terms: [
        Term("Kementerian Luar Negeri", language: .indonesian), Term("foreign ministry", language: .english),
      ]),
      TermEntry(terms: [Term("bi", language: .indonesian), Term("central bank", language: .english, note: "n")]),
    ]
    // Many more entries, each new, then one that reaches back to the first.
    entries += (0..<9000).map {
      TermEntry(terms: [Term("istilah \($0)", language: .indonesian), Term("term \($0)", language: .english)])
    }
    entries.append(
      TermEntry(terms: [Term("Menlu", language: .indonesian), Term("Ministry Of Foreign Affairs", language: .english)]))
    // Terms are compared by their match key (Term.matchKey): a composed and a decomposed é are
    // one term, in one batch as across batches, on every backend.
    entries.append(TermEntry(terms: [Term("kafe", language: .indonesian), Term("caf\u{E9}", language: .english)]))
    entries.append(
      TermEntry(terms: [Term("warung kopi", language: .indonesian), Term("cafe\u{301}", language: .english)]))
    let summary = try await store.addGlossaryEntries(entries, source: "test")
    #expect(summary == GlossaryImportSummary(added: 9002, extended: 5, unchanged: 0))
    let stored = try await store.glossaryEntries()
    #expect(stored.count == 9003)
    #expect(stored.last?.terms.map(\.text) == ["kafe", "caf\u{E9}", "warung kopi"])
    #expect(stored[0].terms.map(\.text) == ["BI", "Bank Indonesia", "central bank"])
    #expect(stored[0].terms.last?.note == "n")
    #expect(stored[1].note == "first")
    #expect(
      stored[1].terms.map(\.text) == [
        "Kemenlu", "Foreign Ministry", "Ministry of Foreign Affairs", "Kementerian Luar Negeri", "Menlu",
      ])
    #expect(stored[9001].terms.map(\.text) == ["istilah 8999", "term 8999"])
  }

  /// Removing by a term takes every concept holding it in any case (Unicode case too), in the
  /// language named when one is, whole; replacing removes and adds in one step, and a
  /// replacement that cannot be stored leaves the old entry in place.
  private func removeAndReplaceByTerm() async throws {
    let store = try await make()
    try await store.addGlossaryEntries(
      [
        // The wrong way round, as `glossary add` stored it before directions were checked.
        TermEntry(terms: [Term("drone strike", language: .indonesian), Term("serangan drone", language: .english)]),
        TermEntry(terms: [Term("Kemenlu", language: .indonesian), Term("Foreign Ministry", language: .english)]),
        TermEntry(terms: [Term("ÉLYSÉE", language: .english), Term("Istana Élysée", language: .indonesian)]),
      ], source: "test")
    let version = try await store.glossaryVersion()
    #expect(try await store.removeGlossaryEntries(holding: "Drone Strike", language: .english).isEmpty)
    let removed = try await store.removeGlossaryEntries(holding: "Drone Strike")
    #expect(removed.map { $0.terms.map(\.text) } == [["drone strike", "serangan drone"]])
    #expect(try await store.glossaryVersion() != version)
    #expect(try await store.removeGlossaryEntries(holding: "élysée").map { $0.terms.first?.text } == ["ÉLYSÉE"])
    #expect(try await store.glossaryEntries().map { $0.terms.first?.text } == ["Kemenlu"])

    let replacement = TermEntry(
      terms: [Term("Kemenlu", language: .indonesian), Term("Ministry of Foreign Affairs", language: .english)])
    let replaced = try await store.replaceGlossaryEntries(
      holding: "kemenlu", language: .indonesian, with: [replacement], source: "test", date: Date())
    #expect(replaced.removed.map { $0.terms.map(\.text) } == [["Kemenlu", "Foreign Ministry"]])
    #expect(replaced.added == GlossaryImportSummary(added: 1))
    #expect(
      try await store.glossaryEntries().map { $0.terms.map(\.text) } == [["Kemenlu", "Ministry of Foreign Affairs"]])

    let unstorable = TermEntry(terms: [
      Term("Kemenlu", language: .indonesian), Term("bad\u{0}term", language: .english),
    ])
    await #expect(throws: (any Error).self) {
      try await store.replaceGlossaryEntries(
        holding: "Kemenlu", language: nil, with: [unstorable], source: "test", date: Date())
    }
    #expect(
      try await store.glossaryEntries().map { $0.terms.map(\.text) } == [["Kemenlu", "Ministry of Foreign Affairs"]])
  }

  /// "Any case" is Unicode's, on every backend: `EKONOMI` is `ekonomi`, `ÉLYSÉE` is `élysée`,
  /// `ÖZIL` is `Özil`, and a letter written with a combining accent is the composed one.
  private func anyCaseIsUnicode() async throws {
    let store = try await make()
    try await store.addGlossaryEntries(
      [
        TermEntry(terms: [Term("EKONOMI", language: .indonesian), Term("economy", language: .english)]),
        TermEntry(terms: [Term("ÉLYSÉE", language: .english), Term("Istana Élysée", language: .indonesian)]),
        TermEntry(terms: [Term("ÖZIL", language: .english), Term("Özil", language: .indonesian)]),
      ], source: "test")
    let summary = try await store.addGlossaryEntries(
      [
        TermEntry(terms: [Term("ekonomi", language: .indonesian), Term("the economy", language: .english)]),
        // É as E and a combining acute accent (U+0301).
        TermEntry(terms: [Term("e\u{301}lyse\u{301}e", language: .english), Term("Elysee Palace", language: .english)]),
        TermEntry(terms: [Term("özil", language: .english)]),
      ], source: "test")
    #expect(summary == GlossaryImportSummary(added: 0, extended: 2, unchanged: 1))
    let entries = try await store.glossaryEntries()
    #expect(entries.count == 3)
    #expect(entries.map { $0.terms.count } == [3, 3, 2])
  }
}
