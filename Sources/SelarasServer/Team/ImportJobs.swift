import Foundation
import Selaras

/// Imports of TMX or XLIFF files posted to the team server, each a job that runs after the
/// upload is on disk: atomic like `tm import` (a malformed or hostile file stores nothing).
public actor ImportJobs {
  /// Where a job has got, as `GET /v1/imports/{id}` answers.
  public struct Status: Encodable, Sendable {
    public enum State: String, Encodable, Sendable { case running, done, failed }
    public var state: State
    /// Units added (when done).
    public var units: Int
    public var duplicates: Int
    /// Units the reader skipped (one language, empty segment, other languages).
    public var skipped: Int
    public var error: Nullable<String>
  }

  // Random ids: another server's job, or a guessed number, is never answered with this one's.
  private var jobs: [UUID: Status] = [:]

  public init() {}

  public func status(_ id: UUID) -> Status? { jobs[id] }

  /// Starts importing `file` (removed afterwards) into `memory`, units without a user taking
  /// `author`; the job's identifier.
  func start(file: URL, memory: any TranslationMemory, author: String) -> UUID {
    let id = UUID()
    jobs[id] = Status(state: .running, units: 0, duplicates: 0, skipped: 0, error: Nullable(nil))
    DispatchQueue.global().async {
      let outcome = Self.run(file: file, memory: memory, author: author)
      try? FileManager.default.removeItem(at: file)
      Task { await self.finish(id, outcome) }
    }
    return id
  }

  private func finish(_ id: UUID, _ outcome: Status) {
    jobs[id] = outcome
  }

  private static func run(file: URL, memory: any TranslationMemory, author: String) -> Status {
    guard let format = MemoryFormat.detect(file) else {
      return Status(
        state: .failed, units: 0, duplicates: 0, skipped: 0,
        error: Nullable("not a TMX or XLIFF file (no <tmx> or <xliff> root element)"))
    }
    let reader = format.reader(languages: ["en", "id"])
    do {
      let (summary, skipped) = try memory.importUnits(concurrently: { add in
        try reader.read(file) { unit in
          var unit = unit
          if unit.user == nil { unit.user = author }
          try add(unit)
        }
      })
      return Status(
        state: .done, units: summary.added, duplicates: summary.duplicates, skipped: skipped.count, error: Nullable(nil))
    } catch {
      // The reader names the file it read: the client knows it as its upload.
      let message = "\(error)".replacingOccurrences(of: file.path, with: "the upload")
      return Status(state: .failed, units: 0, duplicates: 0, skipped: 0, error: Nullable(message))
    }
  }
}
