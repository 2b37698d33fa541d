import Foundation
import Hummingbird
import Synchronization

/// Requests and their latencies by route and status, for `GET /metrics` (Prometheus' text
/// format).
public final class ServerMetrics: Sendable {
  private struct Key: Hashable {
    var route: String
    var status: Int
  }

  private struct Totals {
    var requests = 0
    var seconds = 0.0
  }

  private let totals = Mutex<[Key: Totals]>([:])

  public init() {}

  func record(route: String, status: Int, seconds: Double) {
    totals.withLock { totals in
      totals[Key(route: route, status: status), default: Totals()].requests += 1
      totals[Key(route: route, status: status), default: Totals()].seconds += seconds
    }
  }

  /// The figures in Prometheus' text format, with the memory's unit count.
  func text(units: Int) -> String {
    let rows = totals.withLock { $0 }.sorted { ($0.key.route, $0.key.status) < ($1.key.route, $1.key.status) }
    var lines = [
      "# HELP selaras_requests_total Requests answered, by route and status.",
      "# TYPE selaras_requests_total counter",
    ]
    lines += rows.map {
      "selaras_requests_total{route=\"\($0.key.route)\",status=\"\($0.key.status)\"} \($0.value.requests)"
    }
    lines += [
      "# HELP selaras_request_seconds Time spent answering, by route and status.",
      "# TYPE selaras_request_seconds summary",
    ]
    for row in rows {
      let labels = "route=\"\(row.key.route)\",status=\"\(row.key.status)\""
      lines.append("selaras_request_seconds_sum{\(labels)} \(String(format: "%.6f", row.value.seconds))")
      lines.append("selaras_request_seconds_count{\(labels)} \(row.value.requests)")
    }
    lines += ["# HELP selaras_units Units in the memory.", "# TYPE selaras_units gauge", "selaras_units \(units)"]
    return lines.joined(separator: "\n") + "\n"
  }

  /// The route a path belongs to, its variable parts named: a label with few values.
  static func route(of path: String) -> String {
    for prefix in AmaGamaRoutes.prefixes where path.hasPrefix(prefix + "/") {
      return prefix + (path.contains("/unit") ? "/unit" : "/languages")
    }
    if path.hasPrefix("/v1/units/") { return "/v1/units/{id}" }
    if path.hasPrefix("/v1/imports/") { return "/v1/imports/{id}" }
    let known = [
      "/healthz", "/openapi.json", "/metrics", "/v1/lookup", "/v1/concordance", "/v1/stats", "/v1/units",
      "/v1/export.tmx", "/v1/imports", "/v1/glossary/lookup",
      "/v1/glossary/scan", "/v1/glossary/export.tbx", "/v1/glossary/entries",
    ]
    return known.contains(path) ? path : "other"
  }
}

/// Times every request into ``ServerMetrics``.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
  let metrics: ServerMetrics

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    let start = ContinuousClock.now
    let route = ServerMetrics.route(of: request.uri.path)
    func seconds() -> Double {
      let elapsed = ContinuousClock.now - start
      return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
    do {
      let response = try await next(request, context)
      metrics.record(route: route, status: Int(response.status.code), seconds: seconds())
      return response
    } catch let error as any HTTPResponseError {
      metrics.record(route: route, status: Int(error.status.code), seconds: seconds())
      throw error
    } catch {
      metrics.record(route: route, status: 500, seconds: seconds())
      throw error
    }
  }
}
