import Foundation
import NIOCore

/// What a memory's searches read over and over and rarely changes, kept in the process: each
/// side's unit lengths (a megabyte per million units) and the postings of common tokens (a
/// bitmap of as many bits as units). Entries hold for one version of the memory
/// (``PostgresMemoryState``, raised by every change), so a search that finds a newer version
/// starts afresh, whichever process changed it.
final class PostgresReadCache: @unchecked Sendable {
  private let lock = NSLock()
  private var current: Entries?
  /// Postings kept at most, in bytes, before the cache starts over.
  static let postingBytes = 256 << 20

  /// The entries for `version`, new ones if the memory has changed since.
  func entries(version: Int64) -> Entries {
    lock.withLock {
      if let current, current.version >= version { return current }
      let fresh = Entries(version: version)
      current = fresh
      return fresh
    }
  }

  final class Entries: @unchecked Sendable {
    let version: Int64
    private let lock = NSLock()
    private var lengths: [Int: [Int: ByteBuffer]] = [:]
    private var postings: [PostingKey: (dense: Bool, ids: ByteBuffer)] = [:]
    private var postingBytes = 0

    private struct PostingKey: Hashable {
      var side: Int
      var key: Int64
    }

    init(version: Int64) {
      self.version = version
    }

    /// Side `side`'s length blocks, read by `load` the first time.
    func lengths(side: Int, load: () throws -> [Int: ByteBuffer]) throws -> [Int: ByteBuffer] {
      if let blocks = lock.withLock({ lengths[side] }) { return blocks }
      let blocks = try load()
      lock.withLock { lengths[side] = blocks }
      return blocks
    }

    /// Whether the postings of `key` on `side` are held.
    func holdsPosting(side: Int, key: Int64) -> Bool {
      lock.withLock { postings[PostingKey(side: side, key: key)] != nil }
    }

    /// Holds the postings of `key` on `side`.
    func store(side: Int, key: Int64, posting: (dense: Bool, ids: ByteBuffer)) {
      lock.withLock {
        if postingBytes + posting.ids.readableBytes > PostgresReadCache.postingBytes {
          postings = [:]
          postingBytes = 0
        }
        postings[PostingKey(side: side, key: key)] = posting
        postingBytes += posting.ids.readableBytes
      }
    }

    /// The postings of `key` on `side`, read by `load` the first time.
    func posting(side: Int, key: Int64, load: () throws -> (dense: Bool, ids: ByteBuffer)) throws
      -> (dense: Bool, ids: ByteBuffer)
    {
      let place = PostingKey(side: side, key: key)
      if let posting = lock.withLock({ postings[place] }) { return posting }
      let posting = try load()
      store(side: side, key: key, posting: posting)
      return posting
    }
  }
}
