import Foundation
import Hummingbird
import HummingbirdCore
import Selaras

/// The team server's HTTP API over a translation memory (see README, `selaras serve`):
/// `GET /healthz`; with a token of at least the role named: `POST /v1/lookup`,
/// `GET /v1/concordance`, `GET /v1/stats`, `GET /v1/export.tmx`, `GET /metrics`,
/// `GET /v1/imports/{id}`, the amaGama routes (``AmaGamaRoutes``, read); `POST /v1/units`, `POST /v1/imports`
/// (write); `DELETE /v1/units/{id}` (admin); the glossary's routes (``GlossaryRoutes``). Errors are `{"error":"…"}` with their status;
/// JSON bodies are capped at ``bodyLimit``, imports at ``importLimit``.
public enum TeamServer {
  /// The largest JSON request body taken.
  public static let bodyLimit = 1 << 20
  /// The most segments one lookup takes.
  public static let segmentLimit = 500

  /// The largest file an import takes, streamed to disk as it arrives.
  public static let importLimit = 4 << 30

  public static func router(
    memory: any TranslationMemory, glossary: TeamGlossary? = nil, tokens: some TokenHolders,
    metrics: ServerMetrics = ServerMetrics(), imports: ImportJobs = ImportJobs(),
    uploads: URL = FileManager.default.temporaryDirectory, timeout: Duration = .seconds(30),
    allowedHosts: AllowedHosts = AllowedHosts(), workers: Int = ProcessInfo.processInfo.activeProcessorCount,
    publicTM: Bool = false, report: @escaping @Sendable (String) -> Void = { _ in }
  ) -> Router<TeamContext> {
    let pool = BlockingPool(width: max(1, workers))
    let router = Router(context: TeamContext.self, options: .autoGenerateHeadEndpoints)
    // Filled once every route is in (below): 405 and OPTIONS's Allow come from it.
    let routeMethods = RouteMethods()
    router.add(middleware: ErrorShapeMiddleware(report: report, routes: routeMethods))
    router.add(middleware: MetricsMiddleware(metrics: metrics))
    router.add(middleware: HostMiddleware(allowed: allowedHosts))
    router.add(middleware: OptionsMiddleware(routes: routeMethods))
    router.add(middleware: TokenMiddleware(tokens: tokens, publicTM: publicTM))
    // The stores' work, answered 503 when it fails or takes longer than `timeout`.
    let blocking = StoreWork(pool: pool, timeout: timeout, report: report)
    if let glossary { GlossaryRoutes.add(to: router, glossary: glossary, blocking: blocking) }
    router.get("/healthz") { _, _ -> Response in
      try ServerResponse.json(["status": "ok"])
    }
    // The API's contract, for clients and fuzzers: no token needed, as for /healthz.
    router.get("/openapi.json") { _, _ -> Response in
      guard let document = OpenAPIDocument.data else {
        throw APIError(.internalServerError, "the OpenAPI document is missing from the build")
      }
      return Response(
        status: .ok, headers: [.contentType: "application/json"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: document)))
    }
    router.post("/v1/lookup") { request, context -> Response in
      try context.require(.read)
      let query = try await decode(LookupRequest.self, from: request)
      let (source, target) = try (language(query.sourceLang), language(query.targetLang))
      guard query.segments.count <= segmentLimit else {
        throw APIError(.contentTooLarge, "at most \(segmentLimit) segments a request")
      }
      let minimumScore = min(100, max(0, query.minScore ?? 70))
      let limit = min(50, max(1, query.limit ?? 5))
      let results = try await blocking.run {
        try query.segments.map { segment in
          LookupResult(
            matches: try memory.lookup(
              segment, source: source, target: target, minimumScore: minimumScore, limit: limit))
        }
      }
      return try ServerResponse.json(LookupResponse(results: results))
    }
    router.get("/v1/concordance") { request, context -> Response in
      try context.require(.read)
      guard let phrase = request.uri.queryParameters["q"].map(String.init), !phrase.isEmpty else {
        throw APIError(.badRequest, "the phrase is the q parameter")
      }
      let language = try language(request.uri.queryParameters["lang"].map(String.init) ?? "id")
      let limit = min(500, max(1, try wholeNumber(request, "limit") ?? 50))
      let units = try await blocking.run { try memory.concordance(phrase, language: language, limit: limit) }
      return try ServerResponse.json(
        ConcordanceResponse(
          units: units.map { ConcordanceResponse.Unit(source: $0.source, target: $0.target, document: $0.document) }))
    }
    router.get("/v1/export.tmx") { request, context -> Response in
      try context.require(.read)
      let query = request.uri.queryParameters
      let source = try language(query["source"].map(String.init) ?? "en")
      let target: LanguageTag = source == .english ? .indonesian : .english
      var since: Date?
      if let text = query["since"].map(String.init) {
        guard let date = TMXWriter.parseDate(text) ?? ISO8601DateFormatter().date(from: text) else {
          throw APIError(.badRequest, "since is a date: 2026-11-26T08:00:00Z or 20261126T080000Z")
        }
        since = date
      }
      // The same memory asked for the same way is the same file: a client holding it gets 304.
      let version = try await blocking.run { try memory.contentVersion() }
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
    router.get("/metrics") { _, context -> Response in
      try context.require(.read)
      let units = try await blocking.run { try memory.memoryStatistics().units }
      return Response(
        status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.text(units: units))))
    }
    router.get("/v1/stats") { _, context -> Response in
      try context.require(.read)
      return try ServerResponse.json(MemoryStatisticsAnswer(try await blocking.run { try memory.memoryStatistics() }))
    }
    router.post("/v1/units") { request, context -> Response in
      let holder = try context.require(.write)
      let body = try await decode(UnitsRequest.self, from: request)
      let units = try body.units.enumerated().map { index, unit -> TranslationUnit in
        let (source, target) = try (language(unit.sourceLang), language(unit.targetLang))
        guard !unit.source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
          !unit.target.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else { throw APIError(.unprocessableContent, "unit \(index): an empty source or target") }
        let stored = TranslationUnit(
          sourceLanguage: source, targetLanguage: target, source: unit.source, target: unit.target,
          document: unit.document, creationTool: "Selaras server", user: holder.name)
        if let problem = stored.storageProblem { throw APIError(.unprocessableContent, "unit \(index): \(problem)") }
        return stored
      }
      let summary = try await blocking.run { try memory.addUnits(units) }
      return try ServerResponse.json(UnitsResponse(added: summary.added, duplicates: summary.duplicates))
    }
    router.delete("/v1/units/{id}") { _, context -> Response in
      try context.require(.admin)
      guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
        throw APIError(.badRequest, "a unit's id is a number")
      }
      guard try await blocking.run({ try memory.deleteUnit(id: id) }) else {
        throw APIError(.notFound, "no unit \(id)")
      }
      return try ServerResponse.json(["deleted": id])
    }
    router.post("/v1/imports") { request, context -> Response in
      let holder = try context.require(.write)
      // The body goes to a file as it arrives, never held whole.
      let file = uploads.appendingPathComponent("selaras-import-\(UUID().uuidString)")
      guard FileManager.default.createFile(atPath: file.path, contents: nil),
        let handle = try? FileHandle(forWritingTo: file)
      else {
        report("cannot create an upload in \(uploads.path)")
        throw APIError(.internalServerError, "cannot store the upload on the server")
      }
      var size = 0
      do {
        defer { try? handle.close() }
        for try await buffer in request.body {
          size += buffer.readableBytes
          guard size <= importLimit else {
            throw APIError(.contentTooLarge, "an import is at most \(importLimit) bytes")
          }
          try handle.write(contentsOf: Data(buffer: buffer))
        }
      } catch {
        try? FileManager.default.removeItem(at: file)
        throw error
      }
      let id = await imports.start(file: file, memory: memory, author: holder.name, report: report)
      return try ServerResponse.json(["job": "/v1/imports/\(id)"], status: .accepted)
    }
    router.get("/v1/imports/{id}") { _, context -> Response in
      try context.require(.read)
      guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)), let status = await imports.status(id)
      else {
        throw APIError(.notFound, "no such import")
      }
      return try ServerResponse.json(status)
    }
    AmaGamaRoutes.add(to: router, memory: memory, blocking: blocking, publicTM: publicTM)
    routeMethods.load(router)
    return router
  }

  /// What holds the server to `count` open connections: more wait to be accepted until one
  /// closes, so that file descriptors remain for the stores and `/healthz`.
  public static func connectionLimit(_ count: Int) -> any AvailableConnectionsDelegate {
    MaximumAvailableConnections(count)
  }

  /// The supported language a request names.
  static func language(_ code: String) throws -> LanguageTag {
    let tag = LanguageTag(code)
    guard tag == .indonesian || tag == .english else {
      throw APIError(.badRequest, "unknown language '\(code)': id or en")
    }
    return tag
  }

  static func decode<Value: Decodable>(_ type: Value.Type, from request: Request) async throws -> Value {
    let body = try await request.body.collect(upTo: bodyLimit)
    do {
      return try JSONDecoder().decode(type, from: Data(buffer: body))
    } catch let error as DecodingError {
      throw APIError(.badRequest, "not a valid request body: \(RequestBodyError.describe(error))")
    } catch {
      throw APIError(.badRequest, "not a valid request body: not JSON")
    }
  }
}

