/// Where a glossary entry comes from.
public enum GlossaryOrigin: String, Codable, Sendable {
  /// The user's store: added, imported or accepted from term capture.
  case store
  /// The glossary shipped with Selaras, read-only.
  case shipped
}

/// The glossary a user works with: their store's entries over the shipped glossary, the
/// store's first, so that a lookup or a scan shows the user's own rendering of a term before
/// the shipped one, each marked by its origin.
public struct LayeredGlossary: Sendable {
  /// The store's entries, then the shipped ones.
  public let entries: [TermEntry]
  /// The origin of each of `entries`.
  public let origins: [GlossaryOrigin]
  public let matcher: GlossaryMatcher

  /// The entries with the shipped ones first: the order the aligner's lexicon takes the
  /// glossary in (``Lexicon/init(glossary:)``), so that a shipped translation stays first.
  public var shippedFirst: [TermEntry] {
    let storeCount = origins.firstIndex(of: .shipped) ?? entries.count
    return Array(entries[storeCount...] + entries[..<storeCount])
  }

  public init(store: [TermEntry], shipped: [TermEntry], morphology: IndonesianMorphology) {
    entries = store + shipped
    origins = Array(repeating: .store, count: store.count) + Array(repeating: .shipped, count: shipped.count)
    matcher = GlossaryMatcher(entries: entries, morphology: morphology)
  }
}
