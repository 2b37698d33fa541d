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

  /// The target sentence saying BI will keep intervening, and the same sentence as a reviewer
  /// corrects it: the bank named in full.
  private func correction(in document: AlignmentDocument) throws
    -> (sentence: Int, original: String, corrected: String)
  {
    let sentence = try #require(document.target.firstIndex { $0.contains("menstabilkan nilai tukar rupiah") })
    let original = document.target[sentence]
    let corrected = original.replacingOccurrences(of: "BI menyatakan", with: "Bank Indonesia menyatakan")
    try #require(corrected != original)
    return (sentence, original, corrected)
  }

  @Test("edit-text corrects a sentence and marks its bead edited; undo restores text and bead, redo corrects again")
  func editText() throws {
    var review = try review()
    let before = review.document
    let (sentence, original, corrected) = try correction(in: before)
    let bead = try #require(before.beads.firstIndex { $0.target.contains(sentence) })
    try review.apply(.editText(side: .target, sentence: sentence, text: corrected))
    var expected = before.target
    expected[sentence] = corrected
    #expect(review.document.target == expected)
    #expect(review.document.source == before.source)
    #expect(review.beads[bead].status == .edited)
    #expect(review.beads.map(\.source) == before.beads.map(\.source))
    #expect(review.beads.map(\.target) == before.beads.map(\.target))
    let record = AlignmentDocument.TextEdit(side: .target, sentence: sentence, original: original)
    #expect(review.document.edits == [record])
    // The text it has, spaces around it or not, changes nothing and is nothing to undo.
    try review.apply(.editText(side: .target, sentence: sentence, text: corrected))
    try review.apply(.editText(side: .target, sentence: sentence, text: "  " + corrected + " "))
    try review.apply(.undo)
    #expect(review.document == before)
    #expect(review.beads[bead].status == .pending)
    #expect(!review.canUndo)
    try review.apply(.redo)
    #expect(review.document.target == expected)
    #expect(review.beads[bead].status == .edited)
    #expect(review.document.edits?.count == 1)
    // Corrected twice, the first text is what is kept; back to it, no edit is left on record.
    let again = corrected.replacingOccurrences(of: "terus melakukan", with: "terus")
    try review.apply(.editText(side: .target, sentence: sentence, text: again))
    #expect(review.document.edits == [record])
    try review.apply(.editText(side: .target, sentence: sentence, text: original))
    #expect(review.document.edits == nil)
    #expect(review.document.target == before.target)
    // Posted by the page.
    let json = #"{"op":"edit-text","side":"target","sentence":3,"text":"Inflasi tahunan melambat."}"#
    let posted = try JSONDecoder().decode(ReviewEdit.self, from: Data(json.utf8))
    #expect(posted == .editText(side: .target, sentence: 3, text: "Inflasi tahunan melambat."))
    #expect(try OrderedJSONEncoder().encode(posted) == json)
  }

  @Test("A correction that is empty, more than a line, or of a sentence out of range is refused and changes nothing")
  func editTextRefused() throws {
    var review = try review()
    let before = review.document
    let count = before.source.count
    let refused: [(ReviewEdit, String)] = [
      (
        .editText(side: .target, sentence: 0, text: ""),
        "target sentence 0 cannot be left empty: make its bead null, or move the sentence, instead"
      ),
      (
        .editText(side: .target, sentence: 0, text: "   "),
        "target sentence 0 cannot be left empty: make its bead null, or move the sentence, instead"
      ),
      (
        .editText(side: .source, sentence: 1, text: "Annual inflation slowed to 1.71%.\nIt was 1.84% before."),
        "a sentence is one line of text: this one has a line break or control character (U+000A)"
      ),
      (
        .editText(side: .source, sentence: 1, text: "Annual inflation slowed\tto 1.71% in October."),
        "a sentence is one line of text: this one has a line break or control character (U+0009)"
      ),
      (
        .editText(side: .source, sentence: count, text: "Annual inflation slowed to 1.71% in October."),
        "source sentence \(count) is out of range: there are \(count) source sentences, from 0"
      ),
      (
        .editText(side: .target, sentence: -1, text: "Inflasi tahunan melambat menjadi 1,71 persen pada Oktober."),
        "target sentence -1 is out of range: there are \(before.target.count) target sentences, from 0"
      ),
    ]
    for (edit, message) in refused {
      #expect(throws: ReviewError(message), "\(edit)") { try review.apply(edit) }
      #expect(review.document == before)
    }
    #expect(!review.canUndo)
  }

  @Test("A split keeps any number of each side's sentences before the cut: 2 of 3")
  func splitAfterAnySentence() throws {
    let pairs = Array(Corpora.linePairs.prefix(4))
    let document = AlignmentDocument(
      source: pairs.map { $0.english }, target: pairs.map { $0.indonesian },
      beads: [.init(source: [0], target: [0], score: 0.95), .init(source: [1, 2, 3], target: [1, 2, 3], score: 0.45)])
    var review = try AlignmentReview(document)
    try review.apply(.split(bead: 1, source: 2, target: 2))
    #expect(review.beads.map(\.source) == [[0], [1, 2], [3]])
    #expect(review.beads.map(\.target) == [[0], [1, 2], [3]])
    #expect(review.beads.map(\.status) == [.pending, .edited, .edited])
    try review.apply(.undo)
    try review.apply(.split(bead: 1, source: 2, target: 3))
    #expect(review.beads.map(\.source) == [[0], [1, 2], [3]])
    #expect(review.beads.map(\.target) == [[0], [1, 2, 3], []])
    try review.apply(.undo)
    try review.apply(.split(bead: 1, source: 0, target: 1))
    #expect(review.beads.map(\.source) == [[0], [], [1, 2, 3]])
    #expect(review.beads.map(\.target) == [[0], [1], [2, 3]])
  }

  @Test("A saved review keeps its corrections with each sentence's first text; a file without edits reads as before")
  func savedCorrections() throws {
    var review = try review()
    let (sentence, original, corrected) = try correction(in: review.document)
    try review.apply(.editText(side: .target, sentence: sentence, text: corrected))
    let saved = try OrderedJSONEncoder(layout: [.itemsOnLines, .membersOnLines]).encode(review.document)
    // The record as written: side, sentence, then the first text.
    let record = try OrderedJSONEncoder().encode(original)
    #expect(saved.contains("\"edits\":[\n{\"side\":\"target\",\"sentence\":\(sentence),\"original\":\(record)}"))
    let read = try AlignmentDocument.read(Data(saved.utf8), file: "saved.json")
    #expect(read.edits == [AlignmentDocument.TextEdit(side: .target, sentence: sentence, original: original)])
    #expect(read.target == review.document.target)
    let resumed = try AlignmentReview(read)
    #expect(resumed.document.edits == review.document.edits)
    #expect(resumed.beads.map(\.status) == review.beads.map(\.status))
    // A file of before: no "edits", none read, none written back.
    let old = """
      {"source":["Annual inflation slowed to 1.71% in October from 1.84% in September."],
      "target":["Inflasi tahunan melambat menjadi 1,71 persen pada Oktober dari 1,84 persen pada September."],
      "beads":[{"source":[0],"target":[0],"score":0.950,"status":"accepted"}]}
      """
    let document = try AlignmentDocument.read(Data(old.utf8), file: "old.json")
    #expect(document.edits == nil)
    #expect(try AlignmentReview(document).beads.first?.status == .accepted)
    let written = try OrderedJSONEncoder().encode(document)
    #expect(!written.contains("\"edits\""))
    // An edit that points past the sentences is refused.
    let broken = old.replacingOccurrences(
      of: #""status":"accepted"}]}"#,
      with: #""status":"edited"}],"edits":[{"side":"target","sentence":4,"original":"Inflasi tahunan melambat."}]}"#)
    #expect(broken != old)
    #expect(throws: AlignmentFileError.self) { try AlignmentDocument.read(Data(broken.utf8), file: "broken.json") }
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

