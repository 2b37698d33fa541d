import Synchronization
import Testing

@testable import SelarasServer

@Suite("Team server: the store's work")
struct StoreWorkTests {
  /// Opened by the test; waited for without noticing cancellation, as a write waiting for
  /// another's transaction does.
  final class Gate: Sendable {
    private let state = Mutex<(opened: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
      await withCheckedContinuation { continuation in
        let opened = state.withLock { state in
          if !state.opened { state.waiting.append(continuation) }
          return state.opened
        }
        if opened { continuation.resume() }
      }
    }

    func open() {
      let waiting = state.withLock { state in
        state.opened = true
        defer { state.waiting = [] }
        return state.waiting
      }
      for continuation in waiting { continuation.resume() }
    }
  }

  @Test(
    "Work that cannot stop at its deadline gives its place back then: with one place, the next request runs while it waits on",
    .timeLimit(.minutes(1)))
  func placeGivenBackAtTheDeadline() async throws {
    let work = StoreWork(timeout: .seconds(2), workers: 1, report: { _ in })
    let gate = Gate()
    let stuck = Task {
      try await work.run {
        await gate.wait()
        return 0
      }
    }
    await #expect(throws: APIError.self) { try await stuck.value }
    // The stuck work still waits on the gate; the one place is free again.
    #expect(try await work.run { 42 } == 42)
    gate.open()
    _ = try? await stuck.value
  }
}
