import Foundation
import Selaras
import SelarasTestSupport
import Testing

@Suite("Alignment review")
struct AlignmentReviewTests {
  /// The economy story as the aligner aligns it.
  private func review() throws -> AlignmentReview {
    let aligner = try ArticleAligner(lexicon: .builtIn)
    let article = try aligner.align(
      source: String(contentsOf: Corpora.folder.file("economy-bi-rate", .english), encoding: .utf8),
      target: String(contentsOf: Corpora.folder.file("economy-bi-rate", .indonesian), encoding: .utf8))
    return try AlignmentReview(AlignmentDocument(article))
  }

  @Test("A fresh alignment is all pending; merge, split, null and accept keep every sentence once, in order")
  func edits() throws {
    var review = try review()
    let original = review.beads
    #expect(original.count > 5)
    #expect(original.allSatisfy { $0.status == .pending })
    // Merge the first two beads, then split them back where they were joined.
    try review.apply(.merge(bead: 0))
    #expect(review.beads.count == original.count - 1)
    #expect(review.beads[0].source == original[0].source + original[1].source)
    #expect(review.beads[0].status == .edited)
    try review.apply(.split(bead: 0, source: original[0].source.count, target: original[0].target.count))
    #expect(review.beads.map(\.source) == original.map(\.source))
    #expect(review.beads.map(\.target) == original.map(\.target))
    // A pair made null: each of its sentences alone.
    let pair = try #require(original.firstIndex { !$0.source.isEmpty && !$0.target.isEmpty })
    let before = review.beads.count
    try review.apply(.null(bead: pair))
    #expect(review.beads.count == before - 1 + original[pair].source.count + original[pair].target.count)
    try review.apply(.accept(bead: 0))
    #expect(review.beads[0].status == .accepted)
  }

