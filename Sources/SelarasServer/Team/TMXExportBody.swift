import Foundation
import Hummingbird
import Selaras

/// The memory as TMX 1.4b, streamed: the units read a page at a time
/// (``TranslationMemory/forEachUnit(_:)``) are written in chunks of about 64 KB, each write
/// awaited until the client takes it, so that an export of any size holds little in memory
/// and a client gone (or a cancelled task) stops the reading.
enum TMXExportBody {
  static func body(
    memory: any TranslationMemory, sourceLanguage: LanguageTag, targetLanguage: LanguageTag, since: Date?
  ) -> ResponseBody {
    ResponseBody { writer in
      let tmx = TMXWriter(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
      var chunk = Array(tmx.header().utf8)
      try await memory.forEachUnit { unit in
        if let since, (unit.changeDate ?? unit.creationDate).map({ $0 <= since }) ?? true { return }
        tmx.append(unit.turned(toSource: sourceLanguage), to: &chunk)
        if chunk.count >= 1 << 16 {
          try await writer.write(ByteBuffer(bytes: chunk))
          chunk.removeAll(keepingCapacity: true)
        }
      }
      chunk += Array(tmx.footer().utf8)
      try await writer.write(ByteBuffer(bytes: chunk))
      // A cancelled task ends the stream early: no end of a whole body then.
      try Task.checkCancellation()
      try await writer.finish(nil)
    }
  }
}
