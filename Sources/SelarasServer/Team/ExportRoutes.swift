import Foundation
import Hummingbird
import Selaras

/// `GET /v1/export.tmx`: the memory as TMX, streamed, with an ETag of the memory's content so
/// that a client holding the same file gets 304.
enum ExportRoutes {
  static func add(to router: Router<TeamContext>, memory: any TranslationMemory, blocking: StoreWork) {
    router.get("/v1/export.tmx") { request, context -> Response in
      try context.require(.read)
      let query = request.uri.queryParameters
      let source = try TeamServer.language(query["source"].map(String.init) ?? "en")
      let target: LanguageTag = source == .english ? .indonesian : .english
      var since: Date?
      if let text = query["since"].map(String.init) {
        guard let date = TMXWriter.parseDate(text) ?? ISO8601DateFormatter().date(from: text) else {
          throw APIError(.badRequest, "since is a date: 2026-11-26T08:00:00Z or 20261126T080000Z")
        }
        since = date
      }
      // The same memory asked for the same way is the same file: a client holding it gets 304.
      let version = try await blocking.run { try await memory.contentVersion() }
      let tag = version.map { "\"\($0)-\(source.language)-\(since.map { Int($0.timeIntervalSince1970) } ?? 0)\"" }
      var headers: HTTPFields = [.contentType: "application/x-tmx+xml; charset=utf-8"]
      if let tag {
        headers[.eTag] = tag
        if request.headers[.ifNoneMatch] == tag { return Response(status: .notModified, headers: headers) }
      }
      return Response(
        status: .ok, headers: headers,
        body: TMXExportBody.body(memory: memory, sourceLanguage: source, targetLanguage: target, since: since))
    }
  }
}
