import Foundation
import GRDB
import Selaras

/// What an import into the translation memory did.
public struct MemoryImportSummary: Hashable, Sendable {
  public var added = 0
  /// Units already in the memory (same languages and texts), left as they were.
  public var duplicates = 0

  public init(added: Int = 0, duplicates: Int = 0) {
    self.added = added
    self.duplicates = duplicates
  }
}

/// The size of the translation memory.
public struct MemoryStatistics: Hashable, Sendable {
  public var units: Int
  /// Units per "source→target" language pair.
  public var languagePairs: [String: Int]
  public var documents: Int

  public init(units: Int = 0, languagePairs: [String: Int] = [:], documents: Int = 0) {
    self.units = units
    self.languagePairs = languagePairs
    self.documents = documents
  }
}

extension SelarasDatabase {
  static func registerMemoryMigrations(_ migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v3-memory") { db in
      try db.create(table: "unit") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("sourceLang", .text).notNull().check { length($0) > 0 }
        table.column("targetLang", .text).notNull().check { length($0) > 0 }
        table.column("sourceText", .text).notNull().check { length($0) > 0 }
        table.column("targetText", .text).notNull().check { length($0) > 0 }
        table.column("sourceTokens", .integer).notNull()
        table.column("targetTokens", .integer).notNull()
        table.column("document", .text)
        table.column("score", .double)
        table.column("creationTool", .text)
        table.column("created", .text).notNull()
        table.column("changed", .text)
        table.column("user", .text)
        table.uniqueKey(["sourceLang", "targetLang", "sourceText", "targetText"])
      }
      try db.create(table: "unitProperty") { table in
        table.belongsTo("unit", onDelete: .cascade).notNull()
        table.column("type", .text).notNull()
        table.column("value", .text).notNull()
      }
      // The full-text index over both sides. Imports fill it in bulk at the end of their
      // transaction (twice as fast as a trigger per row); deletes and updates keep it in
      // step through triggers.
      try db.execute(
        sql: """
          CREATE VIRTUAL TABLE unitText USING fts5(
            sourceText, targetText, content='unit', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
          CREATE TRIGGER unitTextDelete AFTER DELETE ON unit BEGIN
            INSERT INTO unitText(unitText, rowid, sourceText, targetText)
            VALUES ('delete', old.id, old.sourceText, old.targetText);
          END;
          CREATE TRIGGER unitTextUpdate AFTER UPDATE OF sourceText, targetText ON unit BEGIN
            INSERT INTO unitText(unitText, rowid, sourceText, targetText)
            VALUES ('delete', old.id, old.sourceText, old.targetText);
            INSERT INTO unitText(rowid, sourceText, targetText) VALUES (new.id, new.sourceText, new.targetText);
          END;
          """)
      // How many units hold each word, per column: the search asks it for the rarest words.
      try db.execute(sql: "CREATE VIRTUAL TABLE unitTextVocabulary USING fts5vocab(unitText, 'col')")
    }
    // v4 replaces the full-text index, whose import cost and posting-list reads did not scale
    // to a million units, by a word index of our own (see `WordIndex`), and the unique key on
    // both texts by one on their hash.
    migrator.registerMigration("v4-memory-word-index") { db in
      try db.execute(
        sql: """
          DROP TRIGGER unitTextDelete;
          DROP TRIGGER unitTextUpdate;
          DROP TABLE unitTextVocabulary;
          DROP TABLE unitText;
          """)
      // SQLite's way to change a table's constraints: build the new one, copy, drop the old
      // and rename (foreign keys are off during a migration, and unitProperty's key names
      // "unit", which is the new table once renamed).
      try db.create(table: "unitNew") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("sourceLang", .text).notNull().check { length($0) > 0 }
        table.column("targetLang", .text).notNull().check { length($0) > 0 }
        table.column("sourceText", .text).notNull().check { length($0) > 0 }
        table.column("targetText", .text).notNull().check { length($0) > 0 }
        table.column("sourceTokens", .integer).notNull()
        table.column("targetTokens", .integer).notNull()
        table.column("document", .text)
        table.column("score", .double)
        table.column("creationTool", .text)
        table.column("created", .text).notNull()
        table.column("changed", .text)
        table.column("user", .text)
        // A hash of the languages and texts: duplicates are found through it, and a
        // different unit with the same hash takes the next free value.
        table.column("textHash", .integer).notNull().unique()
      }
      try db.create(table: "posting", options: .withoutRowID) { table in
        table.column("side", .integer).notNull()
        table.column("word", .integer).notNull()
        table.column("count", .integer).notNull()
        table.column("ids", .blob).notNull()
        table.primaryKey(["side", "word"])
      }
      // The index is left empty: v5 builds it anew.
      let rows = try Row.fetchCursor(db, sql: "SELECT * FROM unit ORDER BY id")
      while let row = try rows.next() {
        let hash = try Self.uniqueHash(
          Self.textHash(row["sourceLang"], row["targetLang"], row["sourceText"], row["targetText"]), db: db)
        try db.execute(
          sql: """
            INSERT INTO unitNew (id, sourceLang, targetLang, sourceText, targetText, sourceTokens, targetTokens,
              document, score, creationTool, created, changed, user, textHash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            row["id"], row["sourceLang"], row["targetLang"], row["sourceText"], row["targetText"],
            row["sourceTokens"], row["targetTokens"], row["document"], row["score"], row["creationTool"],
            row["created"], row["changed"], row["user"], hash,
          ])
      }
      try db.execute(sql: "DROP TABLE unit; ALTER TABLE unitNew RENAME TO unit")
    }
    // v5 rebuilds the word index in a table with a rowid: in a table without one, a B-tree
    // search reads the whole row of every key it compares once the row spills onto overflow
    // pages, so looking up one word read hundreds of kilobytes of others' lists. The index
    // now holds punctuation too, and common tokens as bitmaps, so that a search can bound
    // each unit's match percentage (see `MatchBounds`), and it keeps each unit's token counts
    // where a search reads them by the million (see `UnitLengths`).
    migrator.registerMigration("v5-memory-search") { db in
      try db.drop(table: "posting")
      try db.create(table: "posting") { table in
        table.column("side", .integer).notNull()
        table.column("word", .integer).notNull()
        table.column("count", .integer).notNull()
        table.column("dense", .boolean).notNull()
        table.column("ids", .blob).notNull()
        table.uniqueKey(["side", "word"])
      }
      // Key: side × 2³² + block.
      try db.create(table: "unitLength") { table in
        table.primaryKey("key", .integer)
        table.column("lengths", .blob).notNull()
      }
      var index = WordIndex()
      var slots = IndexSlots()
      var lengths = UnitLengths()
      let rows = try Row.fetchCursor(
        db, sql: "SELECT id, sourceText, targetText, sourceLang, targetLang FROM unit ORDER BY id")
      while let row = try rows.next() {
        let source = SegmentKeys(row[1])
        let target = SegmentKeys(row[2])
        let keys = WordIndex.keys(
          source: source, in: LanguageTag(row[3] as String).language, target: target,
          in: LanguageTag(row[4] as String).language)
        try index.add(row[0], slots.assign(keys: keys.keys, sourceCount: keys.sourceCount), db: db)
        try lengths.add(row[0], source: source.tokenCount, target: target.tokenCount, db: db)
      }
      try index.flush(db)
      try lengths.flush(db)
    }
    // v6 finds duplicates through the hashes in memory (see `UnitHashes`) and drops the
    // unique index on the hash, whose upkeep was a third of a large import's writing. The
    // table is rebuilt without it, as in v4; its AUTOINCREMENT sequence is kept, since the
    // word index relies on ids only growing.
    migrator.registerMigration("v6-memory-hash-rows") { db in
      let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'unit'")
      try db.create(table: "unitNew") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("sourceLang", .text).notNull().check { length($0) > 0 }
        table.column("targetLang", .text).notNull().check { length($0) > 0 }
        table.column("sourceText", .text).notNull().check { length($0) > 0 }
        table.column("targetText", .text).notNull().check { length($0) > 0 }
        table.column("sourceTokens", .integer).notNull()
        table.column("targetTokens", .integer).notNull()
        table.column("document", .text)
        table.column("score", .double)
        table.column("creationTool", .text)
        table.column("created", .text).notNull()
        table.column("changed", .text)
        table.column("user", .text)
        // Unique still, but kept so by the import (`UnitHashes`), not by an index.
        table.column("textHash", .integer).notNull()
      }
      try db.execute(sql: "INSERT INTO unitNew SELECT * FROM unit; DROP TABLE unit; ALTER TABLE unitNew RENAME TO unit")
      if let sequence {
        try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = 'unit'")
        try db.execute(
          sql:
            "INSERT INTO sqlite_sequence (name, seq) VALUES ('unit', max(?, coalesce((SELECT max(id) FROM unit), 0)))",
          arguments: [sequence])
      }
      try db.create(table: "unitHash") { table in
        table.primaryKey("id", .integer)
        table.column("pairs", .blob).notNull()
      }
      var hashes = UnitHashes()
      let rows = try Row.fetchCursor(db, sql: "SELECT id, textHash FROM unit ORDER BY id")
      while let row = try rows.next() {
        try hashes.add(row[0], hash: row[1], db: db)
      }
      try hashes.flush(db)
    }
  }

  /// Adds units in one transaction; a unit already stored (same languages and texts) is
  /// counted as a duplicate and left as it is. If anything fails, nothing is stored.
  @discardableResult
  public func addUnits(_ units: some Sequence<TranslationUnit>, date: Date = Date()) throws -> MemoryImportSummary {
    try importUnits(date: date) { add in
      for unit in units { try add(unit) }
    }
  }

  /// Runs `produce` inside one transaction, storing each unit it hands to `add` as it comes,
  /// so that a large file streams into the memory; if `produce` throws (a TMX file found
  /// malformed halfway), nothing is stored. The word index is filled from memory in batches
  /// of a few million postings.
  @discardableResult
  public func importUnits(
    date: Date = Date(), _ produce: (_ add: (TranslationUnit) throws -> Void) throws -> Void
  ) throws -> MemoryImportSummary {
    try storeUnits(date: date) { store in
      try withoutActuallyEscaping(store) { store in
        var slots = IndexSlots()
        try produce { unit in try store(PreparedUnit(unit, slots: &slots)) }
      }
    }
  }

  /// Like ``importUnits(date:_:)``, with `produce` (a TMX reader, say) running on a thread
  /// of its own, and each unit prepared (hashes, index keys) on a third, while this thread
  /// writes: an import then takes about as long as the slowest of the three instead of all,
  /// and on two processors, as long as their work shared between the two. Units cross in
  /// batches through bounded queues, so memory stays flat. When any of them fails, the
  /// others stop and nothing is stored; `produce`'s result comes back with the summary.
  public func importUnits<Output: Sendable>(
    date: Date = Date(),
    concurrently produce: @escaping @Sendable (_ add: (TranslationUnit) throws -> Void) throws -> Output
  ) throws -> (summary: MemoryImportSummary, output: Output) {
    let read = BatchQueue<TranslationUnit>()
    let prepared = BatchQueue<PreparedUnit>()
    // Batches the writer is done with go back to the preparing thread to be freed there:
    // freeing a million units' strings and arrays was a fifth of the writer's time, and the
    // writer sets the pace.
    let spent = Handoff<[[PreparedUnit]]>()
    let output = Handoff<Output>()
    let producer = Thread {
      do {
        var batch: [TranslationUnit] = []
        let result = try produce { unit in
          batch.append(unit)
          if batch.count == BatchQueue<TranslationUnit>.batchSize {
            try read.put(batch)
            batch.removeAll(keepingCapacity: true)
          }
        }
        try read.put(batch)
        output.set(result)
        read.finish(nil)
      } catch {
        read.finish(error)
      }
    }
    let preparer = Thread {
      do {
        var slots = IndexSlots()
        while let batch = try read.take() {
          try prepared.put(batch.map { PreparedUnit($0, slots: &slots) })
          _ = spent.take()
        }
        prepared.finish(nil)
      } catch {
        // The reader's error, or the writer's cancellation: either way the reader stops.
        read.cancelAndWait()
        prepared.finish(error)
      }
    }
    producer.start()
    preparer.start()
    defer {
      prepared.cancelAndWait()
      read.cancelAndWait()
    }
    let summary = try storeUnits(date: date) { store in
      while let batch = try prepared.take() {
        for unit in batch { try store(unit) }
        spent.append(batch)
      }
    }
    prepared.cancelAndWait()
    read.cancelAndWait()
    guard let result = output.get() else { throw CancellationError() }
    return (summary, result)
  }

  /// The transaction of an import: `produce` hands prepared units to `store`.
  private func storeUnits(
    date: Date, _ produce: (_ store: (PreparedUnit) throws -> Void) throws -> Void
  ) throws -> MemoryImportSummary {
    let summary = try storeTransaction(date: date, produce)
    // Move the import's pages from the write-ahead log into the database file, so that
    // searches do not look every page up in the log (a million-unit import leaves ~450 MB
    // there). Best effort: a reader holding an old snapshot only delays it.
    if summary.added > 1000 {
      _ = try? writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }
    return summary
  }

  private func storeTransaction(
    date: Date, _ produce: (_ store: (PreparedUnit) throws -> Void) throws -> Void
  ) throws -> MemoryImportSummary {
    try writer.write { db in
      // A larger page cache for the word index's flushes, which update posting rows all
      // over their table; restored afterwards.
      let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
      try db.execute(sql: "PRAGMA cache_size = -131072")
      defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
      var summary = MemoryImportSummary()
      let stamp = Self.memoryTimestamp(date)
      let insert = RawStatement(
        statement: try db.makeStatement(
          sql: """
            INSERT INTO unit (sourceLang, targetLang, sourceText, targetText, sourceTokens, targetTokens,
              document, score, creationTool, created, changed, user, textHash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """), database: db)
      let stored = RawStatement(
        statement: try db.makeStatement(
          sql: "SELECT sourceLang, targetLang, sourceText, targetText FROM unit WHERE id = ?"),
        database: db)
      var known = try UnitHashes.load(db)
      var hashes = UnitHashes()
      let property = RawStatement(
        statement: try db.makeStatement(sql: "INSERT INTO unitProperty (unitId, type, value) VALUES (?, ?, ?)"),
        database: db)
      var index = WordIndex()
      var lengths = UnitLengths()
      try produce { prepared in
        let unit = prepared.unit
        let source = unit.sourceLanguage.language
        let target = unit.targetLanguage.language
        var hash = prepared.hash
        // The hash may be taken: by this very unit (a duplicate), or by another one, and
        // then the unit takes the next free value.
        while let id = known[UInt64(bitPattern: hash)] {
          let same = try stored.withFirstRow(.integer(Int64(id))) { row in
            row?.text(0) == source && row?.text(1) == target && row?.text(2) == unit.source
              && row?.text(3) == unit.target
          }
          if same {
            summary.duplicates += 1
            try index.add(nil, prepared.indexSlots, db: db)
            return
          }
          hash &+= 1
        }
        try insert.execute(
          .text(source), .text(target), .text(unit.source), .text(unit.target),
          .integer(Int64(prepared.sourceTokens)), .integer(Int64(prepared.targetTokens)),
          .text(unit.document), .real(unit.score), .text(unit.creationTool), .text(prepared.created ?? stamp),
          .text(prepared.changed), .text(unit.user), .integer(hash))
        summary.added += 1
        let id = db.lastInsertedRowID
        known.insert(Int(id), for: UInt64(bitPattern: hash))
        try hashes.add(id, hash: hash, db: db)
        try index.add(id, prepared.indexSlots, db: db)
        try lengths.add(UInt32(id), source: prepared.sourceTokens, target: prepared.targetTokens, db: db)
        for item in unit.properties {
          try property.execute(.integer(id), .text(item.type), .text(item.value))
        }
      }
      try index.flush(db)
      try lengths.flush(db)
      try hashes.flush(db)
      return summary
    }
  }

  /// Units whose `language` side is like `text`, best first, with their match percentage.
  ///
  /// Never a scan of every unit: the word index bounds the match percentage of every unit
  /// that holds one of the query's ``rarestWordCount`` rarest tokens (see `MatchBounds`),
  /// and units are scored by the exact token Levenshtein in the order of their bounds,
  /// until no bound left can beat the `limit` best scores found, or ``candidateCount``
  /// units a side are scored. Each is read where SQLite holds it, without a string.
  public func searchUnits(_ text: String, language: LanguageTag, minimumScore: Int = 70, limit: Int = 10) throws
    -> [MemoryMatch]
  {
    let queryTokens = SegmentKeys.tokenHashes(text)
    let segmentKeys = SegmentKeys(text)
    let keys = segmentKeys.words + segmentKeys.punctuation
    guard !keys.isEmpty, limit > 0 else { return [] }
    return try writer.read { db in
      // The best so far, best first (earlier unit first among equal scores).
      var best: [(score: Int, id: Int64, turned: Bool)] = []
      let largestId = try Int.fetchOne(db, sql: "SELECT max(id) FROM unit") ?? 0
      for side in [Side.source, .target] {
        let candidates = try MatchBounds.ranked(
          query: queryTokens, keys: keys, language: language.language, side: side.rawValue, largestId: largestId,
          minimumScore: minimumScore,
          lists: Self.rarestWordCount, commonUnits: max(Self.commonWordUnits, largestId / 32),
          refined: Self.refinedCount, count: Self.candidateCount, db: db)
        let fetch = RawStatement(
          statement: try db.cachedStatement(
            sql: "SELECT \(side.column) FROM unit WHERE id = ? AND \(side.language) = ?"),
          database: db)
        for candidate in candidates {
          // Nothing after this one can beat the scores found.
          guard candidate.bound >= (best.count == limit ? best[limit - 1].score : minimumScore) else { break }
          // The stored text's tokens, read where SQLite holds it; nil when the unit is gone or
          // in another language.
          let tokens = try fetch.withFirstRow(.integer(candidate.id), .text(language.language)) { row in
            row.map { SegmentKeys.tokenHashes(utf8: $0.bytes(0).assumingMemoryBound(to: UInt8.self)) }
          }
          guard let tokens else { continue }
          let score = FuzzyMatch.score(queryTokens, tokens)
          guard score >= minimumScore else { continue }
          let place = best.firstIndex { $0.score < score || $0.score == score && $0.id > candidate.id } ?? best.count
          if place < limit {
            best.insert((score, candidate.id, side == .target), at: place)
            if best.count > limit { best.removeLast() }
          }
        }
      }
      // The units shown are read whole, with their properties.
      let ids = best.map(\.id)
      let rows = try Self.units(
        "SELECT \(Self.unitColumns) FROM unit WHERE id IN (\(ids.map(String.init).joined(separator: ",")))", db: db)
      let units = Dictionary(rows, uniquingKeysWith: { first, _ in first })
      let properties = try Self.properties(of: ids, db: db)
      return best.compactMap { match in
        guard var unit = units[match.id] else { return nil }
        unit.properties = properties[match.id] ?? []
        return MemoryMatch(score: match.score, unit: match.turned ? unit.swapped : unit)
      }
    }
  }

  /// Units whose `language` side holds `phrase` (its words in order, punctuation aside),
  /// in the order they were added: the posting lists of the phrase's words are intersected,
  /// and the units they share are checked for the phrase.
  public func concordance(_ phrase: String, language: LanguageTag, limit: Int = 50) throws -> [TranslationUnit] {
    let words = Self.wordTokens(phrase)
    let keys = SegmentKeys(phrase).words
    guard !words.isEmpty else { return [] }
    return try writer.read { db in
      var units: [TranslationUnit] = []
      for side in [Side.source, .target] where units.count < limit {
        let lists = try WordIndex.postings(
          of: keys.map { (side.rawValue, WordIndex.key($0, language: language.language)) }, db: db)
        guard !lists.contains(where: \.isEmpty) else { continue }  // a word no unit has
        var candidates = WordIndex.intersection(lists)[...]
        while !candidates.isEmpty && units.count < limit {
          let batch = candidates.prefix(256)
          candidates = candidates.dropFirst(256)
          let rows = try Self.units(
            """
            SELECT \(Self.unitColumns) FROM unit WHERE id IN (\(batch.map(String.init).joined(separator: ",")))
            AND \(side.language) = ? ORDER BY id
            """, .text(language.language), db: db)
          let found = rows.filter { _, unit in
            Self.contains(Self.wordTokens(side == .source ? unit.source : unit.target), words)
          }.prefix(limit - units.count)
          let properties = try Self.properties(of: found.map(\.id), db: db)
          units += found.map { id, unit in
            var unit = unit
            unit.properties = properties[id] ?? []
            return side == .source ? unit : unit.swapped
          }
        }
      }
      return units
    }
  }

  /// Calls `body` with every unit, in the order they were added, reading in batches so
  /// that the memory is never all in RAM.
  public func forEachUnit(_ body: (TranslationUnit) throws -> Void) throws {
    var last: Int64 = 0
    while true {
      let batch: [TranslationUnit] = try writer.read { db in
        let rows = try Self.units(
          "SELECT \(Self.unitColumns) FROM unit WHERE id > ? ORDER BY id LIMIT 5000", .integer(last), db: db)
        guard let first = rows.first?.id, let end = rows.last?.id else { return [] }
        let properties = try Self.properties(between: first, and: end, db: db)
        last = end
        return rows.map { id, unit in
          var unit = unit
          unit.properties = properties[id] ?? []
          return unit
        }
      }
      guard !batch.isEmpty else { return }
      for unit in batch { try body(unit) }
    }
  }

  public func memoryStatistics() throws -> MemoryStatistics {
    try writer.read { db in
      let units = try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") ?? 0
      var pairs: [String: Int] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT sourceLang, targetLang, count(*) AS n FROM unit GROUP BY 1, 2") {
        pairs["\(row["sourceLang"] as String)→\(row["targetLang"] as String)"] = row["n"]
      }
      let documents = try Int.fetchOne(db, sql: "SELECT count(DISTINCT document) FROM unit") ?? 0
      return MemoryStatistics(units: units, languagePairs: pairs, documents: documents)
    }
  }

  /// How many of the query's rarest tokens are read through for candidates.
  static let rarestWordCount = 12
  /// Tokens held by more units than this, or than one unit in 32 if that is more (where the
  /// index keeps bitmaps), are too common to find candidates by (`the`, `yang`, `.`): they
  /// only tighten the candidates' bounds.
  static let commonWordUnits = 1000
  /// How many units a side, those with the highest bounds, a search scores at most.
  static let candidateCount = 400
  /// How many units a side, those with the highest bounds from the rarest words, have their
  /// bounds tightened by the common words (see `MatchBounds`).
  static let refinedCount = 12_288

  private enum Side: Int {
    case source = 0
    case target = 1

    var column: String { self == .source ? "sourceText" : "targetText" }
    /// The position of ``column`` among `unitColumns`.
    var textColumn: Int { self == .source ? 3 : 4 }
    var language: String { self == .source ? "sourceLang" : "targetLang" }
  }

  /// The stored value of `textHash` for a unit: FNV-1a over its languages and texts.
  static func textHash(_ sourceLanguage: String, _ targetLanguage: String, _ source: String, _ target: String) -> Int64
  {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    func add(_ field: String) {
      var field = field
      field.withUTF8 { bytes in
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
      }
      hash = (hash ^ 0xFF) &* 0x0000_0100_0000_01B3
    }
    add(sourceLanguage)
    add(targetLanguage)
    add(source)
    add(target)
    return Int64(bitPattern: hash)
  }

  /// `hash`, or the next value after it that no unit copied by migration v4 holds yet.
  private static func uniqueHash(_ hash: Int64, db: Database) throws -> Int64 {
    var hash = hash
    while try Bool.fetchOne(db, sql: "SELECT 1 FROM unitNew WHERE textHash = ?", arguments: [hash]) == true {
      hash &+= 1
    }
    return hash
  }

  /// The word tokens of a segment as ``FuzzyMatch`` folds them, punctuation left out.
  private static func wordTokens(_ text: String) -> [String] {
    FuzzyMatch.tokens(text).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
  }

  /// Whether `phrase` occurs in `tokens` as a contiguous run.
  private static func contains(_ tokens: [String], _ phrase: [String]) -> Bool {
    guard tokens.count >= phrase.count else { return false }
    return (0...(tokens.count - phrase.count)).contains { start in
      tokens[start..<(start + phrase.count)].elementsEqual(phrase)
    }
  }

  private static func properties(of ids: [Int64], db: Database) throws -> [Int64: [TranslationUnit.Property]] {
    guard !ids.isEmpty else { return [:] }
    return try group(
      Row.fetchAll(
        db,
        sql: """
          SELECT unitId, type, value FROM unitProperty
          WHERE unitId IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY rowid
          """))
  }

  private static func properties(between first: Int64, and last: Int64, db: Database) throws
    -> [Int64: [TranslationUnit.Property]]
  {
    try group(
      Row.fetchAll(
        db, sql: "SELECT unitId, type, value FROM unitProperty WHERE unitId BETWEEN ? AND ? ORDER BY rowid",
        arguments: [first, last]))
  }

  private static func group(_ rows: [Row]) -> [Int64: [TranslationUnit.Property]] {
    var result: [Int64: [TranslationUnit.Property]] = [:]
    for row in rows {
      result[row["unitId"], default: []].append(TranslationUnit.Property(type: row["type"], value: row["value"]))
    }
    return result
  }

  /// The columns ``units(_:_:db:)`` reads, by position.
  private static let unitColumns =
    "id, sourceLang, targetLang, sourceText, targetText, document, score, creationTool, created, changed, user"

  /// The units a query of ``unitColumns`` returns, with their ids, properties left empty.
  /// Read through SQLite's C API: GRDB's rows decode each value through a generic
  /// conversion that cost a fifth of an export.
  private static func units(_ sql: String, _ values: RawStatement.Value..., db: Database) throws
    -> [(id: Int64, unit: TranslationUnit)]
  {
    var units: [(id: Int64, unit: TranslationUnit)] = []
    let statement = RawStatement(statement: try db.makeStatement(sql: sql), database: db)
    try statement.forEachRow(values) { row in
      let unit = TranslationUnit(
        sourceLanguage: LanguageTag(row.text(1) ?? ""), targetLanguage: LanguageTag(row.text(2) ?? ""),
        source: row.text(3) ?? "", target: row.text(4) ?? "", document: row.text(5), score: row.real(6),
        creationTool: row.text(7), creationDate: row.text(8).flatMap(memoryDate),
        changeDate: row.text(9).flatMap(memoryDate), user: row.text(10))
      units.append((row.integer(0), unit))
    }
    return units
  }

  /// Dates in the memory: ISO 8601's basic form (`20241119T031500Z`, as TMX writes them),
  /// made by arithmetic because an import writes one per unit.
  static func memoryTimestamp(_ date: Date) -> String {
    TMXWriter.date(date)
  }

  /// Reads a memory date in the basic form, or in the extended form of older memories.
  static func memoryDate(_ text: String) -> Date? {
    TMXWriter.parseDate(text) ?? date(text)
  }
}

/// A unit with what storing it needs worked out: the hash of its texts, the index keys of
/// both sides and its dates as stored. Made wherever the unit is made, so that a concurrent
/// import does that work on the producing thread.
struct PreparedUnit: Sendable {
  var unit: TranslationUnit
  var hash: Int64
  var sourceTokens: Int
  var targetTokens: Int
  /// The unit's slots in the word index, for its keys (``WordIndex/keys(source:in:target:in:)``).
  var indexSlots: UnitSlots
  var created: String?
  var changed: String?

  /// Prepares `unit`; `slots` numbers the index keys of the units of one import, in the
  /// order they are stored.
  init(_ unit: TranslationUnit, slots: inout IndexSlots) {
    self.unit = unit
    hash = SelarasDatabase.textHash(
      unit.sourceLanguage.language, unit.targetLanguage.language, unit.source, unit.target)
    let source = SegmentKeys(unit.source)
    let target = SegmentKeys(unit.target)
    sourceTokens = source.tokenCount
    targetTokens = target.tokenCount
    let keys = WordIndex.keys(
      source: source, in: unit.sourceLanguage.language, target: target, in: unit.targetLanguage.language)
    indexSlots = slots.assign(keys: keys.keys, sourceCount: keys.sourceCount)
    created = unit.creationDate.map(SelarasDatabase.memoryTimestamp)
    changed = unit.changeDate.map(SelarasDatabase.memoryTimestamp)
  }
}

/// A bounded queue of batches between two threads of a concurrent import.
private final class BatchQueue<Element: Sendable>: @unchecked Sendable {
  static var batchSize: Int { 512 }
  /// Batches held at most: a few thousand units.
  private static var capacity: Int { 8 }
  private let condition = NSCondition()
  // All guarded by `condition`.
  private var batches: [[Element]] = []
  private var finished = false
  private var failure: (any Error)?
  private var cancelled = false

  /// Hands a batch over, waiting while the queue is full; throws once the taker has given
  /// up.
  func put(_ batch: [Element]) throws {
    condition.lock()
    defer { condition.unlock() }
    while batches.count >= Self.capacity && !cancelled { condition.wait() }
    if cancelled { throw CancellationError() }
    if !batch.isEmpty { batches.append(batch) }
    condition.broadcast()
  }

  /// The producer's last word: nil when it read everything, else its error.
  func finish(_ error: (any Error)?) {
    condition.lock()
    finished = true
    failure = error
    condition.broadcast()
    condition.unlock()
  }

  /// The next batch, nil once the producer has finished and all is taken; the producer's
  /// error, if it failed.
  func take() throws -> [Element]? {
    condition.lock()
    defer { condition.unlock() }
    while batches.isEmpty && !finished { condition.wait() }
    if let failure { throw failure }
    if batches.isEmpty { return nil }
    condition.broadcast()
    return batches.removeFirst()
  }

  /// Stops the producer (its next `put` throws) and waits until its thread is done.
  func cancelAndWait() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    while !finished { condition.wait() }
    condition.unlock()
  }
}

/// A value handed from one thread to another: the producer's result, or spent batches.
private final class Handoff<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value?

  func set(_ value: Value) { lock.withLock { self.value = value } }
  func get() -> Value? { lock.withLock { value } }
  /// The value, leaving none.
  func take() -> Value? { lock.withLock { value.take() } }
}

extension Handoff {
  func append<Element>(_ element: Element) where Value == [Element] {
    lock.withLock {
      if value == nil { value = [] }
      value!.append(element)
    }
  }
}

extension TranslationUnit {
  /// The unit read the other way round.
  var swapped: TranslationUnit {
    var unit = self
    (unit.sourceLanguage, unit.targetLanguage) = (targetLanguage, sourceLanguage)
    (unit.source, unit.target) = (target, source)
    return unit
  }
}
