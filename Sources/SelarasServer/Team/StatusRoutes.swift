import Foundation
import Hummingbird
import NIOCore
import Selaras

/// The server's own routes: `GET /healthz` and `GET /openapi.json` (no token), the memory's
/// figures as `GET /v1/stats` (JSON) and `GET /metrics` (Prometheus's text format).
enum StatusRoutes {
  static func add(
    to router: Router<TeamContext>, memory: any TranslationMemory, metrics: ServerMetrics, blocking: StoreWork
  ) {
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
    router.get("/metrics") { _, context -> Response in
      try context.require(.read)
      let units = try await blocking.run { try await memory.memoryStatistics().units }
      return Response(
        status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.text(units: units))))
    }
    router.get("/v1/stats") { _, context -> Response in
      try context.require(.read)
      return try ServerResponse.json(
        MemoryStatisticsAnswer(try await blocking.run { try await memory.memoryStatistics() }))
    }
  }
}
