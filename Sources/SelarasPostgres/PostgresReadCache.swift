import Foundation
import NIOCore
import Selaras
import Synchronization

/// What a memory's searches read over and over and rarely changes, kept in the process: each
/// side's unit lengths (a megabyte per million units) and the postings of common tokens (a
/// bitmap of as many bits as units). Entries hold for one version of the memory
/// (``PostgresMemoryState``, raised by every change), so a search that finds a newer version
/// starts afresh, whichever process changed it.
final class PostgresReadCache: Sendable {
  private let current = Mutex<Entries?>(nil)
  /// Postings kept at most, in bytes, before the cache starts over.
  static let postingBytes = 256 << 20

  /// The entries for `version`, new ones if the memory has changed since.
  func entries(version: Int64) -> Entries {
    current.withLock { current in
      if let current, current.version >= version { return current }
      let fresh = Entries(version: version)
      current = fresh
      return fresh
    }
  }

  final class Entries: Sendable {
    let version: Int64
    private let held = Mutex(Held())

    private struct Held {
      var lengths: [UnitSide: [Int: ByteBuffer]] = [:]
      var postings: [PostingKey: (dense: Bool, ids: ByteBuffer)] = [:]
      var postingBytes = 0
    }

    private struct PostingKey: Hashable {
      var side: UnitSide
      var key: Int64
    }

    init(version: Int64) {
      self.version = version
    }

    /// Side `side`'s length blocks, when held.
    func lengths(side: UnitSide) -> [Int: ByteBuffer]? {
      held.withLock { $0.lengths[side] }
    }

    /// Holds side `side`'s length blocks.
    func store(side: UnitSide, lengths: [Int: ByteBuffer]) {
      held.withLock { $0.lengths[side] = lengths }
    }

    /// The postings of `key` on `side`, when held.
    func posting(side: UnitSide, key: Int64) -> (dense: Bool, ids: ByteBuffer)? {
      held.withLock { $0.postings[PostingKey(side: side, key: key)] }
    }

    /// Holds the postings of `key` on `side`.
    func store(side: UnitSide, key: Int64, posting: (dense: Bool, ids: ByteBuffer)) {
      held.withLock { held in
        if held.postingBytes + posting.ids.readableBytes > PostgresReadCache.postingBytes {
          held.postings = [:]
          held.postingBytes = 0
        }
        held.postings[PostingKey(side: side, key: key)] = posting
        held.postingBytes += posting.ids.readableBytes
      }
    }
  }
}
