import Foundation
import Hummingbird
import Selaras

/// The review page's HTTP API over one ``ReviewSession``: `GET /` (the page),
/// `GET /api/alignment` (the align JSON with each bead's status, anchors and terms),
/// `POST /api/edits`, `POST /api/save`, `POST /api/save-to-memory`.
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
      else { return error(.internalServerError, "the review page is missing from the build") }
      return Response(
        status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: page)))
    }
    router.get("/api/alignment") { _, _ -> Response in
      try json(await session.annotated)
    }
    router.post("/api/edits") { request, _ -> Response in
      let body = try await request.body.collect(upTo: bodyLimit)
      let edit: ReviewEdit
      do {
        edit = try JSONDecoder().decode(ReviewEdit.self, from: Data(buffer: body))
      } catch {
        return Self.error(.badRequest, "not an edit: \(Self.reason(error))")
      }
      let result: Result<AnnotatedAlignment, ReviewError> = await session.result(of: edit)
      switch result {
      case .success(let document): return try json(document)
      case .failure(let error): return Self.error(.unprocessableContent, error.description)
      }
    }
    router.post("/api/save") { _, _ -> Response in
      do {
        return try json(["path": try await session.save().path])
      } catch {
        return Self.error(.internalServerError, "cannot save: \(error.localizedDescription)")
      }
    }
    router.post("/api/save-to-memory") { _, _ -> Response in
      do {
        return try json(["saved": try await session.saveToMemory().added])
      } catch {
        return Self.error(.internalServerError, "cannot save to the memory: \(error)")
      }
    }
    return router
  }

  /// Whether a request's authority (its `Host`) names this machine: 127.0.0.1 or localhost,
  /// with any port.
  public static func isLocal(authority: String?) -> Bool {
    guard var host = authority?.lowercased() else { return false }
    if let colon = host.lastIndex(of: ":"), host[host.index(after: colon)...].allSatisfy(\.isNumber) {
      host = String(host[..<colon])
    }
    return host == "127.0.0.1" || host == "localhost"
  }

  /// A JSON response, keys in the model's order.
  static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
    let text = try OrderedJSONEncoder().encode(value)
    return Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
  }

  /// `{"error":"…"}` with `status`.
  static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
    (try? json(["error": message], status: status)) ?? Response(status: status)
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
    guard ReviewServer.isLocal(authority: request.head.authority) else {
      return ReviewServer.error(.forbidden, "this server answers pages on 127.0.0.1 and localhost only")
    }
    let bearer = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
    let query = request.uri.queryParameters["token"].map(String.init)
    guard bearer == token || query == token else {
      return ReviewServer.error(.unauthorized, "a token is needed: Authorization: Bearer TOKEN, or ?token=")
    }
    return try await next(request, context)
  }
}
