import Foundation
import GRDB
import Selaras
import SelarasStore
import SelarasTestSupport
import Testing

/// The glossary store's conformance suite (moved to SelarasTestSupport, where every backend
/// runs it), on SQLite.
@Suite("Glossary store conformance: SQLite")
struct GlossaryStoreTests {
  @Test("In-memory database", arguments: GlossaryStoreConformance.Check.allCases)
  func conforms(_ check: GlossaryStoreConformance.Check) async throws {
    try await GlossaryStoreConformance { try SelarasDatabase(writer: DatabaseQueue()) }.run(check)
  }
}
