import Dispatch
import NIOCore
import Synchronization

/// Runs PostgresNIO's async work for the memory's synchronous protocol on the event loop of
/// the connection it uses: the calling thread waits while the work runs as a task whose
/// every step is a job on that loop, so that a reply read by the loop resumes the work there
/// at once, with no hop through another thread, and never on Swift's shared pool, which
/// blocked callers (a test, a server's thread pool) may all hold.
final class PostgresBridge: TaskExecutor {
  let eventLoop: any EventLoop

  init(eventLoop: any EventLoop) {
    self.eventLoop = eventLoop
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }

  /// The result of `work`, waited for on this thread.
  func wait<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
    try start(work).wait()
  }

  /// Starts `work`; its result is waited for later, so that this thread goes on meanwhile.
  func start<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Pending<Value> {
    // Waiting on the loop that must run the work would never end.
    guard !eventLoop.inEventLoop else {
      throw PostgresStoreError("PostgreSQL: the memory was called from the event loop its connection runs on")
    }
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
