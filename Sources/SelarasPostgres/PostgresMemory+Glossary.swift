import Foundation
import PostgresNIO
import Selaras

extension PostgresMemory {
  /// Every concept of the user's glossary, with its terms, in the order they were added.
  public func glossaryEntries() async throws -> [TermEntry] {
    try await connections.withSession { session in try await Self.entries(session).map(\.entry) }
  }

  /// The concepts of `ids` (all when nil), with their ids and terms, in id order.
  private static func entries(_ session: PostgresSession, ids: [Int64]? = nil) async throws
    -> [(id: Int64, entry: TermEntry)]
  {
    var terms: [Int64: [Term]] = [:]
    let termRows =
      if let ids {
        try await session.rows(
          """
          SELECT concept_id, text, lang, status, part_of_speech, note, domain, source, created, modified
          FROM term WHERE concept_id = ANY(\(ids)) ORDER BY concept_id, id
          """)
      } else {
        try await session.rows(
          """
          SELECT concept_id, text, lang, status, part_of_speech, note, domain, source, created, modified
          FROM term ORDER BY concept_id, id
          """)
      }
    for row in termRows {
      let (concept, text, language, status, partOfSpeech, note, domain, source, created, modified) = try row.decode(
        (Int64, String, String, String, String?, String?, String?, String?, String, String).self)
      terms[concept, default: []].append(
        Term(
          text, language: LanguageTag(language), status: Term.Status(rawValue: status) ?? .preferred,
          partOfSpeech: partOfSpeech, note: note, domain: domain, source: source,
          created: try? Date(created, strategy: .iso8601), modified: try? Date(modified, strategy: .iso8601)))
    }
    let conceptRows =
      if let ids {
        try await session.rows("SELECT id, note, domain FROM concept WHERE id = ANY(\(ids)) ORDER BY id")
      } else {
        try await session.rows("SELECT id, note, domain FROM concept ORDER BY id")
      }
    return try conceptRows.map { row in
      let (id, note, domain) = try row.decode((Int64, String?, String?).self)
      return (id, TermEntry(terms: terms[id] ?? [], note: note, domain: domain))
    }
  }

  /// Removes every concept holding `term` (by ``Term/matchKey(_:)``, the merge's rule; in `language` when given)
  /// and adds `entries`, in one transaction.
  @discardableResult
  public func replaceGlossaryEntries(
    holding term: String, language: LanguageTag?, with entries: [TermEntry], source: String?, date: Date
  ) async throws -> GlossaryReplacement {
    try TermEntry.checkStorable(entries)
    let stamp = date.formatted(.iso8601)
    let kept = entries.filter { !$0.terms.isEmpty }
    return try await write { session in
      // The merge's own rule and index: the term's match key, in the language when given.
      let key = Term.matchKey(term)
      let rows =
        if let language {
          try await session.rows("SELECT concept_id FROM term WHERE match_key = \(key) AND lang = \(language.language)")
        } else {
          try await session.rows("SELECT concept_id FROM term WHERE match_key = \(key)")
        }
      let holding = Set(try rows.map { try $0.decode(Int64.self) })
      let removed = try await Self.entries(session, ids: holding.sorted())
      if !holding.isEmpty {
        try await session.execute("DELETE FROM concept WHERE id = ANY(\(holding.sorted()))")
      }
      var summary = GlossaryImportSummary()
      if !kept.isEmpty {
        try await GlossaryBatch(kept[...], source: source, stamp: stamp).store(session, into: &summary)
      }
      return GlossaryReplacement(removed: removed.map(\.entry), added: summary)
    }
  }

  public func glossaryVersion() async throws -> Int64 {
    try await connections.withSession { session in
      try await session.rows("SELECT version FROM glossary_state").first?.decode(Int64.self) ?? 0
    }
  }

  /// Adds entries in one transaction: an entry sharing a term (same language, any case) with
  /// a stored concept extends that concept; any other is a new concept. If anything fails,
  /// nothing is stored. Languages are stored by their primary subtag (`id-ID` → `id`).
  ///
  /// Entries go in batches of ``glossaryBatch``, each in four statements whatever its size
  /// (its terms looked up at once, concept ids drawn, concepts and terms inserted from arrays):
  /// a statement a term, each a round trip, took 62 s for 20,000 rows.
  @discardableResult
  public func addGlossaryEntries(_ entries: [TermEntry], source: String?, date: Date) async throws
    -> GlossaryImportSummary
  {
    try TermEntry.checkStorable(entries)
    let stamp = date.formatted(.iso8601)
    let kept = entries.filter { !$0.terms.isEmpty }
    return try await write { session in
      // The tables look empty to the planner until the transaction commits.
      try await session.execute("SET LOCAL enable_seqscan = off")
      var summary = GlossaryImportSummary()
      for start in stride(from: 0, to: kept.count, by: Self.glossaryBatch) {
        let batch = kept[start..<min(kept.count, start + Self.glossaryBatch)]
        try await GlossaryBatch(batch, source: source, stamp: stamp).store(session, into: &summary)
      }
      return summary
    }
  }

