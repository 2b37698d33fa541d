import Synchronization
import Testing

@testable import Selaras

@Suite("Slots")
struct SlotsTests {
  @Test(
    "Tasks past the places wait and go in the order they came; one cancelled while waiting leaves the line and never starts",
    .timeLimit(.minutes(1)))
  func waitInOrderAndLeaveWhenCancelled() async throws {
    let slots = Slots(count: 1)
    try await slots.take()
    let started = Started()
    // Three waiters, queued one after the other.
    var waiters: [Task<Void, any Error>] = []
    for number in 0..<3 {
      waiters.append(
        Task {
          try await slots.take()
          started.numbers.withLock { $0.append(number) }
          slots.give()
        })
      // Until this one is in the line: the next comes after it.
      while slots.waiting < number + 1 { try await Task.sleep(for: .milliseconds(1)) }
    }
    waiters[1].cancel()
    await #expect(throws: CancellationError.self) { try await waiters[1].value }
    #expect(slots.waiting == 2)
    #expect(started.numbers.withLock { $0 }.isEmpty)
    slots.give()
    try await waiters[0].value
    try await waiters[2].value
    #expect(started.numbers.withLock { $0 } == [0, 2])
    // Every place is back: two takes do not wait.
    let again = Slots(count: 2)
    try await again.take()
    try await again.take()
    again.give()
    again.give()
  }

  /// The waiters that got a place, in order.
  final class Started: Sendable {
    let numbers = Mutex<[Int]>([])
  }

  @Test("A task cancelled before it asks for a place gets none, and the place stays free")
  func cancelledBeforeAsking() async throws {
    let slots = Slots(count: 1)
    let task = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      try await slots.take()
    }
    await #expect(throws: CancellationError.self) { try await task.value }
    try await slots.take()
    slots.give()
  }
}
