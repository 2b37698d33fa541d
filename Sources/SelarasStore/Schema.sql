-- The Selaras database as the migrations leave it (v1-metadata ... v10-glossary-match-key), in one
-- place. SchemaTests compares it with a freshly migrated database: change it with every new
-- migration. Shipped migrations are never edited; a change is a new one.

CREATE TABLE metadata (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);

-- The glossary: a concept per entry, its terms in both languages (synonyms as more rows).
CREATE TABLE concept (id INTEGER PRIMARY KEY AUTOINCREMENT, note TEXT, domain TEXT);
CREATE TABLE term (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  conceptId INTEGER NOT NULL REFERENCES concept(id) ON DELETE CASCADE,
  text TEXT NOT NULL CHECK (LENGTH(text) > 0),
  lang TEXT NOT NULL CHECK (LENGTH(lang) > 0),
  status TEXT NOT NULL CHECK (status IN ('preferred', 'admitted', 'forbidden')),
  partOfSpeech TEXT, note TEXT, domain TEXT,
  source TEXT,                           -- where the term came from: a file, `glossary add`, extract
  created TEXT NOT NULL, modified TEXT NOT NULL,
  matchKey TEXT,                         -- Term.matchKey(text): Unicode lower case, composed
  UNIQUE (conceptId, lang, text));
CREATE INDEX term_on_conceptId ON term(conceptId);
CREATE INDEX term_on_lang_text ON term(lang, text);
-- A term found by its text in any case (a glossary import looks up each term it adds).
CREATE INDEX term_on_lang_matchKey ON term(lang, matchKey);
-- A number every change to the glossary raises, whoever makes it: an import once in its
-- transaction, a change or removal by trigger. A server's cache of the glossary compares it.
CREATE TABLE glossaryState (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
CREATE TRIGGER conceptUpdateRaisesGlossaryVersion AFTER UPDATE ON concept BEGIN
  UPDATE glossaryState SET version = version + 1;
END;
CREATE TRIGGER conceptDeleteRaisesGlossaryVersion AFTER DELETE ON concept BEGIN
  UPDATE glossaryState SET version = version + 1;
END;
CREATE TRIGGER termUpdateRaisesGlossaryVersion AFTER UPDATE ON term BEGIN
  UPDATE glossaryState SET version = version + 1;
END;
CREATE TRIGGER termDeleteRaisesGlossaryVersion AFTER DELETE ON term BEGIN
  UPDATE glossaryState SET version = version + 1;
END;

-- The translation memory: a row per unit. Languages are primary subtags (en, id); dates are
-- ISO 8601's basic form (20241119T031500Z). textHash (FNV-1a of the languages and texts) is
-- unique, kept so by the import through unitHash, not by an index.
CREATE TABLE unit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,  -- only grows: the word index relies on it
  sourceLang TEXT NOT NULL CHECK (LENGTH(sourceLang) > 0),
  targetLang TEXT NOT NULL CHECK (LENGTH(targetLang) > 0),
  sourceText TEXT NOT NULL CHECK (LENGTH(sourceText) > 0),
  targetText TEXT NOT NULL CHECK (LENGTH(targetText) > 0),
  sourceTokens INTEGER NOT NULL, targetTokens INTEGER NOT NULL,
  document TEXT, score DOUBLE, creationTool TEXT,
  created TEXT NOT NULL, changed TEXT, user TEXT,
  textHash INTEGER NOT NULL);
-- TMX <prop>s and <note>s beyond the columns above, in order.
CREATE TABLE unitProperty (
  unitId INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE, type TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX unitProperty_on_unitId ON unitProperty(unitId);

-- The word index (WordIndex, PostingList): per side (0 source, 1 target) and token key, how
-- many units hold it and which, as a list of little-endian UInt32 ids or, when dense, a bitmap.
CREATE TABLE posting (
  side INTEGER NOT NULL, word INTEGER NOT NULL, count INTEGER NOT NULL, dense BOOLEAN NOT NULL,
  ids BLOB NOT NULL, UNIQUE (side, word));
-- Each unit's token counts (UnitLengths): key side × 2³² + block, a byte per id of the
-- block's 65,536.
CREATE TABLE unitLength (key INTEGER PRIMARY KEY, lengths BLOB NOT NULL);
-- Each unit's textHash again, as rows of (UInt32 id, Int64 hash) pairs an import loads in one
-- go to find duplicates (UnitHashes).
CREATE TABLE unitHash (id INTEGER PRIMARY KEY, pairs BLOB NOT NULL);

-- Unit counts for the statistics (MemoryCounts): added by each import, taken off on delete.
CREATE TABLE unitPairCount (
  sourceLang TEXT NOT NULL, targetLang TEXT NOT NULL, units INTEGER NOT NULL,
  PRIMARY KEY (sourceLang, targetLang)) WITHOUT ROWID;
CREATE TABLE documentCount (document TEXT NOT NULL PRIMARY KEY, units INTEGER NOT NULL) WITHOUT ROWID;
CREATE TRIGGER unitCountDelete AFTER DELETE ON unit BEGIN
  UPDATE unitPairCount SET units = units - 1
  WHERE sourceLang = old.sourceLang AND targetLang = old.targetLang;
  UPDATE documentCount SET units = units - 1 WHERE document = old.document;
END;

-- Word translations learned from saved alignments (LearnedLexiconStore), with the expected
-- number of times IBM Model 1 linked the two words, added up over every alignment saved.
CREATE TABLE learnedTranslation (
  indonesian TEXT NOT NULL CHECK (length(indonesian) > 0),
  english TEXT NOT NULL CHECK (length(english) > 0),
  count REAL NOT NULL CHECK (count > 0),
  PRIMARY KEY (indonesian, english)
) WITHOUT ROWID;
