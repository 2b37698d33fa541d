import Selaras

/// What saving a review's pairs to the memory did, as `POST /api/save-to-memory` answers it:
/// `{"saved":12,"store":"/home/ana/.local/share/selaras/selaras.sqlite"}`, or, when nothing was
/// saved, why: `{"saved":0,"pending":31,"hint":"nothing accepted yet: …"}`.
public struct MemorySaveReport: Encodable, Hashable, Sendable {
  /// The pairs added to the memory.
  public var saved: Int
  /// The store they went into, when the command said (``ReviewSession/storeDescription``).
  public var store: String?
  /// When nothing was saved: the pending beads that pair sentences, which accepting would save.
  public var pending: Int?
  /// When nothing was saved: why, and what to do.
  public var hint: String?

  /// The report of saving `reviewed` pairs, of which `storable` a store keeps and `summary`
  /// says what the memory did with, `pending` pairs waiting, into `store`.
  init(summary: MemoryImportSummary, reviewed: Int, storable: Int, pending: Int, store: String?) {
    saved = summary.added
    self.store = store
    guard saved == 0 else { return }
    self.pending = pending
    if reviewed == 0 {
      hint =
        pending > 0
        ? "nothing accepted yet: accept beads (a, or Accept all above) before saving to memory"
        : "nothing to save: no accepted or edited bead pairs a source with a target sentence"
    } else if storable == 0 {
      hint = "the accepted and edited pairs hold control characters the memory cannot keep"
    } else {
      hint = "the \(storable) accepted and edited pair\(storable == 1 ? " is" : "s are") already in the memory"
    }
  }
}
