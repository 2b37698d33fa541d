import Foundation
import Selaras

/// One alignment under review, as the review server serves it: the edits the page posts,
/// saving the reviewed alignment, and storing its reviewed pairs in the memory.
public actor ReviewSession {
  public private(set) var review: AlignmentReview
  /// Where `save` writes the reviewed alignment.
  public let output: URL
  /// The document the pairs come from, for the memory.
  public let documentName: String
  public let sourceLanguage: LanguageTag
  public let targetLanguage: LanguageTag
  private let memory: @Sendable () async throws -> any TranslationMemory
  /// Edits made since the review was last saved.
  public private(set) var unsavedEdits = 0

  /// Whether `save` also stores the reviewed pairs in the memory.
  public let saveToMemoryOnSave: Bool
  /// The anchors and glossary terms of every sentence, worked out when the session starts
  /// and again for a sentence whose text an edit changes.
  public private(set) var notes: SentenceNotes
  /// The files under review, which the page's header names.
  public let files: ReviewFiles?
  /// The memory's store as the page names it when it saved pairs there: the database's path,
  /// "the PostgreSQL store".
  public let storeDescription: String?

  public init(
    review: AlignmentReview, output: URL, documentName: String, sourceLanguage: LanguageTag,
    targetLanguage: LanguageTag, memory: @escaping @Sendable () async throws -> any TranslationMemory,
    saveToMemoryOnSave: Bool = false, glossary: LayeredGlossary? = nil, files: ReviewFiles? = nil,
    storeDescription: String? = nil
  ) {
    self.review = review
    self.saveToMemoryOnSave = saveToMemoryOnSave
    notes = SentenceNotes(review.document, source: sourceLanguage, target: targetLanguage, glossary: glossary)
    self.output = output
    self.documentName = documentName
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.memory = memory
    self.files = files
    self.storeDescription = storeDescription
  }

  public var document: AlignmentDocument { review.document }

  /// The alignment as the page shows it: with each bead's anchors and glossary terms, and the
  /// files' names.
  public var annotated: AnnotatedAlignment {
    AnnotatedAlignment(review.document, notes: notes, files: files)
  }

  /// Makes `edit`; throws and changes nothing when it would break the alignment.
  public func apply(_ edit: ReviewEdit) throws(ReviewError) -> AlignmentDocument {
    let previous = review.document
    try review.apply(edit)
    notes.update(from: previous, to: review.document)
    unsavedEdits += 1
    return review.document
  }

  /// ``apply(_:)``'s outcome as a value, the alignment annotated as the page shows it.
  public func result(of edit: ReviewEdit) -> Result<AnnotatedAlignment, ReviewError> {
    do throws(ReviewError) {
      _ = try apply(edit)
      return .success(annotated)
    } catch {
      return .failure(error)
    }
  }

  /// Writes the reviewed alignment (the align JSON with each bead's status, and the
  /// sentences corrected with their first text) to `output`, atomically.
  public func save() async throws -> URL {
    let json = try OrderedJSONEncoder(layout: [.itemsOnLines, .membersOnLines]).encode(review.document) + "\n"
    try Data(json.utf8).write(to: output, options: .atomic)
    unsavedEdits = 0
    if saveToMemoryOnSave { _ = try await saveToMemory() }
    return output
  }

  /// Stores the accepted and edited beads that pair sentences in the memory, with their
  /// texts as corrected, each with its status as the unit's `x-status` property and, when a
  /// sentence of it was corrected, the side as its `x-edited` property
  /// (``TranslationUnit/reviewEditedProperty``). Says how many were added, or why none
  /// was; the memory is not opened when there is nothing to store.
  public func saveToMemory() async throws -> MemorySaveReport {
    let document = review.document
    let edits = document.edits ?? []
    let correctedSources = Set(edits.filter { $0.side == .source }.map(\.sentence))
    let correctedTargets = Set(edits.filter { $0.side == .target }.map(\.sentence))
    let pairs = document.beads.filter { !$0.source.isEmpty && !$0.target.isEmpty }
    let units = pairs.filter { $0.status != .pending }.map { bead -> TranslationUnit in
      var properties = [
        TranslationUnit.Property(type: TranslationUnit.reviewStatusProperty, value: (bead.status ?? .pending).rawValue)
      ]
      let sourceCorrected = bead.source.contains { correctedSources.contains($0) }
      let targetCorrected = bead.target.contains { correctedTargets.contains($0) }
      switch (sourceCorrected, targetCorrected) {
      case (true, true): properties.append(.init(type: TranslationUnit.reviewEditedProperty, value: "both"))
      case (true, false): properties.append(.init(type: TranslationUnit.reviewEditedProperty, value: "source"))
      case (false, true): properties.append(.init(type: TranslationUnit.reviewEditedProperty, value: "target"))
      case (false, false): break
      }
      return TranslationUnit(
        sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
        source: bead.source.map { document.source[$0] }.joined(separator: " "),
        target: bead.target.map { document.target[$0] }.joined(separator: " "), document: documentName,
        score: bead.score?.value, creationTool: "Selaras", properties: properties)
    }
    // A pair the memory cannot keep (a control character in the text) stays in the review file only.
    let storable = units.filter { $0.storageProblem == nil }
    let summary = try await storable.isEmpty ? MemoryImportSummary() : memory().addUnits(storable)
    return MemorySaveReport(
      summary: summary, reviewed: units.count, storable: storable.count,
      pending: pairs.filter { $0.status == .pending }.count, store: storeDescription)
  }
}
