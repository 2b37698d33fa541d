import Foundation
import Selaras
import Testing

/// The behaviour every ``TranslationMemory`` backend must show, as checks a backend's test
/// suite runs against fresh, empty memories of its kind (translate-toolkit's storage tests
/// inherit one base suite the same way):
///
/// ```swift
/// @Test(arguments: MemoryConformance.Check.allCases)
/// func conforms(_ check: MemoryConformance.Check) throws {
///   try MemoryConformance { try MyMemory() }.run(check)
/// }
/// ```
public struct MemoryConformance: Sendable {
  public enum Check: String, CaseIterable, Sendable, CustomStringConvertible {
    case searchScoresAreFuzzyMatch
    case searchTurnsPairsToTheQueryLanguage
    case reviewedUnitRanksFirstAmongEqualScores
    case searchStopsAtItsDeadline
    case duplicatesAndProvenance
    case failedImportStoresNothing
    case concurrentImportReturnsTheProducersResult
    case concordanceFindsPhrasesInOrder
    case deleteRemovesAUnit
    case deleteByIdsAndDocumentInOneStep
    case languagePairIsRecordedOnce
    case contentVersionChangesWithTheUnits
    case statisticsCountUnitsPairsAndDocuments
    case emptyMemory
    case commonWordPastTheFirstBlock
    case unstorableUnitsAreRefused

    public var description: String { rawValue }
  }

  /// Makes a new, empty memory.
  public let make: @Sendable () async throws -> any TranslationMemory

  public init(make: @escaping @Sendable () async throws -> any TranslationMemory) {
    self.make = make
  }

  public func run(_ check: Check) async throws {
    switch check {
    case .searchScoresAreFuzzyMatch: try await searchScoresAreFuzzyMatch()
    case .searchTurnsPairsToTheQueryLanguage: try await searchTurnsPairsToTheQueryLanguage()
    case .reviewedUnitRanksFirstAmongEqualScores: try await reviewedUnitRanksFirstAmongEqualScores()
    case .searchStopsAtItsDeadline: try await searchStopsAtItsDeadline()
    case .duplicatesAndProvenance: try await duplicatesAndProvenance()
    case .failedImportStoresNothing: try await failedImportStoresNothing()
    case .concurrentImportReturnsTheProducersResult: try await concurrentImportReturnsTheProducersResult()
    case .concordanceFindsPhrasesInOrder: try await concordanceFindsPhrasesInOrder()
    case .deleteRemovesAUnit: try await deleteRemovesAUnit()
    case .deleteByIdsAndDocumentInOneStep: try await deleteByIdsAndDocumentInOneStep()
    case .languagePairIsRecordedOnce: try await languagePairIsRecordedOnce()
    case .contentVersionChangesWithTheUnits: try await contentVersionChangesWithTheUnits()
    case .statisticsCountUnitsPairsAndDocuments: try await statisticsCountUnitsPairsAndDocuments()
    case .emptyMemory: try await emptyMemory()
    case .commonWordPastTheFirstBlock: try await commonWordPastTheFirstBlock()
    case .unstorableUnitsAreRefused: try await unstorableUnitsAreRefused()
    }
  }

  /// The Corpora sentence pairs as units, each article's lines its document.
  private static let corporaUnits: [TranslationUnit] = Corpora.linePairs.enumerated().map { index, pair in
    TranslationUnit(
      sourceLanguage: .english, targetLanguage: .indonesian, source: pair.english, target: pair.indonesian,
      document: "corpora-\(index / 40)")
  }

  /// `sentence` with its `step`-th words dropped: a fuzzy query that is not in the memory.
  private static func edited(_ sentence: String, step: Int) -> String {
    sentence.split(separator: " ").enumerated().filter { ($0.offset + 1) % step != 0 }.map { String($0.element) }
      .joined(separator: " ")
  }

  /// The matches are the best scores comparing the query with every unit gives, in both
  /// languages, and the earlier unit comes first among equal scores.
  private func searchScoresAreFuzzyMatch() async throws {
    let memory = try await make()
    let units = Self.corporaUnits
    #expect(units.count > 100)
    try await memory.addUnits(units)
    for index in stride(from: 0, to: units.count, by: 9) {
      for (query, language) in [
        (Self.edited(units[index].source, step: 4), LanguageTag.english),
        (Self.edited(units[index].target, step: 3), .indonesian),
      ] {
        let matches = try await memory.search(
          query, options: MemorySearchOptions(language: language, minimumScore: 40, limit: 5))
        let expected = units.enumerated().map { position, unit in
          (score: FuzzyMatch.score(query, language == .english ? unit.source : unit.target), position: position)
        }.filter { $0.score >= 40 }.sorted { ($1.score, $0.position) < ($0.score, $1.position) }.prefix(5)
        #expect(matches.map(\.score) == expected.map(\.score), "\(query)")
        for (match, best) in zip(matches, expected) where match.score == best.score {
          #expect(FuzzyMatch.score(query, match.unit.source) == match.score)
        }
        #expect(matches.first?.unit.source != nil || expected.isEmpty)
      }
    }
  }

