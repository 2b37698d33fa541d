/// Where a person reviewing an alignment has got with a bead.
public enum BeadStatus: String, Codable, Sendable, Hashable {
  /// As the aligner made it, not yet looked at.
  case pending
  /// Looked at and kept.
  case accepted
  /// Changed by hand (merged, split, made null).
  case edited

  /// The statuses of a bead a person looked at: a unit with one ranks first in search.
  public static let reviewed: [BeadStatus] = [.accepted, .edited]
}
