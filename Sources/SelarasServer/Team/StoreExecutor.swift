import NIOPosix

/// The threads the stores' work runs on (``StoreWork``): NIO's thread pool as a task executor,
/// so that a PostgreSQL search scoring its candidates for milliseconds takes one of these
/// threads, shared fairly by the system among the searches under way, rather than one of the
/// few threads of Swift's shared pool, which the server's request handling needs too and which
/// runs each job to its end before the next. An SQLite search on a database file runs here too,
/// reading through one of GRDB's pooled readers on this thread.
final class StoreExecutor: TaskExecutor {
  private let pool: NIOThreadPool

  /// An executor over `width` threads, started at once.
  init(width: Int) {
    pool = NIOThreadPool(numberOfThreads: width)
    pool.start()
  }

  deinit {
    // NIO's pool is to be stopped before it goes; its threads end once they are idle.
    pool.shutdownGracefully { _ in }
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    pool.submit { _ in job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }
}
