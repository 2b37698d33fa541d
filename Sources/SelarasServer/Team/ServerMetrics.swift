import CoreMetrics
import Foundation
import Hummingbird
import Prometheus

/// Requests and their latencies by route and status, and the memory's size, for `GET
/// /metrics`: swift-metrics' counters, timers and gauges, made by a Prometheus factory over a
/// registry of this server's own (no process-wide bootstrap, so that every server — a test
/// runs many — counts its own requests), written in Prometheus' text format by swift-prometheus.
public final class ServerMetrics: Sendable {
  private let registry = PrometheusCollectorRegistry()
  private let factory: PrometheusMetricsFactory

  public init() {
    factory = PrometheusMetricsFactory(registry: registry)
  }

  func record(route: String, status: Int, duration: Duration) {
    let dimensions = [("route", route), ("status", String(status))]
    CoreMetrics.Counter(label: "selaras_requests_total", dimensions: dimensions, factory: factory).increment()
    CoreMetrics.Timer(label: "selaras_request_seconds", dimensions: dimensions, factory: factory).recordNanoseconds(
      duration.wholeNanoseconds)
  }

  /// The figures in Prometheus' text format, with the memory's unit count.
  func text(units: Int) -> String {
    CoreMetrics.Gauge(label: "selaras_units", factory: factory).record(units)
    return registry.emitToString()
  }
}

/// Times every request into ``ServerMetrics``, labelled by the route that answered it as the
/// router names it (`/v1/units/{id}`), `other` for a path no route has.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
  let metrics: ServerMetrics

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    let start = ContinuousClock.now
    func record(_ status: Int) {
      let route = context.endpointPath.flatMap { $0 == "NotFound" ? nil : $0 } ?? "other"
      metrics.record(route: route, status: status, duration: ContinuousClock.now - start)
    }
    do {
      let response = try await next(request, context)
      record(Int(response.status.code))
      return response
    } catch let error as any HTTPResponseError {
      record(Int(error.status.code))
      throw error
    } catch {
      record(500)
      throw error
    }
  }
}
