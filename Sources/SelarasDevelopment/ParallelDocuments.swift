import Selaras

/// Sentence pairs grouped by the document they were taken from: the raw material of the
/// aligner's development set.
///
/// Read from a TSV of `sent_id<TAB>english<TAB>indonesian` lines, as
/// `Corpora/PUD/pud.en-id.tsv` holds the Parallel Universal Dependencies sentences. A
/// document is the `sent_id` without its last three digits (`n01001011` → `n01001`).
public struct ParallelDocuments: Sendable {
  /// One translated sentence.
  public struct Pair: Hashable, Sendable {
    public var id: String
    public var english: String
    public var indonesian: String

    public init(id: String, english: String, indonesian: String) {
      self.id = id
      self.english = english
      self.indonesian = indonesian
    }
  }

  /// One document: its id and its pairs in the file's order.
  public struct Document: Hashable, Sendable {
    public var id: String
    public var pairs: [Pair]
  }

  /// The documents, sorted by id.
  public var documents: [Document]

  /// Which part of the documents: the fit half tunes the aligner, the test half only
  /// measures it.
  public enum Half: String, Sendable, CaseIterable {
    case fit, test
  }

  public init(documents: [Document]) {
    self.documents = documents.sorted { $0.id < $1.id }
  }

  /// Reads the TSV; a header line starting with `sent_id` is skipped.
  ///
  /// - Throws: ``DevelopmentSetError/malformedLine(_:)`` for a line without three fields.
  public init(tsv: String) throws(DevelopmentSetError) {
    var byDocument: [String: [Pair]] = [:]
    var order: [String] = []
    for (number, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
      if trimmed.isEmpty || trimmed.hasPrefix("sent_id\t") { continue }
      let fields = trimmed.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 3, fields[0].count > 3, !fields[1].isEmpty, !fields[2].isEmpty else {
        throw .malformedLine(number + 1)
      }
      let id = String(fields[0])
      let document = String(id.dropLast(3))
      if byDocument[document] == nil { order.append(document) }
      byDocument[document, default: []].append(Pair(id: id, english: String(fields[1]), indonesian: String(fields[2])))
    }
    self.init(documents: order.map { Document(id: $0, pairs: byDocument[$0]!) })
  }

  /// Every other document in id order: the even ones fit, the odd ones test. News and
  /// Wikipedia documents are interleaved by id, so both halves hold both.
  public func half(_ half: Half) -> [Document] {
    documents.enumerated().filter { ($0.offset % 2 == 0) == (half == .fit) }.map(\.element)
  }
}

public enum DevelopmentSetError: Error, Equatable, CustomStringConvertible {
  case malformedLine(Int)

  public var description: String {
    switch self {
    case .malformedLine(let line): "line \(line): expected sent_id<TAB>english<TAB>indonesian"
    }
  }
}
