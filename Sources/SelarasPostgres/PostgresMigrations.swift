import PostgresNIO
import Selaras

/// The PostgreSQL schema, as migrations applied in order, each once, in a transaction of
/// its own under an advisory lock (so that two servers starting at once do not both apply
/// one). A migration that has shipped is never changed: a change is a new migration.
///
/// The memory keeps what the SQLite store keeps, the same way: units and their
/// properties, the word index as ``PostingList`` blobs per side and token key, each unit's
/// token counts in blocks of ``MatchBounds/blockSize`` ids, counts per language pair and
/// document; and a row of state, the last id given and a version that every change raises.
package enum PostgresMigrations {
  static let all: [(name: String, sql: [String])] = [
    (
      "v1-memory",
      [
        """
        CREATE TABLE unit (
          id bigint PRIMARY KEY,
          source_lang text NOT NULL CHECK (source_lang <> ''),
          target_lang text NOT NULL CHECK (target_lang <> ''),
          source_text text NOT NULL CHECK (source_text <> ''),
          target_text text NOT NULL CHECK (target_text <> ''),
          source_tokens integer NOT NULL,
          target_tokens integer NOT NULL,
          document text,
          score double precision,
          creation_tool text,
          created text NOT NULL,
          changed text,
          "user" text,
          text_hash bigint NOT NULL)
        """,
        // Duplicates are found by the hash of the languages and texts, then compared whole.
        "CREATE INDEX unit_text_hash ON unit (text_hash)",
        """
        CREATE TABLE unit_property (
          unit_id bigint NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
          position integer NOT NULL,
          type text NOT NULL,
          value text NOT NULL,
          PRIMARY KEY (unit_id, position))
        """,
        """
        CREATE TABLE posting (
          side smallint NOT NULL,
          key bigint NOT NULL,
          count integer NOT NULL,
          dense boolean NOT NULL,
          ids bytea NOT NULL,
          PRIMARY KEY (side, key))
        """,
        // Stored out of line uncompressed: a search reads bitmaps of common tokens whole,
        // and decompressing them each time cost more than reading them.
        "ALTER TABLE posting ALTER COLUMN ids SET STORAGE EXTERNAL",
        """
        CREATE TABLE unit_length (
          side smallint NOT NULL,
          block integer NOT NULL,
          lengths bytea NOT NULL,
          PRIMARY KEY (side, block))
        """,
        "ALTER TABLE unit_length ALTER COLUMN lengths SET STORAGE EXTERNAL",
        """
        CREATE TABLE unit_pair_count (
          source_lang text NOT NULL,
          target_lang text NOT NULL,
          units bigint NOT NULL,
          PRIMARY KEY (source_lang, target_lang))
        """,
        "CREATE TABLE document_count (document text PRIMARY KEY, units bigint NOT NULL)",
        """
        CREATE TABLE memory_state (
          singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
          last_id bigint NOT NULL,
          version bigint NOT NULL)
        """,
        "INSERT INTO memory_state (last_id, version) VALUES (0, 0)",
      ]
    ),
    (
      "v2-glossary",
      [
        "CREATE TABLE concept (id bigserial PRIMARY KEY, note text, domain text)",
        """
        CREATE TABLE term (
          id bigserial PRIMARY KEY,
          concept_id bigint NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
          text text NOT NULL CHECK (text <> ''),
          lang text NOT NULL CHECK (lang <> ''),
          status text NOT NULL CHECK (status IN ('preferred', 'admitted', 'forbidden')),
          part_of_speech text,
          note text,
          domain text,
          source text,
          created text NOT NULL,
          modified text NOT NULL,
          UNIQUE (concept_id, lang, text))
        """,
        "CREATE INDEX term_lang_lower_text ON term (lang, lower(text))",
      ]
    ),
    (
      // A version that every change to the glossary raises, by whichever process makes it:
      // what a server's cache of the glossary compares.
      "v3-glossary-version",
      [
        "CREATE TABLE glossary_state (version bigint NOT NULL)",
        "INSERT INTO glossary_state (version) VALUES (0)",
        """
        CREATE FUNCTION raise_glossary_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE glossary_state SET version = version + 1;
          RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER concept_raises_glossary_version AFTER INSERT OR UPDATE OR DELETE ON concept
        FOR EACH STATEMENT EXECUTE FUNCTION raise_glossary_version()
        """,
        """
        CREATE TRIGGER term_raises_glossary_version AFTER INSERT OR UPDATE OR DELETE ON term
        FOR EACH STATEMENT EXECUTE FUNCTION raise_glossary_version()
        """,
      ]
    ),
    (
      // The word translations learned from alignments, with their counts.
      "v4-learned-lexicon",
      [
        """
        CREATE TABLE learned_translation (
          indonesian text NOT NULL CHECK (indonesian <> ''),
          english text NOT NULL CHECK (english <> ''),
          count double precision NOT NULL CHECK (count > 0),
          PRIMARY KEY (indonesian, english))
        """
      ]
    ),
    (
      // What the store records about itself: the direction it was made for.
      "v5-metadata",
      ["CREATE TABLE metadata (key text PRIMARY KEY, value text NOT NULL)"]
    ),
    (
      // Terms matched by ``Term/matchKey(_:)``, computed by Selaras, not by the database's
      // lower() (whose folding depends on the cluster's locale): the SQLite store's rule.
      // Existing rows get their keys from ``backfillMatchKeys(_:)``.
      "v6-glossary-match-key",
      [
        "ALTER TABLE term ADD COLUMN match_key text",
        "DROP INDEX term_lang_lower_text",
        "CREATE INDEX term_lang_match_key ON term (lang, match_key)",
      ]
    ),
    (
      // The word index keyed by ``MatchText``'s tokens (the SQLite store's v11): emptied here,
      // built again by ``rebuildWordIndex(_:)`` from the units, which the row below asks for.
      "v7-memory-match-keys",
      [
        "DELETE FROM posting",
        "DELETE FROM unit_length",
        "INSERT INTO metadata (key, value) VALUES ('word_index', 'rebuild') ON CONFLICT (key) DO UPDATE SET value = 'rebuild'",
        "UPDATE memory_state SET version = version + 1",
      ]
    ),
  ]

  /// The advisory lock key every writer of a Selaras database takes for its transaction:
  /// imports append to shared posting rows, so they go one at a time, as in SQLite.
  package static let writerLock: Int64 = 0x5E1A_4A5

  /// Takes the writers' lock (``writerLock``) for the session's transaction. While another
  /// writer holds it, the task waits here, asking again every few milliseconds (at most every
  /// 25: the lock stays free no longer between writers), rather than in a statement PostgreSQL
  /// would keep waiting: a task cancelled meanwhile (a request past its deadline) stops waiting
  /// and frees its connection at once. Writers waiting so are not served in the order they came.
  static func lockWriters(_ session: PostgresSession) async throws {
    var pause = Duration.milliseconds(2)
    while try await session.rows("SELECT pg_try_advisory_xact_lock(\(writerLock))").first?.decode(Bool.self) != true {
      try await Task.sleep(for: pause)
      pause = min(pause * 2, .milliseconds(25))
    }
  }

  /// Applies the migrations not applied yet.
  static func migrate(_ session: PostgresSession) async throws {
    try await session.transaction {
      try await lockWriters(session)
      try await session.execute(
        "CREATE TABLE IF NOT EXISTS selaras_migration (name text PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())"
      )
    }
    for migration in all {
      try await session.transaction {
        try await lockWriters(session)
        let name = migration.name
        let applied = try await session.rows("SELECT 1 FROM selaras_migration WHERE name = \(name)")
        guard applied.isEmpty else { return }
        for statement in migration.sql { try await session.execute(PostgresQuery(unsafeSQL: statement)) }
        try await session.execute("INSERT INTO selaras_migration (name) VALUES (\(name))")
      }
    }
  }

  /// Gives terms stored before `v6-glossary-match-key` their match keys, computed here.
  static func backfillMatchKeys(_ session: PostgresSession) async throws {
    let rows = try await session.rows("SELECT id, text FROM term WHERE match_key IS NULL")
    guard !rows.isEmpty else { return }
    let pairs = try rows.map { try $0.decode((Int64, String).self) }
    try await session.transaction {
      try await lockWriters(session)
      try await session.execute(
        """
        UPDATE term SET match_key = k.key
        FROM unnest(\(pairs.map(\.0))::bigint[], \(pairs.map { Term.matchKey($0.1) })::text[]) AS k(id, key)
        WHERE term.id = k.id
        """)
    }
  }

  /// Builds the word index and the units' token counts anew when a migration emptied them
  /// (metadata `word_index` = `rebuild`), a block of units at a time, in one transaction.
  static func rebuildWordIndex(_ session: PostgresSession) async throws {
    guard !(try await session.rows("SELECT 1 FROM metadata WHERE key = 'word_index' AND value = 'rebuild'")).isEmpty
    else {
      return
    }
    try await session.transaction {
      try await lockWriters(session)
      guard !(try await session.rows("SELECT 1 FROM metadata WHERE key = 'word_index' AND value = 'rebuild'")).isEmpty
      else {
        return
      }
      var index = PostgresWordIndex()
      var lengths = PostgresUnitLengths()
      var slots = IndexSlots()
      var after: Int64 = 0
      while true {
        let rows = try await session.rows(
          """
          SELECT id, source_lang, target_lang, source_text, target_text FROM unit
          WHERE id > \(after) ORDER BY id LIMIT 10000
          """)
        guard !rows.isEmpty else { break }
        var counts: (ids: [Int64], source: [Int32], target: [Int32]) = ([], [], [])
        for row in rows {
          let (id, sourceLanguage, targetLanguage, source, target) = try row.decode(
            (Int64, String, String, String, String).self)
          let sourceKeys = SegmentKeys(source)
          let targetKeys = SegmentKeys(target)
          let keys = PostingList.keys(
            source: sourceKeys, in: LanguageTag(sourceLanguage).language, target: targetKeys,
            in: LanguageTag(targetLanguage).language)
          try await index.add(id, slots.assign(keys: keys.keys, sourceCount: keys.sourceCount), session: session)
          try await lengths.add(id, source: sourceKeys.tokenCount, target: targetKeys.tokenCount, session: session)
          counts.ids.append(id)
          counts.source.append(Int32(sourceKeys.tokenCount))
          counts.target.append(Int32(targetKeys.tokenCount))
          after = id
        }
        try await session.execute(
          """
          UPDATE unit SET source_tokens = c.source, target_tokens = c.target
          FROM unnest(\(counts.ids)::bigint[], \(counts.source)::integer[], \(counts.target)::integer[]) AS c(id, source, target)
          WHERE unit.id = c.id
          """)
      }
      try await index.flush(session)
      try await lengths.flush(session)
      try await session.execute("DELETE FROM metadata WHERE key = 'word_index'")
      try await session.execute("UPDATE memory_state SET version = version + 1")
    }
  }

  /// The names of the migrations applied, in order.
  static func applied(_ session: PostgresSession) async throws -> [String] {
    try await session.rows("SELECT name FROM selaras_migration ORDER BY name").map { try $0.decode(String.self) }
  }
}
