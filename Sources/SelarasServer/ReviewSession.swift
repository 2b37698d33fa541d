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
  private let memory: @Sendable () throws -> any TranslationMemory
  /// Edits made since the review was last saved.
  public private(set) var unsavedEdits = 0

  /// Whether `save` also stores the reviewed pairs in the memory.
  public let saveToMemoryOnSave: Bool
  /// The anchors and glossary terms of every sentence, worked out when the session starts.
  public let notes: SentenceNotes

  public init(
    review: AlignmentReview, output: URL, documentName: String, sourceLanguage: LanguageTag,
    targetLanguage: LanguageTag, memory: @escaping @Sendable () throws -> any TranslationMemory,
    saveToMemoryOnSave: Bool = false, glossary: LayeredGlossary? = nil
  ) {
    self.review = review
    self.saveToMemoryOnSave = saveToMemoryOnSave
    notes = SentenceNotes(review.document, source: sourceLanguage, target: targetLanguage, glossary: glossary)
    self.output = output
    self.documentName = documentName
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.memory = memory
  }

  public var document: AlignmentDocument { review.document }

  /// The alignment as the page shows it: with each bead's anchors and glossary terms.
  public var annotated: AnnotatedAlignment {
    AnnotatedAlignment(review.document, notes: notes)
  }

  /// Makes `edit`; throws and changes nothing when it would break the alignment.
  public func apply(_ edit: ReviewEdit) throws(ReviewError) -> AlignmentDocument {
    try review.apply(edit)
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

  /// Writes the reviewed alignment (the align JSON with each bead's status) to `output`,
  /// atomically.
  public func save() throws -> URL {
    let json = try OrderedJSONEncoder(layout: [.itemsOnLines, .membersOnLines]).encode(review.document) + "\n"
    try Data(json.utf8).write(to: output, options: .atomic)
    unsavedEdits = 0
    if saveToMemoryOnSave { _ = try saveToMemory() }
    return output
  }

  /// Stores the accepted and edited beads that pair sentences in the memory, each with its
  /// status as the unit's `x-status` property; how many were added.
  public func saveToMemory() throws -> MemoryImportSummary {
    let document = review.document
    let units = document.beads.filter { $0.status != .pending && !$0.source.isEmpty && !$0.target.isEmpty }.map { bead in
      TranslationUnit(
        sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
        source: bead.source.map { document.source[$0] }.joined(separator: " "),
        target: bead.target.map { document.target[$0] }.joined(separator: " "), document: documentName,
        score: bead.score?.value, creationTool: "Selaras",
        properties: [.init(type: TranslationUnit.reviewStatusProperty, value: (bead.status ?? .pending).rawValue)])
    }
    // A pair the memory cannot keep (a control character in the text) stays in the review file only.
    return try memory().addUnits(units.filter { $0.storageProblem == nil })
  }
}
