/// One of a stored unit's two texts, as the word index, the token counts and the searches
/// over them tell them apart (stored as its raw value, 0 or 1, in both backends).
package enum UnitSide: Int, Sendable, CaseIterable {
  /// The unit's source text.
  case source = 0
  /// The unit's target text.
  case target = 1
}
