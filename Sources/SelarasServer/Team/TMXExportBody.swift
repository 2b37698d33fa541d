import Foundation
import Hummingbird
import Selaras

/// The memory as TMX 1.4b, streamed: a thread reads the units (``TranslationMemory/forEachUnit(_:)``)
/// into chunks of about 64 KB, at most a few ahead of what the client has taken, so that an
/// export of any size holds little in memory.
enum TMXExportBody {
  static func body(
    memory: any TranslationMemory, sourceLanguage: LanguageTag, targetLanguage: LanguageTag, since: Date?
  ) -> ResponseBody {
    ResponseBody { writer in
      let (chunks, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
      // Chunks the reader may be ahead of the writer.
      let ahead = DispatchSemaphore(value: 4)
      let stopped = SharedFlag()
      // However the writer stops taking chunks (the client gone, the task cancelled), the
      // reader stops too rather than wait for a place forever.
      continuation.onTermination = { _ in
        stopped.raise()
        for _ in 0..<8 { ahead.signal() }
      }
      DispatchQueue.global().async {
        let tmx = TMXWriter(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        var chunk = Array(tmx.header().utf8)
        func send() {
          ahead.wait()
          continuation.yield(chunk)
          chunk.removeAll(keepingCapacity: true)
        }
        do {
          try memory.forEachUnit { unit in
            if stopped.isRaised { throw CancellationError() }
            if let since, (unit.changeDate ?? unit.creationDate).map({ $0 <= since }) ?? true { return }
            tmx.append(unit.turned(toSource: sourceLanguage), to: &chunk)
            if chunk.count >= 1 << 16 { send() }
          }
          chunk += Array(tmx.footer().utf8)
          send()
          continuation.finish()
        } catch {
          continuation.finish(throwing: error)
        }
      }
      do {
        for try await chunk in chunks {
          try await writer.write(ByteBuffer(bytes: chunk))
          ahead.signal()
        }
      } catch {
        // The client went away or the read failed: the reader stops (onTermination).
        continuation.finish()
        throw error
      }
      // A cancelled task ends the stream early: no footer then, and no end of a whole body.
      try Task.checkCancellation()
      try await writer.finish(nil)
    }
  }
}
