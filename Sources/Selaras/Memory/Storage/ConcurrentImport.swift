import Foundation
import Synchronization

/// An import in three parts: `produce` (a TMX reader, say) on a thread of its own, each
/// unit prepared (hashes, index keys: ``PreparedUnit``) on a second, while the caller stores
/// them (SQLite: on GRDB's writer thread, inside its transaction; PostgreSQL: a task awaiting
/// its COPYs): an import then takes about as long as the slowest of the three instead of all,
/// and on two processors, as long as their work shared between the two. Units cross in
/// batches through bounded queues, so memory stays flat. When any of them fails, the others
/// stop (the caller waits for the two threads to end: at most a batch or two of reading; an
/// async caller without holding a thread).
package enum ConcurrentImport {
  /// Runs `produce` and the preparing thread, and `store` on this one, which calls its
  /// argument with a body that takes each prepared unit in order; `produce`'s result comes
  /// back with `store`'s. `postingsHeld` is the ``IndexSlots`` flush threshold.
  package static func run<Output: Sendable, Stored>(
    produce: @escaping @Sendable (_ add: (TranslationUnit) throws -> Void) throws -> Output,
    postingsHeld: Int = PostingBatch.flushThreshold,
    store: (_ forEachPrepared: (_ body: (PreparedUnit) throws -> Void) throws -> Void) throws -> Stored
  ) throws -> (stored: Stored, output: Output) {
    let pipeline = Pipeline(produce: produce, postingsHeld: postingsHeld)
    defer { pipeline.stop() }
    let stored = try store { body in
      while let batch = try pipeline.prepared.take() {
        for unit in batch { try body(unit) }
        pipeline.spent.append(batch)
      }
    }
    return (stored, try pipeline.output())
  }

  /// ``run(produce:postingsHeld:store:)`` for a store that awaits its writes (a server's
  /// database): the task waits for prepared batches without holding a thread.
  package static func run<Output: Sendable, Stored>(
    produce: @escaping @Sendable (_ add: (TranslationUnit) throws -> Void) throws -> Output,
    postingsHeld: Int = PostingBatch.flushThreshold,
    store: (_ forEachPrepared: (_ body: (PreparedUnit) async throws -> Void) async throws -> Void) async throws
      -> Stored
  ) async throws -> (stored: Stored, output: Output) {
    let pipeline = Pipeline(produce: produce, postingsHeld: postingsHeld)
    let stored: Result<Stored, any Error>
    do {
      stored = .success(
        try await store { body in
          while let batch = try await pipeline.prepared.next() {
            for unit in batch { try await body(unit) }
            pipeline.spent.append(batch)
          }
        })
    } catch {
      stored = .failure(error)
    }
    await pipeline.stopped()
    return (try stored.get(), try pipeline.output())
  }

  /// The reading and preparing threads of an import, started at once, and the queue of
  /// prepared batches the caller stores.
  private final class Pipeline<Output: Sendable>: Sendable {
    let read = BatchQueue<TranslationUnit>()
    let prepared = BatchQueue<PreparedUnit>()
    // Batches the writer is done with go back to the preparing thread to be freed there:
    // freeing a million units' strings and arrays was a fifth of the writer's time, and the
    // writer sets the pace.
    let spent = Handoff<[[PreparedUnit]]>()
    private let result = Handoff<Output>()

    init(
      produce: @escaping @Sendable (_ add: (TranslationUnit) throws -> Void) throws -> Output, postingsHeld: Int
    ) {
      let (read, prepared, spent, result) = (read, prepared, spent, result)
      let producer = Thread {
        do {
          var batch: [TranslationUnit] = []
          let output = try produce { unit in
            batch.append(unit)
            if batch.count == BatchQueue<TranslationUnit>.batchSize {
              try read.put(batch)
              batch.removeAll(keepingCapacity: true)
            }
          }
          try read.put(batch)
          result.set(output)
          read.finish(nil)
        } catch {
          read.finish(error)
        }
      }
      let preparer = Thread {
        do {
          var slots = IndexSlots(flushThreshold: postingsHeld)
          while let batch = try read.take() {
            try prepared.put(batch.map { try PreparedUnit($0, slots: &slots) })
            _ = spent.take()
          }
          prepared.finish(nil)
        } catch {
          // The reader's error, or the writer's cancellation: either way the reader stops.
          read.cancelAndWait()
          prepared.finish(error)
        }
      }
      producer.start()
      preparer.start()
    }

    /// Stops both threads (when the store failed) and waits until they are done.
    func stop() {
      prepared.cancelAndWait()
      read.cancelAndWait()
    }

    /// ``stop()`` for a task: it waits for the threads without holding one.
    func stopped() async {
      await prepared.cancelAndWait()
      await read.cancelAndWait()
    }

    /// `produce`'s result, once the caller has taken every prepared batch (the producer set
    /// it before it finished, and the preparer finished after that).
    func output() throws -> Output {
      guard let output = result.get() else { throw CancellationError() }
      return output
    }
  }
}