/// The stores' work as the routes run it: off the server's threads, on the pool's. A
/// failure of the store (a locked or unreachable database) is 503, and so is no answer within
/// `timeout`: the client may retry, and the server goes on serving. The client is told what it
/// can act on; what failed (hosts, paths, the driver's words) goes to `report`, for the
/// operator. Work whose time ran out before a thread took it never starts, and work beyond what
/// the threads can take is refused at once: the threads are never held by requests nobody
/// waits for.
struct StoreWork: Sendable {
  let pool: BlockingPool
  let timeout: Duration
  let report: @Sendable (String) -> Void

  /// How many jobs a thread of the pool may have waiting before requests are refused.
  static let queuedPerThread = 64

  private static let timers = DispatchQueue(label: "selaras.serve.timeouts")

  func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    guard pool.waiting < pool.width * Self.queuedPerThread else {
      throw APIError(.serviceUnavailable, "the server is busy; try again shortly")
    }
    let answered = SharedFlag()
    return try await withCheckedThrowingContinuation { continuation in
      pool.run {
        guard !answered.isRaised else { return }
        let result = Result { try work() }.mapError { error -> any Error in
          if error is APIError { return error }
          report("the store failed: \(error)")
          return APIError(.serviceUnavailable, "the store is unavailable; try again shortly")
        }
        if answered.raise() { continuation.resume(with: result) }
      }
      // On a queue of its own: the pool's threads may all be busy with the memory.
      Self.timers.asyncAfter(deadline: .now() + .nanoseconds(Int(timeout.wholeNanoseconds))) {
        if answered.raise() {
          continuation.resume(throwing: APIError(.serviceUnavailable, "the store gave no answer within \(timeout)"))
        }
      }
    }
  }
}

