import Foundation
import Selaras
import Synchronization

/// The stores' work as the routes run it: each request's work a task of its own on the
/// store's threads (``StoreExecutor``), awaited with a deadline. A failure of the store (a locked or unreachable database) is 503, and so
/// is no answer within `timeout`: the client may retry, and the server goes on serving. The
/// client is told what it can act on; what failed (hosts, paths, the driver's words) goes to
/// `report`, for the operator. Work whose time runs out is cancelled and a search stops at
/// its deadline, and work beyond `capacity` requests at once is refused at once: the store
/// is not held by requests nobody waits for.
struct StoreWork: Sendable {
  let timeout: Duration
  let report: @Sendable (String) -> Void
  /// Where the work runs, and how many requests' work at once.
  let executor: StoreExecutor
  let slots: StoreSlots
  /// How many requests' work may be under way at once before more are refused.
  let capacity: Int
  private let unfinished = Counter()

  /// Work on `workers` threads, up to ``queuedPerThread`` requests a thread at once.
  init(timeout: Duration, workers: Int, report: @escaping @Sendable (String) -> Void) {
    self.timeout = timeout
    executor = StoreExecutor(width: workers)
    slots = StoreSlots(count: workers)
    capacity = workers * Self.queuedPerThread
    self.report = report
  }

  /// How many requests a thread may have under way before more are refused.
  static let queuedPerThread = 64

  private final class Counter: Sendable {
    let value = Atomic<Int>(0)
  }

  private static let timers = DispatchQueue(label: "selaras.serve.timeouts")

  func run<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) async throws -> Value {
    try await run { _ in try await work() }
  }

  /// Runs `work`, which is given the instant its answer is no longer waited for: a search
  /// passed it stops there (``MemorySearchTimeout``); the work is cancelled then too.
  func run<Value: Sendable>(
    _ work: @escaping @Sendable (_ deadline: ContinuousClock.Instant) async throws -> Value
  ) async throws -> Value {
    guard unfinished.value.add(1, ordering: .relaxed).newValue <= capacity else {
      unfinished.value.subtract(1, ordering: .relaxed)
      throw APIError(.serviceUnavailable, "the server is busy; try again shortly")
    }
    let deadline = ContinuousClock.now + timeout
    let late = APIError(.serviceUnavailable, "the store gave no answer within \(timeout)")
    let (report, unfinished, slots, executor) = (report, unfinished, slots, executor)
    // The answer is the work's or the timer's, whichever comes first; the timer is on a queue
    // of its own, so that it is on time however busy the threads are. The timer cancels the
    // work, and so does the request's task when it is cancelled.
    let answered = SharedFlag()
    let running = Mutex<Task<Void, Never>?>(nil)
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        let task = Task(executorPreference: executor) {
          defer { unfinished.value.subtract(1, ordering: .relaxed) }
          let result: Result<Value, any Error>
          do {
            try await slots.take()
            defer { slots.give() }
            result = .success(try await work(deadline))
          } catch let error as APIError {
            result = .failure(error)
          } catch is MemorySearchTimeout, is CancellationError {
            result = .failure(late)
          } catch {
            report("the store failed: \(error)")
            result = .failure(APIError(.serviceUnavailable, "the store is unavailable; try again shortly"))
          }
          if answered.raise() { continuation.resume(with: result) }
        }
        running.withLock { $0 = task }
        Self.timers.asyncAfter(deadline: .now() + .nanoseconds(Int(timeout.wholeNanoseconds))) {
          if answered.raise() {
            task.cancel()
            continuation.resume(throwing: late)
          }
        }
      }
    } onCancel: {
      running.withLock { $0 }?.cancel()
    }
  }
}

extension Duration {
  /// The duration in whole nanoseconds, as NIO's and Dispatch's timers take it.
  var wholeNanoseconds: Int64 {
    let (seconds, attoseconds) = components
    return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
  }
}
