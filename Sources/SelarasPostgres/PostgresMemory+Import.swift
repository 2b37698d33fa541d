import Foundation
import PostgresNIO
import Selaras

extension PostgresMemory {
  /// Adds units in one transaction; a unit already stored (same languages and texts) is
  /// counted as a duplicate and left as it is. If anything fails, nothing is stored.
  @discardableResult
  public func addUnits(_ units: some Sequence<TranslationUnit>, date: Date) async throws -> MemoryImportSummary {
    try await write { session in
      var writer = try await PostgresImport(session: session, date: date)
      var slots = IndexSlots(flushThreshold: PostgresImport.postingsHeld)
      for unit in units { try await writer.add(PreparedUnit(unit, slots: &slots)) }
      return try await writer.finish()
    }
  }

  /// Imports what `produce` hands over in one transaction, `produce` reading on a thread of
  /// its own and each unit prepared on a second (``ConcurrentImport``), stored through COPY
  /// in batches; if any of them fails, nothing is stored.
  public func importUnits<Output: Sendable>(
    date: Date,
    concurrently produce: @escaping @Sendable (_ add: (TranslationUnit) throws -> Void) throws -> Output
  ) async throws -> (summary: MemoryImportSummary, output: Output) {
    let (summary, output) = try await ConcurrentImport.run(
      produce: produce, postingsHeld: PostgresImport.postingsHeld
    ) { forEachPrepared in
      try await write { session in
        var writer = try await PostgresImport(session: session, date: date)
        try await forEachPrepared { try await writer.add($0) }
        return try await writer.finish()
      }
    }
    return (summary, output)
  }
}

/// One import's writing, inside its transaction: units wait in batches of ``batchSize``; a
/// batch's possible duplicates (units whose hash is stored) are found by one query on their
/// hashes and compared whole; the new ones go to PostgreSQL through COPY with ids of the
/// import's own counting (the writers' lock is held), and the word index, lengths and counts
/// are written at the end (or when the index's batch is full).
struct PostgresImport {
  let session: PostgresSession
  let stamp: String
  private var summary = MemoryImportSummary()
  /// The last id given before the import, and since.
  private let firstId: Int64
  private var lastId: Int64
  /// The hashes of the units stored before the import, loaded once it has gone on for
  /// ``hashesLoadedAfter`` batches: a large import then asks PostgreSQL only about the hashes
  /// it holds, a small one never loads them. And the hashes this import stored.
  private var storedHashes: Set<Int64>?
  private var importedHashes = Set<Int64>()
  private var batches = 0
  static let hashesLoadedAfter = 8
  private var pending: [PreparedUnit] = []
  private var index = PostgresWordIndex()
  private var lengths = PostgresUnitLengths()
  private var pairCounts: [UnitTexts.Pair: Int64] = [:]
  private var documentCounts: [String: Int64] = [:]
  static let batchSize = 2048
  /// How many postings an import holds in memory before writing them (``IndexSlots``): more
  /// than the SQLite store's, as each write rewrites the bitmaps it touches whole, through
  /// PostgreSQL's log; a million-unit import writes them twice.
  static let postingsHeld = 3 * PostingBatch.flushThreshold

  init(session: PostgresSession, date: Date) async throws {
    self.session = session
    stamp = PreparedUnit.timestamp(date)
    lastId = try await PostgresMemoryState.read(session).lastId
    firstId = lastId
    // The tables an import fills look empty to the planner until it commits: without this,
    // finding duplicates and postings by key scanned them whole.
    try await session.execute("SET LOCAL enable_seqscan = off")
  }

  mutating func add(_ unit: PreparedUnit) async throws {
    pending.append(unit)
    if pending.count >= Self.batchSize { try await storePending() }
  }

  mutating func finish() async throws -> MemoryImportSummary {
    try await storePending()
    try await index.flush(session)
    try await lengths.flush(session)
    try await flushCounts()
    if summary.added > 0 {
      try await session.execute("UPDATE memory_state SET last_id = \(lastId), version = version + 1")
    }
    return summary
  }

