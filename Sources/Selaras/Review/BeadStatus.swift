/// Where a person reviewing an alignment has got with a bead.
public enum BeadStatus: String, Codable, Sendable, Hashable {
  /// As the aligner made it, not yet looked at.
  case pending
  /// Looked at and kept.
  case accepted
  /// Changed by hand (merged, split, made null).
  case edited
}
