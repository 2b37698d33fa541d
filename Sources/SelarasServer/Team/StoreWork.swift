import Foundation
import Selaras
import Synchronization

/// The stores' work as the routes run it: each request's work a task of its own, awaited
/// with a deadline. A failure of the store (a locked or unreachable database) is 503, and so
/// is no answer within `timeout`: the client may retry, and the server goes on serving. The
/// client is told what it can act on; what failed (hosts, paths, the driver's words) goes to
/// `report`, for the operator. Work whose time runs out is cancelled and a search stops at
/// its deadline, and work beyond `capacity` requests at once is refused at once: the store
/// is not held by requests nobody waits for.
struct StoreWork: Sendable {
  let timeout: Duration
  let report: @Sendable (String) -> Void
  /// How many requests' work may be under way at once before more are refused.
  let capacity: Int
  private let unfinished = Counter()

  init(timeout: Duration, capacity: Int, report: @escaping @Sendable (String) -> Void) {
    self.timeout = timeout
    self.capacity = capacity
    self.report = report
  }

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
    let (report, unfinished) = (report, unfinished)
    let task = Task {
      defer { unfinished.value.subtract(1, ordering: .relaxed) }
      do {
        return try await work(deadline)
      } catch let error as APIError {
        throw error
      } catch is MemorySearchTimeout {
        throw late
      } catch is CancellationError {
        throw late
      } catch {
        report("the store failed: \(error)")
        throw APIError(.serviceUnavailable, "the store is unavailable; try again shortly")
      }
    }
    // The answer is the work's or the timer's, whichever comes first; the timer is on a queue
    // of its own, so that it is on time however busy the tasks' threads are.
    let answered = SharedFlag()
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        Task {
          let result = await task.result
          if answered.raise() { continuation.resume(with: result) }
        }
        Self.timers.asyncAfter(deadline: .now() + .nanoseconds(Int(timeout.wholeNanoseconds))) {
          if answered.raise() {
            task.cancel()
            continuation.resume(throwing: late)
          }
        }
      }
    } onCancel: {
      task.cancel()
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
