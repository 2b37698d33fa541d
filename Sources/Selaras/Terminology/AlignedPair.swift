import Foundation

/// A source segment and its translation, from an alignment or the translation memory: the
/// material term capture and the terminology check work on.
public struct AlignedPair: Hashable, Sendable {
  public var source: String
  public var target: String
  public var sourceLanguage: LanguageTag
  public var targetLanguage: LanguageTag
  /// Where the pair is from: `FILE#BEAD` or the TM document.
  public var origin: String

  public init(
    source: String, target: String, sourceLanguage: LanguageTag = .english, targetLanguage: LanguageTag = .indonesian,
    origin: String = ""
  ) {
    self.source = source
    self.target = target
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.origin = origin
  }

  /// A translation memory unit as a pair, its document (else `tm`) as the origin.
  public init(_ unit: TranslationUnit) {
    self.init(
      source: unit.source, target: unit.target, sourceLanguage: unit.sourceLanguage,
      targetLanguage: unit.targetLanguage, origin: unit.document ?? "tm")
  }

  /// The side in `language`, or nil when the pair has none.
  public func text(in language: LanguageTag) -> String? {
    language == sourceLanguage ? source : language == targetLanguage ? target : nil
  }
}

/// A file that is not the JSON `selaras align --format json` writes.
public struct AlignmentFileError: Error, CustomStringConvertible {
  public var description: String
}

/// Reads the JSON of `selaras align --format json` (``AlignmentDocument``) as pairs.
public enum AlignmentFile {
  /// The beads with both sides non-empty, as pairs (the sentences of a side joined with a
  /// space); beads scored below `minimumScore` are left out.
  public static func pairs(
    _ data: Data, file: String, sourceLanguage: LanguageTag = .english, targetLanguage: LanguageTag = .indonesian,
    minimumScore: Double = 0
  ) throws -> [AlignedPair] {
    let document = try AlignmentDocument.read(data, file: file)
    var pairs: [AlignedPair] = []
    for (number, bead) in document.beads.enumerated() where !bead.source.isEmpty && !bead.target.isEmpty {
      guard (bead.score?.value ?? 1) >= minimumScore else { continue }
      pairs.append(
        AlignedPair(
          source: bead.source.map { document.source[$0] }.joined(separator: " "),
          target: bead.target.map { document.target[$0] }.joined(separator: " "), sourceLanguage: sourceLanguage,
          targetLanguage: targetLanguage, origin: "\(file)#\(number + 1)"))
    }
    return pairs
  }
}
