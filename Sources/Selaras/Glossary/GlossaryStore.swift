import Foundation

/// What adding entries to a glossary store did.
public struct GlossaryImportSummary: Hashable, Sendable, Codable {
  /// Concepts created.
  public var added = 0
  /// Existing concepts that gained terms.
  public var extended = 0
  /// Entries whose every term was already there.
  public var unchanged = 0

  public init(added: Int = 0, extended: Int = 0, unchanged: Int = 0) {
    self.added = added
    self.extended = extended
    self.unchanged = unchanged
  }

  /// Counts an entry stored: as a new concept, or as one that gained `termsAdded` terms.
  public mutating func count(newConcept: Bool, termsAdded: Int) {
    if newConcept {
      added += 1
    } else if termsAdded > 0 {
      extended += 1
    } else {
      unchanged += 1
    }
  }
}

/// Where a user's glossary lives: the seam the CLI and the server program against, as
/// ``TranslationMemory`` is the memory's. The shipped glossary is no store: it is the
/// read-only layer under one (``LayeredGlossary``).
public protocol GlossaryStore: Sendable {
  /// Every concept, with its terms, in the order they were added.
  func glossaryEntries() async throws -> [TermEntry]

  /// Adds entries in one transaction: an entry sharing a term (same language, any case)
  /// with a stored concept extends that concept; any other is a new concept. If anything
  /// fails, nothing is stored. `source` says where the terms came from (a file, a command).
  @discardableResult
  func addGlossaryEntries(_ entries: [TermEntry], source: String?, date: Date) async throws -> GlossaryImportSummary

  /// A number that changes whenever the glossary's concepts or terms change, whoever
  /// changed them (another process, another server over the same database): what a cache of
  /// the glossary compares to know it is stale.
  func glossaryVersion() async throws -> Int64

  /// Removes every concept holding `term` (by ``Term/matchKey(_:)``, the merge's rule; in `language` when given)
  /// and adds `entries` as ``addGlossaryEntries(_:source:date:)`` would, in one transaction:
  /// `glossary remove` (no entries) and `glossary add --replace`.
  @discardableResult
  func replaceGlossaryEntries(
    holding term: String, language: LanguageTag?, with entries: [TermEntry], source: String?, date: Date
  ) async throws -> GlossaryReplacement
}

extension GlossaryStore {
  /// Adds entries stamped now; see ``addGlossaryEntries(_:source:date:)``.
  @discardableResult
  public func addGlossaryEntries(_ entries: [TermEntry], source: String?) async throws -> GlossaryImportSummary {
    try await addGlossaryEntries(entries, source: source, date: Date())
  }

  /// Removes every concept holding `term`; the entries removed. See
  /// ``replaceGlossaryEntries(holding:language:with:source:date:)``.
  @discardableResult
  public func removeGlossaryEntries(holding term: String, language: LanguageTag? = nil) async throws -> [TermEntry] {
    try await replaceGlossaryEntries(holding: term, language: language, with: [], source: nil, date: Date()).removed
  }
}

/// What replacing the entries that hold a term did: the entries removed, whole, and what
/// adding the new ones did.
public struct GlossaryReplacement: Hashable, Sendable {
  public var removed: [TermEntry]
  public var added: GlossaryImportSummary

  public init(removed: [TermEntry], added: GlossaryImportSummary) {
    self.removed = removed
    self.added = added
  }
}
