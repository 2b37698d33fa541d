import Dispatch
import Foundation
import Synchronization

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
        pending.finish(.success(try await work()))
      } catch {
        pending.finish(.failure(error))
      }
    }
    return pending
  }

  /// Work started, and its result once it is done: the task stores it under the lock, then
  /// signals; a wait reads it under the lock after the signal.
  final class Pending<Value: Sendable>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let result = Mutex<Result<Value, any Error>?>(nil)

    fileprivate func finish(_ result: Result<Value, any Error>) {
      self.result.withLock { $0 = result }
      done.signal()
    }

    /// Waits until the work is done and gives its result; any later call returns at once.
    func wait() throws -> Value {
      done.wait()
      // Passed on, so that a second wait does not block.
      done.signal()
      return try result.withLock { $0! }.get()
    }
  }
}
