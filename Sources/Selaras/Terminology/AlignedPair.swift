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

  /// The side in `language`, or nil when the pair has none.
  public func text(in language: LanguageTag) -> String? {
    language == sourceLanguage ? source : language == targetLanguage ? target : nil
  }
}

/// A file that is not the JSON `selaras align --format json` writes.
public struct AlignmentFileError: Error, CustomStringConvertible {
  public var description: String
}

/// Reads the JSON of `selaras align --format json`:
/// `{"source":[…],"target":[…],"beads":[{"source":[0],"target":[0,1],"score":0.93},…]}`.
public enum AlignmentFile {
  private struct Document: Decodable {
    var source: [String]
    var target: [String]
    var beads: [Bead]

    struct Bead: Decodable {
      var source: [Int]
      var target: [Int]
      var score: Double?
    }
  }

  /// The beads with both sides non-empty, as pairs (the sentences of a side joined with a
  /// space); beads scored below `minimumScore` are left out.
  public static func pairs(
    _ data: Data, file: String, sourceLanguage: LanguageTag = .english, targetLanguage: LanguageTag = .indonesian,
    minimumScore: Double = 0
  ) throws -> [AlignedPair] {
    let document: Document
    do {
      document = try JSONDecoder().decode(Document.self, from: data)
    } catch DecodingError.dataCorrupted(let context) {
      throw AlignmentFileError(description: "\(file): not JSON (\(context.debugDescription))")
    } catch {
      throw AlignmentFileError(
        description: "\(file): not an alignment; expected {\"source\":[…],\"target\":[…],\"beads\":[…]} as `selaras align --format json` writes")
    }
    var pairs: [AlignedPair] = []
    for (number, bead) in document.beads.enumerated() where !bead.source.isEmpty && !bead.target.isEmpty {
      guard bead.source.allSatisfy(document.source.indices.contains), bead.target.allSatisfy(document.target.indices.contains)
      else {
        throw AlignmentFileError(description: "\(file): bead \(number + 1) points past the sentences")
      }
      guard (bead.score ?? 1) >= minimumScore else { continue }
      pairs.append(
        AlignedPair(
          source: bead.source.map { document.source[$0] }.joined(separator: " "),
          target: bead.target.map { document.target[$0] }.joined(separator: " "), sourceLanguage: sourceLanguage,
          targetLanguage: targetLanguage, origin: "\(file)#\(number + 1)"))
    }
    return pairs
  }
}