  static let glossaryBatch = 4096
}

/// One batch of entries added to the PostgreSQL glossary, merged as one at a time would be:
/// an entry's first term (in its order) that a concept already holds, in any case, names the
/// concept it extends, whether that concept was stored before or earlier in this import.
private struct GlossaryBatch {
  let entries: ArraySlice<TermEntry>
  let source: String?
  let stamp: String

  init(_ entries: ArraySlice<TermEntry>, source: String?, stamp: String) {
    self.entries = entries
    self.source = source
    self.stamp = stamp
  }

  /// A text column's value for a nil: no term, note or field holds a control character.
  private static let null = "\u{1}"

  func store(_ session: PostgresSession, into summary: inout GlossaryImportSummary) async throws {
    let terms = entries.flatMap { entry in entry.terms }
    // Each term's match key (``Term/matchKey(_:)``, computed once), its key with its language
    // (so that terms of this batch meet as terms of earlier ones do, in the database), and the
    // concepts that hold it already, by the term's place in `terms`.
    let matchKeys = terms.map { Term.matchKey($0.text) }
    let keys = zip(terms, matchKeys).map { term, key in Array("\(term.language.language)\u{1}\(key)".utf8) }
    var stored: [Int: Set<Int64>] = [:]
    for row in try await session.rows(
      """
      SELECT u.i, t.concept_id
      FROM unnest(\(terms.map(\.language.language))::text[], \(matchKeys)::text[]) WITH ORDINALITY AS u(lang, key, i)
      JOIN term t ON t.lang = u.lang AND t.match_key = u.key
      """)
    {
      let (place, concept) = try row.decode((Int64, Int64).self)
      stored[Int(place) - 1, default: []].insert(concept)
    }
    // Concepts made in this batch have negative numbers until ids are drawn for them.
    var made: [[UInt8]: Int64] = [:]
    var added: Set<[UInt8]> = []
    var newConcepts: [TermEntry] = []
    var rows: [(concept: Int64, term: Term, entry: TermEntry, matchKey: String)] = []
    var place = 0
    for entry in entries {
      let places = place..<(place + entry.terms.count)
      place += entry.terms.count
      var concept: Int64?
      for (term, key) in zip(places, keys[places]) where concept == nil {
        concept = stored[term]?.min() ?? made[key]
      }
      let isNew = concept == nil
      if isNew {
        newConcepts.append(entry)
        concept = -Int64(newConcepts.count)
      }
      guard let concept else { continue }
      var inserted = 0
      for (term, key) in zip(places, keys[places]) {
        let held = Array("\(concept)\u{1}".utf8) + key
        guard stored[term]?.contains(concept) != true, !added.contains(held) else { continue }
        added.insert(held)
        if made[key] == nil { made[key] = concept }
        rows.append((concept, terms[term], entry, matchKeys[term]))
        inserted += 1
      }
      summary.count(newConcept: isNew, termsAdded: inserted)
    }
    var ids: [Int64] = []
    if !newConcepts.isEmpty {
      ids = try await session.rows("SELECT nextval('concept_id_seq') FROM generate_series(1, \(newConcepts.count))")
        .map { try $0.decode(Int64.self) }
      try await session.execute(
        """
        INSERT INTO concept (id, note, domain)
        SELECT id, NULLIF(note, chr(1)), NULLIF(domain, chr(1))
        FROM unnest(\(ids)::bigint[], \(newConcepts.map { $0.note ?? Self.null })::text[],
          \(newConcepts.map { $0.domain ?? Self.null })::text[]) AS c(id, note, domain)
        """)
    }
    guard !rows.isEmpty else { return }
    let concepts = rows.map { $0.concept < 0 ? ids[Int(-$0.concept) - 1] : $0.concept }
    try await session.execute(
      """
      INSERT INTO term (concept_id, text, lang, status, part_of_speech, note, domain, source, created, modified, match_key)
      SELECT concept_id, text, lang, status, NULLIF(part_of_speech, chr(1)), NULLIF(note, chr(1)),
        NULLIF(domain, chr(1)), NULLIF(source, chr(1)), created, modified, match_key
      FROM unnest(\(concepts)::bigint[], \(rows.map(\.term.text))::text[], \(rows.map(\.term.language.language))::text[],
        \(rows.map(\.term.status.rawValue))::text[], \(rows.map { $0.term.partOfSpeech ?? Self.null })::text[],
        \(rows.map { $0.term.note ?? Self.null })::text[], \(rows.map { $0.term.domain ?? $0.entry.domain ?? Self.null })::text[],
        \(rows.map { $0.term.source ?? source ?? Self.null })::text[],
        \(rows.map { $0.term.created.map { $0.formatted(.iso8601) } ?? stamp })::text[],
        \(rows.map { $0.term.modified.map { $0.formatted(.iso8601) } ?? stamp })::text[],
        \(rows.map(\.matchKey))::text[])
        AS t(concept_id, text, lang, status, part_of_speech, note, domain, source, created, modified, match_key)
      """)
  }
}
