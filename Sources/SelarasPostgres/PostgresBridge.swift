import Dispatch
import Foundation

/// Runs PostgresNIO's async work for the memory's synchronous protocol: the calling thread
/// waits while the work runs as a task on an executor of its own, never on Swift's shared
/// pool, so that a caller blocking one of the pool's threads (a test, a server handler)
/// cannot starve the work it waits for.
final class PostgresBridge: TaskExecutor, @unchecked Sendable {
  /// A serial queue: it always gets a thread of its own (the shared concurrent queues have
  /// as many threads as processors, which blocked callers may all hold), and the work on it
  /// is short steps between waits for PostgreSQL.
  private let queue = DispatchQueue(label: "selaras.postgres")

  static let shared = PostgresBridge()

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }

  /// The result of `work`, waited for on this thread.
  func wait<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
    try start(work).wait()
  }

  /// Starts `work`; its result is waited for later, so that this thread goes on meanwhile.
  func start<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) -> Pending<Value> {
    let pending = Pending<Value>()
    Task(executorPreference: self) {
      do {
        pending.result = .success(try await work())
      } catch {
        pending.result = .failure(error)
      }
      pending.done.signal()
    }
    return pending
  }

  /// Work started, and its result once it is done: written by the task before it signals,
  /// read after the wait.
  final class Pending<Value: Sendable>: @unchecked Sendable {
    fileprivate let done = DispatchSemaphore(value: 0)
    fileprivate var result: Result<Value, any Error>?

    /// Waits until the work is done (once; later calls return at once) and gives its result.
    func wait() throws -> Value {
      if result == nil { done.wait() }
      return try result!.get()
    }
  }
}
