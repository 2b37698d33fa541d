import Synchronization

/// A fixed number of places that tasks take and give back: the rest wait, without a thread,
/// in the order they came, for a place; one whose task is cancelled while waiting (its
/// deadline passed, its client gone) leaves the line and never gets one. The server's store
/// work runs so many requests at a time; a PostgreSQL memory holds so many connections open.
package final class Slots: Sendable {
  private struct State {
    var free: Int
    var waiting: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    var lastID: UInt64 = 0
  }

  private let state: Mutex<State>

  package init(count: Int) {
    state = Mutex(State(free: count))
  }

  /// How many tasks wait for a place.
  package var waiting: Int { state.withLock { $0.waiting.count } }

  /// Waits for a place and takes it; throws `CancellationError` when the task is cancelled
  /// first.
  package func take() async throws {
    let id = state.withLock { state in
      state.lastID += 1
      return state.lastID
    }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        let ready: Bool? = state.withLock { state in
          if Task.isCancelled { return nil }
          if state.free > 0 {
            state.free -= 1
            return true
          }
          state.waiting.append((id, continuation))
          return false
        }
        switch ready {
        case nil: continuation.resume(throwing: CancellationError())
        case true?: continuation.resume()
        case false?: break
        }
      }
    } onCancel: {
      let waiter = state.withLock { state in
        state.waiting.firstIndex { $0.id == id }.map { state.waiting.remove(at: $0).continuation }
      }
      waiter?.resume(throwing: CancellationError())
    }
  }

  /// Gives a place back: to the first task waiting, if any.
  package func give() {
    let next = state.withLock { state in
      if state.waiting.isEmpty {
        state.free += 1
        return nil as CheckedContinuation<Void, any Error>?
      }
      return state.waiting.removeFirst().continuation
    }
    next?.resume()
  }
}