  @Test("u and d move a bead's boundary sentence to the bead above or below; a bead left empty goes")
  func moveBoundary() throws {
    var review = try review()
    let original = review.beads
    // A pair followed by a pair: the first target sentence of the second moves up into the first,
    // and back down again.
    let pair = try #require(
      original.indices.dropLast().first { index in
        [original[index], original[index + 1]].allSatisfy { !$0.source.isEmpty && !$0.target.isEmpty }
      })
    try review.apply(.moveUp(bead: pair + 1, side: .target))
    #expect(review.beads[pair].target == original[pair].target + [original[pair + 1].target[0]])
    #expect(review.beads[pair + 1].target == Array(original[pair + 1].target.dropFirst()))
    #expect(review.beads[pair].source == original[pair].source)
    #expect(review.beads[pair].status == .edited && review.beads[pair + 1].status == .edited)
    try review.apply(.moveDown(bead: pair, side: .target))
    #expect(review.beads.map(\.source) == original.map(\.source))
    #expect(review.beads.map(\.target) == original.map(\.target))
    // Moving a one-sentence bead's only sentence away leaves no empty bead behind: a 1-1 pair
    // whose source goes up and whose target goes down is gone, its sentences in its neighbours.
    var fresh = try self.review()
    let single = try #require(
      original.indices.dropFirst().dropLast().first { original[$0].source.count == 1 && original[$0].target.count == 1 })
    try fresh.apply(.moveUp(bead: single, side: .source))
    try fresh.apply(.moveDown(bead: single, side: .target))
    #expect(fresh.beads.count == original.count - 1)
    #expect(fresh.beads[single - 1].source.last == original[single].source[0])
    #expect(fresh.beads[single].target.first == original[single].target[0])
    // Nothing to move, or nowhere to move it: refused, nothing changed.
    let before = fresh.beads
    let nullSource = fresh.beads.indices.dropFirst().first { fresh.beads[$0].source.isEmpty }
    var refused: [ReviewEdit] = [.moveUp(bead: 0, side: .source), .moveDown(bead: fresh.beads.count - 1, side: .target)]
    if let nullSource { refused.append(.moveUp(bead: nullSource, side: .source)) }
    for edit in refused {
      #expect(throws: ReviewError.self, "\(edit)") { try fresh.apply(edit) }
      #expect(fresh.beads == before)
    }
    let posted = try JSONDecoder().decode(ReviewEdit.self, from: Data(#"{"op":"move-down","bead":4,"side":"target"}"#.utf8))
    #expect(posted == .moveDown(bead: 4, side: .target))
  }

  @Test("Undo and redo restore exactly; a new edit clears what could be redone")
  func undoRedo() throws {
    var review = try review()
    let states = [review.beads]
    try review.apply(.merge(bead: 2))
    let merged = review.beads
    try review.apply(.accept(bead: 0))
    let accepted = review.beads
    try review.apply(.undo)
    #expect(review.beads == merged)
    try review.apply(.undo)
    #expect(review.beads == states[0])
    #expect(throws: ReviewError.self) { try review.apply(.undo) }
    try review.apply(.redo)
    try review.apply(.redo)
    #expect(review.beads == accepted)
    try review.apply(.undo)
    try review.apply(.null(bead: 0))
    #expect(!review.canRedo)
  }

  @Test("accept-above accepts the pending beads at or above the score, and no others")
  func acceptAbove() throws {
    var review = try review()
    let scores = review.beads.map { $0.score?.value ?? 0 }
    try review.apply(.acceptAbove(score: 0.9))
    #expect(review.beads.map { $0.status == .accepted } == scores.map { $0 >= 0.9 })
  }

  @Test("An edit that would break the alignment is refused and changes nothing")
  func refused() throws {
    var review = try review()
    let before = review.beads
    let last = review.beads.count - 1
    for edit in [
      ReviewEdit.merge(bead: last), .split(bead: 0, source: 0, target: 0), .split(bead: 0, source: 9, target: 0),
      .null(bead: -1), .accept(bead: last + 1),
    ] {
      #expect(throws: ReviewError.self, "\(edit)") { try review.apply(edit) }
      #expect(review.beads == before)
    }
    #expect(!review.canUndo)
  }

  @Test("A saved review loads with its statuses; one that does not fit its texts is refused")
  func resume() throws {
    var review = try review()
    try review.apply(.accept(bead: 1))
    try review.apply(.merge(bead: 2))
    let saved = try OrderedJSONEncoder().encode(review.document)
    let document = try AlignmentDocument.read(Data(saved.utf8), file: "saved.json")
    let resumed = try AlignmentReview(document)
    // As saved: the scores with their three decimals.
    func asSaved(_ bead: AlignmentDocument.Bead) -> String {
      "\(bead.source) \(bead.target) \(bead.status?.rawValue ?? "") \(bead.score?.literal ?? "")"
    }
    #expect(resumed.beads.map(asSaved) == review.beads.map(asSaved))
    #expect(resumed.beads[1].status == .accepted && resumed.beads[2].status == .edited)
    var broken = document
    broken.beads.removeLast()
    #expect(throws: ReviewError.self) { try AlignmentReview(broken) }
    // Edits as the page posts them.
    let edit = try JSONDecoder().decode(ReviewEdit.self, from: Data(#"{"op":"split","bead":3,"source":1,"target":0}"#.utf8))
    #expect(edit == .split(bead: 3, source: 1, target: 0))
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(ReviewEdit.self, from: Data(#"{"op":"swap"}"#.utf8)) }
  }

  @Test("A bead's notes: the numbers, dates and names both sides hold, and the glossary's terms in each side")
  func notes() throws {
    let review = try review()
    let glossary = LayeredGlossary(
      store: [TermEntry(terms: [Term("suku bunga acuan", language: .indonesian), Term("benchmark interest rate", language: .english)])],
      shipped: [TermEntry(terms: [Term("rupiah", language: .indonesian), Term("rupiah", language: .english)])],
      morphology: IndonesianMorphology())
    let annotated = AnnotatedAlignment(
      review.document, notes: SentenceNotes(review.document, source: .english, target: .indonesian, glossary: glossary))
    // The lead: `JAKARTA, Nov 20 (Reuters) - Bank Indonesia kept its benchmark interest rate unchanged
    // at 6.00% …` against its Indonesian version.
    let lead = try #require(annotated.beads.first { bead in
      bead.source.contains { annotated.source[$0].contains("kept its benchmark interest rate") }
    })
    if !lead.target.isEmpty {
      #expect(lead.anchors.contains("#6"), "\(lead.anchors)")
      #expect(lead.terms.contains { $0.side == "source" && $0.term == "benchmark interest rate" && $0.origin == .store })
    }
    let withRupiah = annotated.beads.filter { bead in bead.terms.contains { $0.term == "rupiah" && $0.side == "target" } }
    #expect(!withRupiah.isEmpty)
    #expect(withRupiah.allSatisfy { $0.terms.contains { $0.origin == .shipped } })
    // A null bead has no anchors.
    let nulls = annotated.beads.filter { $0.source.isEmpty || $0.target.isEmpty }
    #expect(nulls.allSatisfy { $0.anchors.isEmpty })
  }
}

