import Foundation
import GRDB
import Selaras

extension SelarasDatabase {
  /// Adds units in one transaction; a unit already stored (same languages and texts) is
  /// counted as a duplicate and left as it is. If anything fails, nothing is stored.
  @discardableResult
  public func addUnits(_ units: some Sequence<TranslationUnit>, date: Date) async throws -> MemoryImportSummary {
    let units = Array(units)
    return try await storeUnits(date: date) { store in
      var slots = IndexSlots()
      for unit in units { try store(PreparedUnit(unit, slots: &slots)) }
    }.summary
  }

  /// Stores the units `produce` hands to `add` in one transaction, as they come, so that a
  /// large file streams into the memory: `produce` (a TMX reader, say) on a thread of its
  /// own and each unit prepared on a second (``ConcurrentImport``) while GRDB's writer
  /// stores them. When any of them fails, the others stop and nothing is stored; `produce`'s
  /// result comes back with the summary. The word index is filled from memory in batches of
  /// a few million postings.
  public func importUnits<Output: Sendable>(
    date: Date,
    concurrently produce: @escaping @Sendable (_ add: (TranslationUnit) throws -> Void) throws -> Output
  ) async throws -> (summary: MemoryImportSummary, output: Output) {
    try await storeUnits(date: date) { store in
      try withoutActuallyEscaping(store) { store in
        try ConcurrentImport.run(produce: produce) { forEachPrepared in try forEachPrepared(store) }.output
      }
    }
  }

  /// The transaction of an import, on GRDB's writer: `produce` hands prepared units to
  /// `store`; its result comes back with the summary.
  private func storeUnits<Output: Sendable>(
    date: Date, _ produce: @escaping @Sendable (_ store: (PreparedUnit) throws -> Void) throws -> Output
  ) async throws -> (summary: MemoryImportSummary, output: Output) {
    let (summary, output) = try await writer.write { db in
      var output: Output?
      let summary = try Self.storeTransaction(date: date, db: db) { store in output = try produce(store) }
      return (summary, output!)
    }
    // Move the import's pages from the write-ahead log into the database file, so that
    // searches do not look every page up in the log (a million-unit import leaves ~450 MB
    // there). Best effort: a reader holding an old snapshot only delays it.
    if summary.added > 1000 {
      _ = try? await writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }
    return (summary, output)
  }

  private static func storeTransaction(
    date: Date, db: Database, _ produce: (_ store: (PreparedUnit) throws -> Void) throws -> Void
  ) throws -> MemoryImportSummary {
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
