import Foundation
import Hummingbird
import HummingbirdCore
import Selaras

/// The team server's HTTP API over a translation memory (see README, `selaras serve`, and the
/// OpenAPI document): the middleware every request passes (errors' shape, metrics, Host, OPTIONS,
/// tokens), then one route collection per resource — ``StatusRoutes``, ``LookupRoutes``,
/// ``ExportRoutes``, ``UnitRoutes``, ``ImportRoutes``, ``AmaGamaRoutes``, ``GlossaryRoutes`` —
/// the store's work of their requests run through one ``StoreWork`` (its capacity, deadline and
/// 503); imports run as jobs (``ImportJobs``), exports stream (``TMXExportBody``).
/// Errors are `{"error":"…"}` with their status; JSON bodies are capped at ``bodyLimit``,
/// imports at ``importLimit``.
public enum TeamServer {
  /// The largest JSON request body taken.
  public static let bodyLimit = 1 << 20
  /// The most segments one lookup takes.
  public static let segmentLimit = 500

  /// The largest file an import takes, streamed to disk as it arrives.
  public static let importLimit = 4 << 30

  /// Requests whose store work runs at once by default: two a processor, so that one's work
  /// fills the gaps while the other waits (on PostgreSQL's answers, on SQLite's reader); more at
  /// once only share the processors (8 instead of 4 on two cores: the same lookups a second on
  /// PostgreSQL, a p99 at 150 a second twice as long).
  public static var defaultWorkers: Int { ProcessInfo.processInfo.activeProcessorCount * 2 }

  /// The router; `workers` requests' store work runs at once (``StoreWork``).
  public static func router(
    memory: any TranslationMemory, glossary: TeamGlossary? = nil, tokens: some TokenHolders,
    metrics: ServerMetrics = ServerMetrics(), imports: ImportJobs = ImportJobs(),
    uploads: URL = FileManager.default.temporaryDirectory, timeout: Duration = .seconds(30),
    allowedHosts: AllowedHosts = AllowedHosts(), workers: Int = defaultWorkers,
    publicTM: Bool = false, report: @escaping @Sendable (String) -> Void = { _ in }
  ) -> Router<TeamContext> {
    let router = Router(context: TeamContext.self, options: .autoGenerateHeadEndpoints)
    // Filled once every route is in (below): 405 and OPTIONS's Allow come from it.
    let routeMethods = RouteMethods()
    router.add(middleware: ErrorShapeMiddleware(report: report, routes: routeMethods))
    router.add(middleware: MetricsMiddleware(metrics: metrics))
    router.add(middleware: HostMiddleware(allowed: allowedHosts))
    router.add(middleware: OptionsMiddleware(routes: routeMethods))
    router.add(middleware: TokenMiddleware(tokens: tokens, publicTM: publicTM))
    // The stores' work, answered 503 when it fails or takes longer than `timeout`.
    let blocking = StoreWork(timeout: timeout, workers: max(1, workers), report: report)
    if let glossary { GlossaryRoutes.add(to: router, glossary: glossary, blocking: blocking) }
    StatusRoutes.add(to: router, memory: memory, metrics: metrics, blocking: blocking)
    LookupRoutes.add(to: router, memory: memory, blocking: blocking)
    ExportRoutes.add(to: router, memory: memory, blocking: blocking)
    UnitRoutes.add(to: router, memory: memory, blocking: blocking)
    ImportRoutes.add(to: router, memory: memory, imports: imports, uploads: uploads, report: report)
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