  private func searchTurnsPairsToTheQueryLanguage() async throws {
    let memory = try await make()
    try await memory.addUnits([
      Self.unit("Lavrov arrived in Tehran on Monday.", "Lavrov tiba di Teheran pada Senin.")
    ])
    let matches = try await memory.searchUnits("Lavrov tiba di Teheran pada Selasa.", language: .indonesian)
    #expect(matches.map(\.score) == [99])  // the weekday differs: a placeable
    #expect(matches.first?.unit.source == "Lavrov tiba di Teheran pada Senin.")
    #expect(matches.first?.unit.sourceLanguage == .indonesian)
    #expect(matches.first?.unit.target == "Lavrov arrived in Tehran on Monday.")
    #expect(matches.first?.target == "Lavrov arrived in Tehran on Tuesday.")
    #expect(try await memory.searchUnits("Lavrov arrived in Tehran on Monday.", language: .english).first?.score == 100)
  }

  /// Among units of one score, one a person accepted or edited (`x-status`) comes before those
  /// nobody reviewed, even when the limit would have cut it, and among many more ties than the
  /// limit; a higher score still comes first.
  private func reviewedUnitRanksFirstAmongEqualScores() async throws {
    let memory = try await make()
    func unit(_ target: String, status: BeadStatus?, source: String = "The rupiah fell 1.2% on Tuesday.")
      -> TranslationUnit
    {
      var unit = Self.unit(source, target)
      if let status { unit.properties = [.init(type: TranslationUnit.reviewStatusProperty, value: status.rawValue)] }
      return unit
    }
    try await memory.addUnits([
      unit("Rupiah melemah 1,2% pada Selasa.", status: nil),
      unit("Rupiah turun 1,2% pada Selasa.", status: .pending),
      unit("Rupiah melemah 1,2 persen pada Selasa.", status: .accepted),
      unit("Nilai rupiah turun 1,2% hari Selasa.", status: .edited),
      unit("Rupiah melemah pada Selasa.", status: .accepted, source: "The rupiah fell on Tuesday."),
    ])
    let query = "The rupiah fell 1.2% on Tuesday."
    let one = try await memory.searchUnits(query, language: .english, minimumScore: 50, limit: 1)
    #expect(one.map(\.unit.target) == ["Rupiah melemah 1,2 persen pada Selasa."])
    let all = try await memory.searchUnits(query, language: .english, minimumScore: 50, limit: 10)
    #expect(
      all.map(\.unit.target) == [
        "Rupiah melemah 1,2 persen pada Selasa.", "Nilai rupiah turun 1,2% hari Selasa.",
        "Rupiah melemah 1,2% pada Selasa.", "Rupiah turun 1,2% pada Selasa.", "Rupiah melemah pada Selasa.",
      ])
    #expect(all.map(\.score).first == 100)
    #expect(all.last.map { $0.score < 100 } == true)
    #expect(all.map(\.unit.isReviewed) == [true, true, false, false, true])
    // Far more ties than the limit (a backend may ask for their statuses apart): the one
    // reviewed, added last, still comes first.
    let source = "Bank Indonesia kept its benchmark rate at 6% on Wednesday."
    // A unit's first status is the one that counts there too: one pending, then accepted, is
    // not reviewed.
    var twice = unit("BI menahan suku bunga acuan pada 6% (dua status).", status: .pending, source: source)
    twice.properties.append(.init(type: TranslationUnit.reviewStatusProperty, value: BeadStatus.accepted.rawValue))
    try await memory.addUnits(
      (1...40).map { unit("BI menahan suku bunga acuan pada 6% (versi \($0)).", status: nil, source: source) }
        + [unit("BI menahan suku bunga acuan di level 6% pada Rabu.", status: .accepted, source: source), twice])
    let tied = try await memory.searchUnits(source, language: .english, minimumScore: 90, limit: 2)
    #expect(
      tied.map(\.unit.target) == [
        "BI menahan suku bunga acuan di level 6% pada Rabu.", "BI menahan suku bunga acuan pada 6% (versi 1).",
      ])
    #expect(tied.count == 2 && tied.allSatisfy { $0.score == 100 })
  }

  /// A search past its deadline stops with ``MemorySearchTimeout`` before scoring what it
  /// found; the same search with time left answers, and so does a lookup.
  private func searchStopsAtItsDeadline() async throws {
    let memory = try await make()
    try await memory.addUnits(Self.corporaUnits)
    let query = Self.corporaUnits[Self.corporaUnits.count / 2].source
    let past = ContinuousClock.now - .seconds(1)
    await #expect(throws: MemorySearchTimeout.self) {
      try await memory.search(query, options: MemorySearchOptions(language: .english, minimumScore: 30, deadline: past))
    }
    await #expect(throws: MemorySearchTimeout.self) {
      try await memory.lookup(LookupSegment(text: query), source: .english, target: .indonesian, deadline: past)
    }
    let ahead = ContinuousClock.now + .seconds(60)
    let found = try await memory.search(
      query, options: MemorySearchOptions(language: .english, minimumScore: 30, deadline: ahead))
    #expect(!found.isEmpty)
    #expect(try await found == memory.search(query, options: MemorySearchOptions(language: .english, minimumScore: 30)))
  }

  /// A unit stored twice is one unit; what a unit carries comes back as it went in, in order.
  private func duplicatesAndProvenance() async throws {
    let memory = try await make()
    let created = Date(timeIntervalSince1970: 1_731_986_100)
    var first = Self.unit("The rupiah fell 1.2% on Tuesday.", "Rupiah melemah 1,2 persen pada Selasa.")
    first.creationDate = created
    first.changeDate = created.addingTimeInterval(3600)
    first.user = "dewi"
    first.properties = [.init(type: "x-origin", value: "Reuters"), .init(type: "note", value: "checked")]
    let second = Self.unit("Stocks rose.", "Saham naik.")
    #expect(try await memory.addUnits([first, second, first]) == MemoryImportSummary(added: 2, duplicates: 1))
    #expect(try await memory.addUnits([second]) == MemoryImportSummary(added: 0, duplicates: 1))
    var stored: [TranslationUnit] = []
    try await memory.forEachUnit { stored.append($0) }
    #expect(stored.count == 2)
    #expect(stored.first == first)
    #expect(stored.last?.source == "Stocks rose.")
    #expect(stored.last?.creationDate != nil)
  }

  private func failedImportStoresNothing() async throws {
    let memory = try await make()
    try await memory.addUnits([Self.unit("Stocks rose.", "Saham naik.")])
    struct Broken: Error {}
    await #expect(throws: Broken.self) {
      try await memory.importUnits(concurrently: { add in
        for number in 0..<2000 { try add(Self.unit("Sentence \(number) about the rupiah.", "Kalimat \(number).")) }
        throw Broken()
      })
    }
    #expect(try await memory.memoryStatistics().units == 1)
    #expect(try await memory.searchUnits("Sentence 7 about the rupiah.", language: .english).isEmpty)
  }

  private func concurrentImportReturnsTheProducersResult() async throws {
    let memory = try await make()
    let (summary, output) = try await memory.importUnits(concurrently: { add in
      for number in 0..<3000 { try add(Self.unit("Sentence \(number) about the rupiah.", "Kalimat \(number).")) }
      return "read 3000"
    })
    #expect(summary == MemoryImportSummary(added: 3000, duplicates: 0))
    #expect(output == "read 3000")
    #expect(try await memory.searchUnits("Sentence 1999 about the rupiah.", language: .english).first?.score == 100)
  }

  private func concordanceFindsPhrasesInOrder() async throws {
    let memory = try await make()
    try await memory.addUnits([
      Self.unit("Bank Indonesia kept its benchmark rate unchanged.", "BI mempertahankan suku bunga acuan."),
      Self.unit("The benchmark was rate-sensitive.", "Acuan itu peka suku bunga."),
      Self.unit("Stocks rose.", "Saham naik."),
    ])
    #expect(
      try await memory.concordance("suku bunga", language: .indonesian).map(\.source) == [
        "BI mempertahankan suku bunga acuan.", "Acuan itu peka suku bunga.",
      ])
    #expect(try await memory.concordance("suku bunga", language: .indonesian, limit: 1).count == 1)
    #expect(
      try await memory.concordance("benchmark rate", language: .english).map(\.target) == [
        "BI mempertahankan suku bunga acuan."
      ])
    #expect(try await memory.concordance("rate benchmark", language: .english).isEmpty)
    #expect(try await memory.concordance("dollar", language: .english).isEmpty)
  }

  private func deleteRemovesAUnit() async throws {
    let memory = try await make()
    let kept = Self.unit("Stocks rose.", "Saham naik.", document: "markets")
    let gone = Self.unit("The rupiah fell 1.2% on Tuesday.", "Rupiah melemah 1,2 persen pada Selasa.", document: "fx")
    try await memory.addUnits([kept, gone])
    let id = try #require(try await memory.searchUnits(gone.source, language: .english).first?.id)
    #expect(try await memory.deleteUnit(id: id))
    #expect(try await !memory.deleteUnit(id: id))
    #expect(try await memory.searchUnits(gone.source, language: .english).isEmpty)
    #expect(try await memory.concordance("rupiah", language: .english).isEmpty)
    var stored: [TranslationUnit] = []
    try await memory.forEachUnit { stored.append($0) }
    #expect(stored.map(\.source) == [kept.source])
    #expect(
      try await memory.memoryStatistics() == MemoryStatistics(units: 1, languagePairs: ["en→id": 1], documents: 1))
    // Gone means gone: adding it again adds it.
    #expect(try await memory.addUnits([gone]) == MemoryImportSummary(added: 1, duplicates: 0))
    #expect(try await memory.searchUnits(gone.source, language: .english).first?.score == 100)
  }

  /// Deleting several ids, or a document, removes exactly those units, returns them whole
  /// with their ids, and keeps the counts right; unknown ids and documents remove nothing.
  private func deleteByIdsAndDocumentInOneStep() async throws {
    let memory = try await make()
    var reviewed = Self.unit("Stocks rose.", "Saham naik.", document: "markets")
    reviewed.properties = [.init(type: TranslationUnit.reviewStatusProperty, value: "accepted")]
    try await memory.addUnits([
      reviewed, Self.unit("Bonds fell.", "Obligasi turun.", document: "markets"),
      Self.unit("The rupiah fell 1.2% on Tuesday.", "Rupiah melemah 1,2 persen pada Selasa.", document: "fx"),
      Self.unit("Gold was flat.", "Emas stagnan.", document: "commodities"),
    ])
    let found = try await memory.concordance("rupiah", language: .english)
    let rupiah = try #require(found.first)
    let gold = try #require(try await memory.searchUnits("Gold was flat.", language: .english).first?.id)
    let deleted = try await memory.deleteUnits(ids: [gold, rupiah.id, 999_999, rupiah.id])
    #expect(deleted.map(\.id) == [rupiah.id, gold].sorted())
    #expect(Set(deleted.map(\.source)) == ["The rupiah fell 1.2% on Tuesday.", "Gold was flat."])
    #expect(try await memory.deleteUnits(ids: [gold]).isEmpty)
    #expect(try await memory.deleteUnits(document: "nowhere").isEmpty)
    let markets = try await memory.deleteUnits(document: "markets")
    #expect(markets.map(\.source) == ["Stocks rose.", "Bonds fell."])
    #expect(markets.first?.unit.properties == reviewed.properties)
    #expect(try await memory.memoryStatistics() == MemoryStatistics(units: 0, languagePairs: [:], documents: 0))
    #expect(try await memory.searchUnits("Stocks rose.", language: .english).isEmpty)
  }

  /// A store's direction is recorded by the first to record one and kept after that.
  private func languagePairIsRecordedOnce() async throws {
    let store = try #require(try await make() as? any LanguagePairRecord, "a store records its direction")
    #expect(try await store.languagePair() == nil)
    #expect(
      try await store.recordLanguagePair(LanguagePair(source: .indonesian, target: .english)).source == .indonesian)
    #expect(
      try await store.recordLanguagePair(.englishToIndonesian) == LanguagePair(source: .indonesian, target: .english))
    #expect(try await store.languagePair() == LanguagePair(source: .indonesian, target: .english))
  }

  /// A backend that gives a content version (an export's ETag) gives a new one after each
  /// addition and removal, and the same one while nothing changes.
  private func contentVersionChangesWithTheUnits() async throws {
    let memory = try await make()
    guard let empty = try await memory.contentVersion() else { return }
    try await memory.addUnits([Self.unit("Stocks rose.", "Saham naik."), Self.unit("Bonds fell.", "Obligasi turun.")])
    let two = try #require(try await memory.contentVersion())
    #expect(two != empty)
    #expect(try await memory.contentVersion() == two)
    try await memory.addUnits([Self.unit("Stocks rose.", "Saham naik.")])
    #expect(try await memory.contentVersion() == two)
    let id = try #require(try await memory.searchUnits("Bonds fell.", language: .english).first?.id)
    try await memory.deleteUnit(id: id)
    let one = try #require(try await memory.contentVersion())
    #expect(one != two)
    // Removing one unit and adding another is a new version too.
    try await memory.addUnits([Self.unit("Gold rose.", "Emas naik.")])
    let three = try await memory.contentVersion()
    #expect(three != two && three != one)
  }

  private func statisticsCountUnitsPairsAndDocuments() async throws {
    let memory = try await make()
    try await memory.addUnits([
      Self.unit("Stocks rose.", "Saham naik.", document: "markets"),
      Self.unit("Bonds fell.", "Obligasi turun.", document: "markets"),
      Self.unit("No document.", "Tanpa dokumen.", document: nil),
      TranslationUnit(
        sourceLanguage: .indonesian, targetLanguage: .english, source: "Rupiah menguat.", target: "The rupiah rose.",
        document: "fx"),
    ])
    try await memory.addUnits([Self.unit("Stocks rose.", "Saham naik.", document: "markets")])
    #expect(
      try await memory.memoryStatistics()
        == MemoryStatistics(units: 4, languagePairs: ["en→id": 3, "id→en": 1], documents: 2))
  }

  private func emptyMemory() async throws {
    let memory = try await make()
    #expect(try await memory.memoryStatistics() == MemoryStatistics())
    #expect(try await memory.searchUnits("The rupiah fell.", language: .english).isEmpty)
    #expect(try await memory.concordance("rupiah", language: .english).isEmpty)
    #expect(try await memory.addUnits([]) == MemoryImportSummary())
    var count = 0
    try await memory.forEachUnit { _ in count += 1 }
    #expect(count == 0)
  }

  /// A word held often enough to be stored as a bitmap, by units that all come before a later
  /// block of ``MatchBounds/blockSize`` ids: its bitmap ends before the block does, and the
  /// search reads past it (it trapped there). The word's units are found, in both orders.
  private func commonWordPastTheFirstBlock() async throws {
    let memory = try await make()
    let early = 3_000
    let total = MatchBounds.blockSize + 500
    #expect(PostingList.isDense(count: early, largestId: total))
    try await memory.addUnits((1...early).lazy.map { Self.unit("alpha number \($0)", "alfa nomor \($0)") })
    try await memory.addUnits((1...(total - early)).lazy.map { Self.unit("beta item \($0)", "beta butir \($0)") })
    let alpha = try await memory.searchUnits("alpha", language: .english, minimumScore: 30, limit: 3)
    #expect(alpha.map(\.score) == [33, 33, 33])
    #expect(alpha.allSatisfy { $0.unit.source.hasPrefix("alpha number ") })
    #expect(
      try await memory.searchUnits("alfa nomor 2999", language: .indonesian).first?.unit.target == "alpha number 2999")
    #expect(try await memory.searchUnits("beta item 62000", language: .english).first?.score == 100)
  }

  /// A unit its own TMX export could not carry (a control character), or whose two sides
  /// are in one language, is refused by every way in, with nothing of its import stored.
  private func unstorableUnitsAreRefused() async throws {
    let memory = try await make()
    let good = Self.unit("Stocks rose.", "Saham naik.")
    let same = TranslationUnit(
      sourceLanguage: .english, targetLanguage: .english, source: "Stocks rose.", target: "Shares rose.")
    for bad in [Self.unit("Stocks\u{1}\u{2} fell.", "Saham turun."), Self.unit("Stocks fell.", "\u{7F}"), same] {
      await #expect(throws: UnstorableTextError.self) { try await memory.addUnits([good, bad]) }
      await #expect(throws: UnstorableTextError.self) {
        try await memory.importUnits(concurrently: { add in
          try add(good)
          try add(bad)
        })
      }
    }
    #expect(try await memory.memoryStatistics().units == 0)
  }

  private static func unit(_ english: String, _ indonesian: String, document: String? = "test") -> TranslationUnit {
    TranslationUnit(
      sourceLanguage: .english, targetLanguage: .indonesian, source: english, target: indonesian, document: document)
  }
}
