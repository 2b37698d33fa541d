import Foundation
import Selaras

/// The stores' work as the routes run it: off the server's threads, on the pool's. A
/// failure of the store (a locked or unreachable database) is 503, and so is no answer within
/// `timeout`: the client may retry, and the server goes on serving. The client is told what it
/// can act on; what failed (hosts, paths, the driver's words) goes to `report`, for the
/// operator. Work whose time ran out before a thread took it never starts, a search whose time
/// runs out stops, and work beyond what the threads can take is refused at once: the threads
/// are not held by requests nobody waits for.
struct StoreWork: Sendable {
  let pool: BlockingPool
  let timeout: Duration
  let report: @Sendable (String) -> Void

  /// How many jobs a thread of the pool may have waiting or running before requests are refused.
  static let queuedPerThread = 64

  private static let timers = DispatchQueue(label: "selaras.serve.timeouts")

  func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await run { _ in try work() }
  }

  /// Runs `work`, which is given the instant its answer is no longer waited for: a search
  /// passed it stops there (``MemorySearchTimeout``) and frees its thread.
  func run<Value: Sendable>(
    _ work: @escaping @Sendable (_ deadline: ContinuousClock.Instant) throws -> Value
  ) async throws -> Value {
    guard pool.unfinishedJobs < pool.width * Self.queuedPerThread else {
      throw APIError(.serviceUnavailable, "the server is busy; try again shortly")
    }
    let answered = SharedFlag()
    let deadline = ContinuousClock.now + timeout
    let late = APIError(.serviceUnavailable, "the store gave no answer within \(timeout)")
    return try await withCheckedThrowingContinuation { continuation in
      pool.run {
        guard !answered.isRaised else { return }
        let result = Result { try work(deadline) }.mapError { error -> any Error in
          if error is APIError { return error }
          if error is MemorySearchTimeout { return late }
          report("the store failed: \(error)")
          return APIError(.serviceUnavailable, "the store is unavailable; try again shortly")
        }
        if answered.raise() { continuation.resume(with: result) }
      }
      // On a queue of its own: the pool's threads may all be busy with the memory.
      Self.timers.asyncAfter(deadline: .now() + .nanoseconds(Int(timeout.wholeNanoseconds))) {
        if answered.raise() { continuation.resume(throwing: late) }
      }
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
