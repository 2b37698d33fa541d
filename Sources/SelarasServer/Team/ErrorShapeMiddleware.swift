import Foundation
import Hummingbird

/// Every error the team server answers as `{"error":"…"}`, Hummingbird's own among them (a
/// body over the limit, a route that does not exist), and one nobody expected as 500, its
/// words going to `report` for the operator.
struct ErrorShapeMiddleware<Context: RequestContext>: RouterMiddleware {
  let report: @Sendable (String) -> Void
  /// The router's paths and methods: a known path asked with another method is 405.
  var routes = RouteMethods()

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    do {
      return try await next(request, context)
    } catch let error as APIError {
      throw error
    } catch let error as HTTPError {
      if error.status == .notFound, let allowed = routes.allowed(request.uri.path) {
        var response = ServerResponse.error(
          .methodNotAllowed, "\(request.uri.path) takes \(allowed), not \(request.method)")
        response.headers[.allow] = allowed
        return response
      }
      return ServerResponse.error(error.status, Self.message(error.status, error.body))
    } catch let error as any HTTPResponseError {
      return ServerResponse.error(error.status, Self.message(error.status, nil))
    } catch {
      report("\(request.method) \(request.uri.path) failed: \(error)")
      return ServerResponse.error(.internalServerError, "the server failed on this request; its log says why")
    }
  }

  static func message(_ status: HTTPResponse.Status, _ body: String?) -> String {
    switch status {
    case .contentTooLarge: "the request body is too large: at most \(TeamServer.bodyLimit) bytes here"
    case .notFound: "no such route; see the README's HTTP API"
    default: body ?? status.reasonPhrase
    }
  }
}

/// `OPTIONS` answered with the methods the server takes, once the `Host` has been checked.
struct OptionsMiddleware<Context: RequestContext>: RouterMiddleware {
  /// The router's paths and methods; a path no route has is 404.
  var routes = RouteMethods()

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    guard request.method == .options else { return try await next(request, context) }
    guard let allowed = routes.allowed(request.uri.path) else {
      return ServerResponse.error(.notFound, ErrorShapeMiddleware<Context>.message(.notFound, nil))
    }
    return Response(status: .noContent, headers: [.allow: allowed])
  }
}

/// What a client can act on in a request body JSON could not decode: where and what, in
/// the API's own names, without the decoder's type names.
enum RequestBodyError {
  static func describe(_ error: DecodingError) -> String {
    func path(_ codingPath: [any CodingKey]) -> String {
      let path = codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
      return path.isEmpty ? "the body" : String(path.drop { $0 == "." })
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "\(path(context.codingPath + [key])) is missing"
    case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
      return "\(path(context.codingPath)) should be \(name(of: type))"
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty ? "not JSON" : "\(path(context.codingPath)) has a value not taken here"
    @unknown default:
      return "not the expected JSON"
    }
  }

  private static func name(of type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Int.Type, is Int64.Type, is Double.Type: "a number"
    case is Bool.Type: "true or false"
    case is [Any].Type: "an array"
    default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
    }
  }
}
