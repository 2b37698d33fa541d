import Dispatch
import Foundation

/// Runs PostgresNIO's async work for the memory's synchronous protocol: the calling thread
/// waits while the work runs as a task on an executor of its own, never on Swift's shared
/// pool, so that a caller blocking one of the pool's threads (a test, a server handler)
/// cannot starve the work it waits for.
final class PostgresBridge: TaskExecutor, @unchecked Sendable {
  private let queue = DispatchQueue(label: "selaras.postgres", attributes: .concurrent)

  static let shared = PostgresBridge()

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }

  /// The result of `work`, waited for on this thread.
  func wait<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
    let outcome = Outcome<Value>()
    let done = DispatchSemaphore(value: 0)
    Task(executorPreference: self) {
      do {
        outcome.result = .success(try await work())
      } catch {
        outcome.result = .failure(error)
      }
      done.signal()
    }
    done.wait()
    return try outcome.result!.get()
  }
}

/// A task's outcome, written by the task before it signals and read after the wait.
private final class Outcome<Value: Sendable>: @unchecked Sendable {
  var result: Result<Value, any Error>?
}
