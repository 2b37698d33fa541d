import NIOPosix
import Synchronization

/// Threads of the team server's own for the memory's work, which blocks (SQLite's reads,
/// PostgreSQL's round trips): NIO's thread pool, with a count of the jobs not yet done so that
/// the server can refuse work it could not start soon. (The shared dispatch queues have as
/// many threads as processors: right for SQLite, whose work keeps a processor busy, but two
/// lookups waiting on PostgreSQL held every thread while the processors idled.)
final class BlockingPool: Sendable {
  private let pool: NIOThreadPool
  private let unfinished = Atomic<Int>(0)
  /// How many threads the pool has.
  let width: Int

  /// How many jobs wait for a thread or run on one.
  var unfinishedJobs: Int { unfinished.load(ordering: .relaxed) }

  /// A pool of `width` threads, started at once.
  init(width: Int) {
    self.width = width
    pool = NIOThreadPool(numberOfThreads: width)
    pool.start()
  }

  deinit {
    // NIO's pool is to be stopped before it goes; its threads end once they are idle.
    pool.shutdownGracefully { _ in }
  }

  /// Runs `job` on one of the pool's threads (a job keeps the pool until it is done).
  func run(_ job: @escaping @Sendable () -> Void) {
    unfinished.add(1, ordering: .relaxed)
    pool.submit { state in
      if case .active = state { job() }
      self.unfinished.subtract(1, ordering: .relaxed)
    }
  }
}
