import Foundation
import Selaras
import Synchronization

/// The stores' work as the routes run it: each request's work a task of its own on the
/// store's threads (``StoreExecutor``), `workers` at a time (``Slots``), awaited with a
/// deadline. A failure of the store (a locked or unreachable database) is 503, and so is no
/// answer within `timeout`: the client may retry, and the server goes on serving. The client
/// is told what it can act on; what failed (hosts, paths, the driver's words) goes to
/// `report`, for the operator. At the deadline the work's task is cancelled: work still
/// waiting for a place never starts, a search stops before its next batch, and PostgreSQL
/// sends no further statement; and the work's place is given back then, so that work which
/// cannot stop at once (a write waiting for another's transaction to end) does not keep
/// other requests waiting. Work beyond `capacity` requests at once is refused at once.
struct StoreWork: Sendable {
  let timeout: Duration
  let report: @Sendable (String) -> Void
  /// Where the work runs, and how many requests' work at once.
  let executor: StoreExecutor
  let slots: Slots
  /// How many requests' work may be under way at once before more are refused.
  let capacity: Int
  private let unfinished = Counter()

  /// Work on `workers` threads, up to ``queuedPerThread`` requests a thread at once.
  init(timeout: Duration, workers: Int, report: @escaping @Sendable (String) -> Void) {
    self.timeout = timeout
    executor = StoreExecutor(width: workers)
    slots = Slots(count: workers)
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
    // The work's task once made, and whether the request was cancelled before.
    let running = Mutex<(task: Task<Void, Never>?, cancelled: Bool)>((nil, false))
    let place = Place(slots)
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        let task = Task(executorPreference: executor) {
          defer { unfinished.value.subtract(1, ordering: .relaxed) }
          let result: Result<Value, any Error>
          do {
            try await place.take()
            defer { place.giveBack() }
            // Given a place just as its time ran out: it does not start.
            try Task.checkCancellation()
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
        let cancelled = running.withLock { running in
          running.task = task
          return running.cancelled
        }
        if cancelled { task.cancel() }
        Self.timers.asyncAfter(deadline: .now() + .nanoseconds(Int(timeout.wholeNanoseconds))) {
          if answered.raise() {
            task.cancel()
            place.giveBack()
            continuation.resume(throwing: late)
          }
        }
      }
    } onCancel: {
      running.withLock { running in
        running.cancelled = true
        return running.task
      }?.cancel()
    }
  }
}

/// One request's place among the `workers`: taken by its work, and given back once, by
/// whichever comes first, the work's end or its deadline.
private final class Place: Sendable {
  private enum State { case waiting, held, given }
  private let slots: Slots
  private let state = Mutex(State.waiting)

  init(_ slots: Slots) { self.slots = slots }

  /// Waits for a place; throws `CancellationError` when the deadline came first.
  func take() async throws {
    try await slots.take()
    let kept = state.withLock { state in
      guard state == .waiting else { return false }
      state = .held
      return true
    }
    if !kept {
      slots.give()
      throw CancellationError()
    }
  }

  func giveBack() {
    let held = state.withLock { state in
      defer { state = .given }
      return state == .held
    }
    if held { slots.give() }
  }
}

extension Duration {
  /// The duration in whole nanoseconds, as NIO's and Dispatch's timers take it.
  var wholeNanoseconds: Int64 {
    let (seconds, attoseconds) = components
    return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
  }
}
