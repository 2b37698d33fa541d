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
  func start(
    file: URL, memory: any TranslationMemory, author: String, report: @escaping @Sendable (String) -> Void
  ) -> UUID {
    let id = UUID()
    jobs[id] = Status(state: .running, units: 0, duplicates: 0, skipped: 0, error: Nullable(nil))
    Task {
      let outcome = await Self.run(file: file, memory: memory, author: author, report: report)
      try? FileManager.default.removeItem(at: file)
      self.finish(id, outcome)
    }
    return id
  }

  private func finish(_ id: UUID, _ outcome: Status) {
    jobs[id] = outcome
  }

  private static func run(
    file: URL, memory: any TranslationMemory, author: String, report: (String) -> Void
  ) async -> Status {
    guard let format = MemoryFormat.detect(file) else {
      return Status(
        state: .failed, units: 0, duplicates: 0, skipped: 0,
        error: Nullable("not a TMX or XLIFF file (no <tmx> or <xliff> root element)"))
    }
    let reader = format.reader(languages: ["en", "id"])
    do {
      let (summary, skipped) = try await memory.importUnits(concurrently: { add in
        try reader.read(file) { unit in
          var unit = unit
          if unit.user == nil { unit.user = author }
          try add(unit)
        }
      })
      return Status(
        state: .done, units: summary.added, duplicates: summary.duplicates, skipped: skipped.count, error: Nullable(nil)
      )
    } catch {
      return Status(
        state: .failed, units: 0, duplicates: 0, skipped: 0, error: Nullable(message(error, file: file, report: report))
      )
    }
  }

  /// What the client is told of a failed import: what is wrong with its file, as the reader
  /// says it (naming the upload, not where the server keeps it); of a store that failed, only
  /// that it did, the rest going to `report` for the operator.
  private static func message(_ error: any Error, file: URL, report: (String) -> Void) -> String {
    switch error {
    case is TMXError, is XLIFFError, is TextDecodingError, is UnstorableTextError:
      return "\(error)".replacingOccurrences(of: file.path, with: "the upload")
    default:
      report("an import failed: \(error)")
      return "the store failed during the import, which stored nothing; try again shortly"
    }
  }
}
