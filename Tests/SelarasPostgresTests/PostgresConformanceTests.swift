import Foundation
import Selaras
import SelarasPostgres
import SelarasPostgresTestSupport
import SelarasTestSupport
import Testing

/// The translation memory's and the glossary store's conformance suites, on PostgreSQL:
/// each check on a database of its own.
@Suite(
  "Conformance: PostgreSQL", .enabled(if: PostgresTestServer.isAvailable, "SELARAS_TEST_POSTGRES names no server"))
struct PostgresConformanceTests {
  @Test("Translation memory", arguments: MemoryConformance.Check.allCases)
  func memory(_ check: MemoryConformance.Check) async throws {
    try await MemoryConformance { try await PostgresTestServer.memory() }.run(check)
  }

  @Test("Glossary store", arguments: GlossaryStoreConformance.Check.allCases)
  func glossary(_ check: GlossaryStoreConformance.Check) async throws {
    try await GlossaryStoreConformance { try await PostgresTestServer.memory() }.run(check)
  }

  @Test("Learned lexicon store", arguments: LearnedLexiconStoreConformance.Check.allCases)
  func learnedLexicon(_ check: LearnedLexiconStoreConformance.Check) async throws {
    try await LearnedLexiconStoreConformance { try await PostgresTestServer.memory() }.run(check)
  }
}
