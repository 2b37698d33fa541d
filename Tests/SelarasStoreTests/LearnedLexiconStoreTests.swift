import Foundation
import GRDB
import Selaras
import SelarasStore
import SelarasTestSupport
import Testing

/// The learned lexicon store's conformance suite, on SQLite.
@Suite("Learned lexicon store: SQLite")
struct LearnedLexiconStoreTests {
  @Test("In-memory database", arguments: LearnedLexiconStoreConformance.Check.allCases)
  func conforms(_ check: LearnedLexiconStoreConformance.Check) async throws {
    try await LearnedLexiconStoreConformance { try SelarasDatabase(writer: DatabaseQueue()) }.run(check)
  }
}
