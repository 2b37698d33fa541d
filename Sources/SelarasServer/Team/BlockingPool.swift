import Foundation

/// Threads of the team server's own for the memory's work, which blocks (SQLite's reads,
/// PostgreSQL's round trips). The shared dispatch queues have as many threads as
/// processors: right for SQLite, whose work keeps a processor busy, but two lookups waiting
/// on PostgreSQL held every thread while the processors idled. The threads end with the pool.
final class BlockingPool: Sendable {
  private let queue = WorkQueue()
  /// How many threads the pool has.
  let width: Int

  /// How many jobs wait for a thread.
  var waiting: Int { queue.count }

  /// A pool of `width` threads, started at once.
  init(width: Int) {
    self.width = width
    for index in 0..<width {
      let queue = queue
      let thread = Thread { queue.serve() }
      thread.name = "selaras.memory.\(index)"
      thread.start()
    }
  }

  deinit {
    queue.close()
  }

  /// Runs `job` on one of the pool's threads.
  func run(_ job: @escaping @Sendable () -> Void) {
    queue.put(job)
  }
}

/// The jobs waiting for a thread of a ``BlockingPool``.
private final class WorkQueue: @unchecked Sendable {
  private let condition = NSCondition()
  // Guarded by `condition`.
  private var jobs: [@Sendable () -> Void] = []
  private var closed = false

  var count: Int {
    condition.lock()
    defer { condition.unlock() }
    return jobs.count
  }

  func put(_ job: @escaping @Sendable () -> Void) {
    condition.lock()
    jobs.append(job)
    condition.signal()
    condition.unlock()
  }

  /// No more jobs: the threads end once those waiting are done.
  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }

  /// Runs jobs as they come, until the queue is closed and empty.
  func serve() {
    while true {
      condition.lock()
      while jobs.isEmpty && !closed { condition.wait() }
      if jobs.isEmpty {
        condition.unlock()
        return
      }
      let job = jobs.removeFirst()
      condition.unlock()
      job()
    }
  }
}