extension Duration {
  /// The duration in whole nanoseconds, as NIO's and Dispatch's timers take it.
  var wholeNanoseconds: Int64 {
    let (seconds, attoseconds) = components
    return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
  }
}

/// A request's context on the team server: who holds its token.
public struct TeamContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  public var holder: AccessTokens.Holder?

  public init(source: Source) {
    coreContext = .init(source: source)
  }

  /// The token's holder if its role is at least `role`; 403 otherwise. The public reader of
  /// a `--public-tm` server passes only where `publicAllowed` (the amaGama routes' reads), so
  /// that no route added later under their prefixes becomes public by accident.
  @discardableResult
  func require(_ role: AccessRole, publicAllowed: Bool = false) throws -> AccessTokens.Holder {
    guard let holder, publicAllowed || holder != .publicReader else {
      throw APIError(.unauthorized, "a token is needed: Authorization: Bearer TOKEN")
    }
    guard holder.role >= role else {
      throw APIError(.forbidden, "\(holder.name) holds a \(holder.role.rawValue) token; this needs \(role.rawValue)")
    }
    return holder
  }
}

/// Query parameter `name` of `request` as a whole number; nil when absent; 400 when it is not one.
func wholeNumber(_ request: Request, _ name: String) throws -> Int? {
  guard let text = request.uri.queryParameters[name[...]].map(String.init) else { return nil }
  guard let number = Int(text) else {
    throw APIError(.badRequest, "\(name) is a whole number, not '\(text.prefix(40))'")
  }
  return number
}

/// An error answered as `{"error":"…"}` with its status.
struct APIError: HTTPResponseError {
  var status: HTTPResponse.Status
  var message: String

  init(_ status: HTTPResponse.Status, _ message: String) {
    self.status = status
    self.message = message
  }

  func response(from request: Request, context: some RequestContext) throws -> Response {
    ServerResponse.error(status, message)
  }
}

/// Finds who holds the request's token (`Authorization: Bearer TOKEN`; on the amaGama
/// routes also `?token=` and HTTP Basic with the token as password, as their clients send
/// it); 401 without a known one, but `/healthz`, and the amaGama routes' reads on a server
/// started with `--public-tm`.
struct TokenMiddleware<Tokens: TokenHolders>: RouterMiddleware {
  let tokens: Tokens
  var publicTM = false

  func handle(_ request: Request, context: TeamContext, next: (Request, TeamContext) async throws -> Response)
    async throws -> Response
  {
    guard !["/healthz", "/openapi.json"].contains(request.uri.path) else { return try await next(request, context) }
    let amaGama = AmaGamaRoutes.isAmaGama(request.uri.path)
    let offered =
      request.bearerToken
      ?? (amaGama ? request.uri.queryParameters["token"].map(String.init) ?? request.basicPassword : nil)
    var context = context
    if let offered, let holder = tokens.holder(of: offered) {
      context.holder = holder
    } else if amaGama && publicTM && offered == nil && (request.method == .get || request.method == .head) {
      context.holder = .publicReader
    } else {
      return ServerResponse.error(.unauthorized, "a known token is needed: Authorization: Bearer TOKEN")
    }
    return try await next(request, context)
  }
}

extension AccessTokens.Holder {
  /// Who reads the amaGama routes of a `--public-tm` server without a token.
  static let publicReader = AccessTokens.Holder(name: "public", role: .read, hash: "")
}
