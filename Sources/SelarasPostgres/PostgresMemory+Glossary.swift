import Foundation
import PostgresNIO
import Selaras

extension PostgresMemory {
  /// Every concept of the user's glossary, with its terms, in the order they were added.
  public func glossaryEntries() throws -> [TermEntry] {
    try connections.withSession { session in
      var terms: [Int64: [Term]] = [:]
      for row in try session.rows(
        """
        SELECT concept_id, text, lang, status, part_of_speech, note, domain, source, created, modified
        FROM term ORDER BY concept_id, id
        """)
      {
        let (concept, text, language, status, partOfSpeech, note, domain, source, created, modified) = try row.decode(
          (Int64, String, String, String, String?, String?, String?, String?, String, String).self)
        terms[concept, default: []].append(
          Term(
            text, language: LanguageTag(language), status: Term.Status(rawValue: status) ?? .preferred,
            partOfSpeech: partOfSpeech, note: note, domain: domain, source: source,
            created: try? Date(created, strategy: .iso8601), modified: try? Date(modified, strategy: .iso8601)))
      }
      return try session.rows("SELECT id, note, domain FROM concept ORDER BY id").map { row in
        let (id, note, domain) = try row.decode((Int64, String?, String?).self)
        return TermEntry(terms: terms[id] ?? [], note: note, domain: domain)
      }
    }
  }

  public func glossaryVersion() throws -> Int64 {
    try connections.withSession { session in
      try session.rows("SELECT version FROM glossary_state").first?.decode(Int64.self) ?? 0
    }
  }

  /// Adds entries in one transaction: an entry sharing a term (same language, any case) with
  /// a stored concept extends that concept; any other is a new concept. If anything fails,
  /// nothing is stored. Languages are stored by their primary subtag (`id-ID` → `id`).
  @discardableResult
  public func addGlossaryEntries(_ entries: [TermEntry], source: String?, date: Date) throws -> GlossaryImportSummary {
    try TermEntry.checkStorable(entries)
    let stamp = date.formatted(.iso8601)
    return try write { session in
      var summary = GlossaryImportSummary()
      for entry in entries where !entry.terms.isEmpty {
        var concept: Int64?
        for term in entry.terms where concept == nil {
          concept = try session.rows(
            "SELECT concept_id FROM term WHERE lang = \(term.language.language) AND lower(text) = lower(\(term.text)) LIMIT 1"
          ).first?.decode(Int64.self)
        }
        let isNew = concept == nil
        if isNew {
          concept = try session.rows(
            "INSERT INTO concept (note, domain) VALUES (\(entry.note), \(entry.domain)) RETURNING id"
          ).first?.decode(Int64.self)
        }
        guard let concept else { throw PostgresStoreError("PostgreSQL at \(session.location): no concept id returned") }
        var inserted = 0
        for term in entry.terms {
          let exists = try !session.rows(
            """
            SELECT 1 FROM term WHERE concept_id = \(concept) AND lang = \(term.language.language)
            AND lower(text) = lower(\(term.text))
            """
          ).isEmpty
          guard !exists else { continue }
          try session.execute(
            """
            INSERT INTO term (concept_id, text, lang, status, part_of_speech, note, domain, source, created, modified)
            VALUES (\(concept), \(term.text), \(term.language.language), \(term.status.rawValue), \(term.partOfSpeech),
              \(term.note), \(term.domain ?? entry.domain), \(term.source ?? source),
              \(term.created.map { $0.formatted(.iso8601) } ?? stamp), \(term.modified.map { $0.formatted(.iso8601) } ?? stamp))
            """)
          inserted += 1
        }
        summary.count(newConcept: isNew, termsAdded: inserted)
      }
      return summary
    }
  }
}
