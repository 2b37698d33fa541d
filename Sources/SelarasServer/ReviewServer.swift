import Foundation
import Hummingbird
import Selaras

/// The review page's HTTP API over one ``ReviewSession``: `GET /` (the page),
/// `GET /api/alignment` (the align JSON with each bead's status, anchors and terms, the
/// sentences corrected, and the files' names), `POST /api/edits` (a ``ReviewEdit``),
/// `POST /api/save`, `POST /api/save-to-memory` (a ``MemorySaveReport``).
/// Every request needs the session's token (`Authorization: Bearer TOKEN` or `?token=`;
/// else 401) and a `Host` of 127.0.0.1 or localhost (else 403: a page elsewhere cannot reach
/// it through DNS rebinding); bodies are capped at ``bodyLimit``. Errors are
/// `{"error":"…"}` with their status.
public enum ReviewServer {
  /// The largest request body taken.
  public static let bodyLimit = 1 << 20

  public static func router(session: ReviewSession, token: String) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: GuardMiddleware(token: token))
    router.get("/") { _, _ -> Response in
      guard let url = Bundle.module.url(forResource: "review", withExtension: "html", subdirectory: "Resources"),
        let page = try? Data(contentsOf: url)
      else { return ServerResponse.error(.internalServerError, "the review page is missing from the build") }
      return Response(
        status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: page)))
    }
    router.get("/api/alignment") { _, _ -> Response in
      try ServerResponse.json(await session.annotated)
    }
    router.post("/api/edits") { request, _ -> Response in
      let body = try await request.body.collect(upTo: bodyLimit)
      let edit: ReviewEdit
      do {
        edit = try JSONDecoder().decode(ReviewEdit.self, from: Data(buffer: body))
      } catch {
        return ServerResponse.error(.badRequest, "not an edit: \(Self.reason(error))")
      }
      let result: Result<AnnotatedAlignment, ReviewError> = await session.result(of: edit)
      switch result {
      case .success(let document): return try ServerResponse.json(document)
      case .failure(let error): return ServerResponse.error(.unprocessableContent, error.description)
      }
    }
    router.post("/api/save") { _, _ -> Response in
      do {
        return try ServerResponse.json(["path": try await session.save().path])
      } catch {
        return ServerResponse.error(.internalServerError, "cannot save: \(error.localizedDescription)")
      }
    }
    router.post("/api/save-to-memory") { _, _ -> Response in
      do {
        return try ServerResponse.json(try await session.saveToMemory())
      } catch {
        return ServerResponse.error(.internalServerError, "cannot save to the memory: \(error)")
      }
    }
    return router
  }

  /// Whether a request's authority (its `Host`) names this machine: 127.0.0.1 or localhost,
  /// with any port.
  public static func isLocal(authority: String?) -> Bool {
    guard let authority else { return false }
    let host = AllowedHosts.hostname(of: authority.lowercased())
    return host == "127.0.0.1" || host == "localhost"
  }

  private static func reason(_ error: any Error) -> String {
    switch error {
    case DecodingError.dataCorrupted(let context), DecodingError.keyNotFound(_, let context),
      DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      return context.debugDescription
    default: return "\(error)"
    }
  }
}

/// Refuses requests without the token or from a page that is not on this machine.
struct GuardMiddleware<Context: RequestContext>: RouterMiddleware {
  let token: String

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    guard !request.hasSecondHost else { return ServerResponse.error(.badRequest, "more than one Host header") }
    guard ReviewServer.isLocal(authority: request.head.authority) else {
      return ServerResponse.error(.forbidden, "this server answers pages on 127.0.0.1 and localhost only")
    }
    let query = request.uri.queryParameters["token"].map(String.init)
    guard request.bearerToken == token || query == token else {
      return ServerResponse.error(.unauthorized, "a token is needed: Authorization: Bearer TOKEN, or ?token=")
    }
    return try await next(request, context)
  }
}
