import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Selaras
import SelarasServer
import SelarasStore
import Testing

/// The OpenAPI document is the team server's contract: it names every route the router
/// answers, and only those, and the server serves it without a token.
@Suite("The team server's OpenAPI document")
struct OpenAPIDocumentTests {
  private static func router(tokens: AccessTokens = AccessTokens()) throws -> Router<TeamContext> {
    let store = try SelarasDatabase(writer: DatabaseQueue())
    let glossary = TeamGlossary(store: store, shipped: [], morphology: IndonesianMorphology())
    return TeamServer.router(memory: store, glossary: glossary, tokens: tokens)
  }

  /// The document's operations as `METHOD /path`, HEAD left out (the router makes one per GET).
  private static func documented() throws -> Set<String> {
    let data = try #require(OpenAPIDocument.data, "Resources/openapi.json is in the build")
    let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(document["openapi"] as? String == "3.1.0")
    let paths = try #require(document["paths"] as? [String: [String: Any]])
    let methods = ["get", "post", "put", "delete", "patch", "options"]
    return Set(paths.flatMap { path, item in item.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" } })
  }

  @Test("Every route the router registers is in the document, and the document has no route the router lacks")
  func pathsMatchTheRouter() throws {
    // The router's captures, {name}, are OpenAPI's; its trailing ** (the amaGama unit's text,
    // slashes included) is one parameter in the document.
    let routed = Set(
      try Self.router().routes.filter { $0.method != .head }.map { route in
        "\(route.method) \(route.path)".replacingOccurrences(of: "/**", with: "/{text}")
      })
    let documented = try Self.documented()
    #expect(
      routed.subtracting(documented).isEmpty, "routed but not documented: \(routed.subtracting(documented).sorted())")
    #expect(
      documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
  }

  @Test("GET /openapi.json answers the document without a token, as /healthz does")
  func served() async throws {
    let app = Application(router: try Self.router())
    try await app.test(.router) { client in
      try await client.execute(uri: "/openapi.json", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/json")
        #expect(Data(response.body.readableBytesView) == OpenAPIDocument.data)
      }
      try await client.execute(uri: "/v1/stats", method: .get) { response in
        #expect(response.status == .unauthorized)
      }
    }
  }

  @Test("A known path asked with a method it does not take is 405 with Allow; OPTIONS lists exactly its methods")
  func methodNotAllowed() async throws {
    var tokens = AccessTokens()
    let admin = try tokens.create(name: "sari", role: .admin)
    let app = Application(router: try Self.router(tokens: tokens))
    let bearer: HTTPFields = [.authorization: "Bearer \(admin)"]
    try await app.test(.router) { client in
      try await client.execute(uri: "/v1/units", method: .put, headers: bearer) { response in
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers[.allow] == "POST, OPTIONS")
      }
      try await client.execute(uri: "/v1/units/12", method: .options, headers: bearer) { response in
        #expect(response.status == .noContent)
        #expect(response.headers[.allow] == "DELETE, OPTIONS")
      }
      try await client.execute(uri: "/tmserver/en/id/unit/Bank%20Indonesia/rate", method: .options, headers: bearer) {
        response in
        #expect(response.headers[.allow] == "GET, HEAD, OPTIONS")
      }
      try await client.execute(uri: "/v1/nothing", method: .get, headers: bearer) { response in
        #expect(response.status == .notFound)
      }
    }
  }
}
