import Foundation
import GRDB
import Selaras

extension SelarasDatabase {
  /// Adds units in one transaction; a unit already stored (same languages and texts) is
  /// counted as a duplicate and left as it is. If anything fails, nothing is stored.
  @discardableResult
  public func addUnits(_ units: some Sequence<TranslationUnit>, date: Date) throws -> MemoryImportSummary {
    try importUnits(date: date) { add in
      for unit in units { try add(unit) }
    }
  }

  /// Runs `produce` inside one transaction, storing each unit it hands to `add` as it comes,
  /// so that a large file streams into the memory; if `produce` throws (a TMX file found
  /// malformed halfway), nothing is stored. The word index is filled from memory in batches
  /// of a few million postings.
  @discardableResult
  func importUnits(
    date: Date, _ produce: (_ add: (TranslationUnit) throws -> Void) throws -> Void
  ) throws -> MemoryImportSummary {
    try storeUnits(date: date) { store in
      try withoutActuallyEscaping(store) { store in
        var slots = IndexSlots()
        try produce { unit in try store(PreparedUnit(unit, slots: &slots)) }
      }
    }
  }

  /// Like ``importUnits(date:_:)``, with `produce` (a TMX reader, say) on a thread of its
  /// own and each unit prepared on a second (``ConcurrentImport``) while this thread writes.
  /// When any of them fails, the others stop and nothing is stored; `produce`'s result comes
  /// back with the summary.
  public func importUnits<Output: Sendable>(
    date: Date,
    concurrently produce: @escaping @Sendable (_ add: (TranslationUnit) throws -> Void) throws -> Output
  ) throws -> (summary: MemoryImportSummary, output: Output) {
    let (summary, output) = try ConcurrentImport.run(produce: produce) { forEachPrepared in
      try storeUnits(date: date) { store in
        try withoutActuallyEscaping(store) { store in try forEachPrepared(store) }
      }
    }
    return (summary, output)
  }

  /// The transaction of an import: `produce` hands prepared units to `store`.
  func storeUnits(
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
      let stamp = PreparedUnit.timestamp(date)
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
      var counts = MemoryCounts()
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
        counts.add(source: source, target: target, document: unit.document)
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
      try counts.flush(db)
      return summary
    }
  }
}
