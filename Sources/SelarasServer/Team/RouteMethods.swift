import Hummingbird
import Synchronization

/// The methods each of the router's paths takes, read from the router once its routes are in:
/// what `OPTIONS` answers in `Allow`, and what turns a known path asked with another method
/// into 405 (with `Allow`) instead of 404.
final class RouteMethods: Sendable {
  private struct Route {
    var segments: [Substring]
    var methods: [String]
  }

  private let routes = Mutex<[Route]>([])

  /// Takes the router's routes (`Router.routes`), HEAD and OPTIONS added where the router or
  /// a middleware answers them.
  func load<Context>(_ router: Router<Context>) {
    var methods: [String: Set<String>] = [:]
    for route in router.routes {
      methods["\(route.path)", default: []].insert(route.method.rawValue)
    }
    routes.withLock { routes in
      routes = methods.map { path, methods in
        var methods = methods.union(["OPTIONS"])
        if methods.contains("GET") { methods.insert("HEAD") }
        let order = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
        return Route(
          segments: path.split(separator: "/"),
          methods: methods.sorted { (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1) })
      }
    }
  }

  /// The methods `path` takes, as an `Allow` header lists them; nil for a path no route has.
  func allowed(_ path: String) -> String? {
    let parts = path.split(separator: "/")
    let found = routes.withLock { routes in
      routes.filter { Self.matches($0.segments, parts) }.flatMap(\.methods)
    }
    guard !found.isEmpty else { return nil }
    var seen: Set<String> = []
    return found.filter { seen.insert($0).inserted }.joined(separator: ", ")
  }

  /// Whether a route's segments match a path's: `{name}` takes one segment, a final `**`
  /// the rest (at least one).
  private static func matches(_ route: [Substring], _ path: [Substring]) -> Bool {
    if route.last == "**" {
      return path.count >= route.count && zip(route.dropLast(), path).allSatisfy(segmentMatches)
    }
    return route.count == path.count && zip(route, path).allSatisfy(segmentMatches)
  }

  private static func segmentMatches(_ route: Substring, _ path: Substring) -> Bool {
    route == path || (route.hasPrefix("{") && route.hasSuffix("}")) || route == "*"
  }
}