/// A bounded queue of batches between two threads of a concurrent import: its state under
/// a lock, and a thread waits on semaphores that count the free places (`put`), the batches
/// and the producer's last word (`take`), and the producer's end (`cancelAndWait`). A waiter
/// woken by an end it does not consume passes the signal on, so that every later wait
/// returns too. One consumer takes, either on a thread (`take`) or in a task (`next`), which
/// the producer resumes.
private final class BatchQueue<Element: Sendable>: Sendable {
  static var batchSize: Int { 512 }
  /// Batches held at most: a few thousand units.
  private static var capacity: Int { 8 }
  private let state = Mutex(State())
  /// Made empty and given its places one by one: libdispatch stops a process that frees a
  /// semaphore whose count is below the one it was made with.
  private let places = DispatchSemaphore(value: 0)
  /// Signalled once per batch put, and once more when the producer finishes.
  private let arrivals = DispatchSemaphore(value: 0)
  private let ended = DispatchSemaphore(value: 0)

  private struct State {
    var batches: [[Element]] = []
    var finished = false
    var failure: (any Error)?
    var cancelled = false
    /// The task waiting in ``next()`` for a batch or the end.
    var waiter: CheckedContinuation<Void, Never>?
    /// The tasks waiting in ``cancelAndWait()`` for the producer's end.
    var endWaiters: [CheckedContinuation<Void, Never>] = []
  }

  init() {
    for _ in 0..<Self.capacity { places.signal() }
  }

  /// Hands a batch over, waiting while the queue is full; throws once the taker has given
  /// up.
  func put(_ batch: [Element]) throws {
    guard !batch.isEmpty else {
      if state.withLock(\.cancelled) { throw CancellationError() }
      return
    }
    places.wait()
    let (cancelled, waiter) = state.withLock { state in
      if !state.cancelled { state.batches.append(batch) }
      return (state.cancelled, state.waiter.take())
    }
    if cancelled {
      places.signal()
      throw CancellationError()
    }
    arrivals.signal()
    waiter?.resume()
  }

  /// The producer's last word: nil when it read everything, else its error.
  func finish(_ error: (any Error)?) {
    let (waiter, endWaiters) = state.withLock { state in
      state.finished = true
      state.failure = error
      defer { state.endWaiters = [] }
      return (state.waiter.take(), state.endWaiters)
    }
    arrivals.signal()
    ended.signal()
    waiter?.resume()
    for waiter in endWaiters { waiter.resume() }
  }

  /// The next batch, nil once the producer has finished and all is taken; the producer's
  /// error, if it failed.
  func take() throws -> [Element]? {
    arrivals.wait()
    let (batch, failure): ([Element]?, (any Error)?) = state.withLock { state in
      if let failure = state.failure { return (nil, failure) }
      return (state.batches.isEmpty ? nil : state.batches.removeFirst(), nil)
    }
    guard let batch else {
      // The producer's end, which every later take sees too.
      arrivals.signal()
      if let failure { throw failure }
      return nil
    }
    places.signal()
    return batch
  }

  /// ``take()`` for a task: it waits, if it must, without a thread, until the producer puts
  /// a batch or finishes. (The arrivals are counted for a taking thread only.)
  func next() async throws -> [Element]? {
    while true {
      let (ready, batch): (Bool, [Element]?) = try state.withLock { state in
        if let failure = state.failure { throw failure }
        if !state.batches.isEmpty { return (true, state.batches.removeFirst()) }
        return (state.finished, nil)
      }
      if let batch {
        places.signal()
        return batch
      }
      if ready { return nil }
      await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
        let waits = state.withLock { state in
          guard state.batches.isEmpty, !state.finished else { return false }
          state.waiter = waiter
          return true
        }
        if !waits { waiter.resume() }
      }
    }
  }

  /// ``cancelAndWait()`` for a task: it waits without a thread until the producer finishes.
  func cancelAndWait() async {
    state.withLock { $0.cancelled = true }
    places.signal()
    await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
      let finished = state.withLock { state in
        if !state.finished { state.endWaiters.append(waiter) }
        return state.finished
      }
      if finished { waiter.resume() }
    }
  }

  /// Stops the producer (its next `put` throws) and waits until its thread is done.
  func cancelAndWait() {
    state.withLock { $0.cancelled = true }
    // A producer waiting for a place wakes, sees the cancellation and passes the place on.
    places.signal()
    ended.wait()
    ended.signal()
  }
}

/// A value handed from one thread to another: the producer's result, or spent batches.
private final class Handoff<Value: Sendable>: Sendable {
  private let value = Mutex<Value?>(nil)

  func set(_ value: Value) { self.value.withLock { $0 = value } }
  func get() -> Value? { value.withLock { $0 } }
  /// The value, leaving none.
  func take() -> Value? { value.withLock { $0.take() } }
}

extension Handoff {
  func append<Element>(_ element: Element) where Value == [Element] {
    value.withLock { value in
      if value == nil { value = [] }
      value!.append(element)
    }
  }
}