  private mutating func storePending() async throws {
    guard !pending.isEmpty else { return }
    batches += 1
    if storedHashes == nil && batches > Self.hashesLoadedAfter { storedHashes = try await loadHashes() }
    var hashes = Set(pending.map(\.hash))
    if let storedHashes {
      hashes = hashes.filter { storedHashes.contains($0) || importedHashes.contains($0) }
    }
    var known = Set<UnitTexts>()
    for row in try await hashes.isEmpty
      ? []
      : session.rows(
        "SELECT source_lang, target_lang, source_text, target_text FROM unit WHERE text_hash = ANY(\(Array(hashes)))")
    {
      let (sourceLanguage, targetLanguage, source, target) = try row.decode((String, String, String, String).self)
      known.insert(
        UnitTexts(pair: .init(source: sourceLanguage, target: targetLanguage), source: source, target: target))
    }
    var units = CopyRows()
    var properties = CopyRows()
    for prepared in pending {
      let unit = prepared.unit
      let texts = UnitTexts(
        pair: .init(source: unit.sourceLanguage.language, target: unit.targetLanguage.language), source: unit.source,
        target: unit.target)
      guard known.insert(texts).inserted else {
        summary.duplicates += 1
        try await index.add(nil, prepared.indexSlots, session: session)
        continue
      }
      lastId += 1
      let id = lastId
      importedHashes.insert(prepared.hash)
      units.integer(id)
      units.text(texts.pair.source)
      units.text(texts.pair.target)
      units.text(unit.source)
      units.text(unit.target)
      units.integer(Int64(prepared.sourceTokens))
      units.integer(Int64(prepared.targetTokens))
      units.text(unit.document)
      units.real(unit.score)
      units.text(unit.creationTool)
      units.text(prepared.created ?? stamp)
      units.text(prepared.changed)
      units.text(unit.user)
      units.integer(prepared.hash)
      units.endRow()
      for (position, property) in unit.properties.enumerated() {
        properties.integer(id)
        properties.integer(Int64(position))
        properties.text(property.type)
        properties.text(property.value)
        properties.endRow()
      }
      summary.added += 1
      pairCounts[texts.pair, default: 0] += 1
      if let document = unit.document { documentCounts[document, default: 0] += 1 }
      try await index.add(id, prepared.indexSlots, session: session)
      try await lengths.add(id, source: prepared.sourceTokens, target: prepared.targetTokens, session: session)
    }
    pending.removeAll(keepingCapacity: true)
    // Stored while the next batch is prepared; the session's next call waits for it.
    try await session.startCopy([
      .init(
        table: "unit",
        columns: [
          "id", "source_lang", "target_lang", "source_text", "target_text", "source_tokens", "target_tokens",
          "document", "score", "creation_tool", "created", "changed", "user", "text_hash",
        ], data: units.take()),
      .init(table: "unit_property", columns: ["unit_id", "position", "type", "value"], data: properties.take()),
    ])
  }

  /// The hashes of the units stored before the import, sent as one blob of big-endian values.
  private func loadHashes() async throws -> Set<Int64> {
    guard
      let row = try await session.rows(
        "SELECT string_agg(int8send(text_hash), ''::bytea) FROM unit WHERE id <= \(firstId)"
      ).first, let blob = try row.decode(ByteBuffer?.self)
    else { return [] }
    var hashes = Set<Int64>(minimumCapacity: blob.readableBytes / 8)
    var reader = blob
    while let hash = reader.readInteger(endianness: .big, as: Int64.self) { hashes.insert(hash) }
    return hashes
  }

  private mutating func flushCounts() async throws {
    if !pairCounts.isEmpty {
      let pairs = Array(pairCounts)
      try await session.execute(
        """
        INSERT INTO unit_pair_count (source_lang, target_lang, units)
        SELECT * FROM unnest(\(pairs.map(\.key.source))::text[], \(pairs.map(\.key.target))::text[], \(pairs.map(\.value))::bigint[])
        ON CONFLICT (source_lang, target_lang) DO UPDATE SET units = unit_pair_count.units + excluded.units
        """)
    }
    if !documentCounts.isEmpty {
      let documents = Array(documentCounts)
      try await session.execute(
        """
        INSERT INTO document_count (document, units)
        SELECT * FROM unnest(\(documents.map(\.key))::text[], \(documents.map(\.value))::bigint[])
        ON CONFLICT (document) DO UPDATE SET units = document_count.units + excluded.units
        """)
    }
    pairCounts = [:]
    documentCounts = [:]
  }
}

/// A unit's languages and texts: what makes it the same unit.
struct UnitTexts: Hashable {
  struct Pair: Hashable {
    var source: String
    var target: String
  }
  var pair: Pair
  var source: String
  var target: String
}
