import Foundation

/// A term in one language, as TBX has it: one of a concept's synonyms.
public struct Term: Hashable, Sendable, Codable {
  /// TBX's `administrativeStatus`: which synonym to use.
  public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
    case preferred, admitted, forbidden
  }

  public var text: String
  public var language: LanguageTag
  public var status: Status
  public var partOfSpeech: String?
  public var note: String?
  public var domain: String?
  /// Where the term came from: a file, a user, an aligned article.
  public var source: String?
  public var created: Date?
  public var modified: Date?

  public init(
    _ text: String, language: LanguageTag, status: Status = .preferred, partOfSpeech: String? = nil,
    note: String? = nil, domain: String? = nil, source: String? = nil, created: Date? = nil, modified: Date? = nil
  ) {
    self.text = text
    self.language = language
    self.status = status
    self.partOfSpeech = partOfSpeech
    self.note = note
    self.domain = domain
    self.source = source
    self.created = created
    self.modified = modified
  }
}

/// A concept: the terms that name it in each language (TBX's `termEntry`).
///
/// `Kementerian Luar Negeri` and `Kemenlu` (id) with `Foreign Ministry` (en) are one entry.
public struct TermEntry: Hashable, Sendable, Codable {
  public var terms: [Term]
  public var note: String?
  public var domain: String?

  public init(terms: [Term], note: String? = nil, domain: String? = nil) {
    self.terms = terms
    self.note = note
    self.domain = domain
  }

  /// The entry's terms in `language`, preferred first.
  public func terms(in language: LanguageTag) -> [Term] {
    let order: [Term.Status: Int] = [.preferred: 0, .admitted: 1, .forbidden: 2]
    return terms.filter { $0.language == language }.enumerated()
      .sorted { (order[$0.element.status]!, $0.offset) < (order[$1.element.status]!, $1.offset) }.map(\.element)
  }

  /// The term to use in `language`: the first preferred one, else the first admitted one.
  public func preferred(in language: LanguageTag) -> Term? {
    terms(in: language).first { $0.status != .forbidden }
  }
}

extension Term {
  /// The key a glossary store matches terms by, "any case": the text in Unicode lower case,
  /// canonically composed (`ÉLYSÉE`, `Élysée` and `élysée` written with a combining accent
  /// are one term). Every backend stores and compares this key, so that they merge alike.
  public static func matchKey(_ text: String) -> String {
    // ASCII, most terms, has nothing to compose: composing cost a glossary import a quarter
    // of its time.
    text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased() : text.precomposedStringWithCanonicalMapping.lowercased()
  }
}
