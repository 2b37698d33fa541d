import Foundation
import GRDB
import Selaras
import SelarasStore
import SelarasTestSupport
import Testing

/// The translation memory's conformance suite, on SQLite: in memory, and in a file database
/// (WAL mode, a pool of readers), as `selaras` opens it.
@Suite("Translation memory conformance: SQLite")
struct MemoryConformanceTests {
  @Test("In-memory database", arguments: MemoryConformance.Check.allCases)
  func inMemory(_ check: MemoryConformance.Check) async throws {
    try await MemoryConformance { try SelarasDatabase(writer: DatabaseQueue()) }.run(check)
  }

  @Test("File database", arguments: MemoryConformance.Check.allCases)
  func file(_ check: MemoryConformance.Check) async throws {
    let folder = TemporaryFile.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await MemoryConformance { try SelarasDatabase(url: folder.appendingPathComponent("memory-\(UUID()).sqlite")) }
      .run(check)
  }
}
