/// What adding or importing units into a translation memory did.
public struct MemoryImportSummary: Hashable, Sendable, Codable {
  public var added = 0
  /// Units already in the memory (same languages and texts), left as they were.
  public var duplicates = 0

  public init(added: Int = 0, duplicates: Int = 0) {
    self.added = added
    self.duplicates = duplicates
  }
}
