import Foundation
import Hummingbird
import Selaras

/// The memory's searches: `POST /v1/lookup` (segments against the memory, as `tm search` and
/// `pretranslate` score them) and `GET /v1/concordance` (units holding a phrase).
enum LookupRoutes {
  static func add(to router: Router<TeamContext>, memory: any TranslationMemory, blocking: StoreWork) {
    router.post("/v1/lookup") { request, context -> Response in
      try context.require(.read)
      let query = try await TeamServer.decode(LookupRequest.self, from: request)
      let (source, target) = try (TeamServer.language(query.sourceLang), TeamServer.language(query.targetLang))
      guard query.segments.count <= TeamServer.segmentLimit else {
        throw APIError(.contentTooLarge, "at most \(TeamServer.segmentLimit) segments a request")
      }
      let minimumScore = min(100, max(0, query.minScore ?? 70))
      let limit = min(50, max(1, query.limit ?? 5))
      let results = try await blocking.run { deadline in
        var results: [LookupResult] = []
        for segment in query.segments {
          results.append(
            LookupResult(
              matches: try await memory.lookup(
                segment, source: source, target: target, minimumScore: minimumScore, limit: limit, deadline: deadline)))
        }
        return results
      }
      return try ServerResponse.json(LookupResponse(results: results))
    }
    router.get("/v1/concordance") { request, context -> Response in
      try context.require(.read)
      guard let phrase = request.uri.queryParameters["q"].map(String.init), !phrase.isEmpty else {
        throw APIError(.badRequest, "the phrase is the q parameter")
      }
      let language = try TeamServer.language(request.uri.queryParameters["lang"].map(String.init) ?? "id")
      let limit = min(500, max(1, try wholeNumber(request, "limit") ?? 50))
      let units = try await blocking.run { try await memory.concordance(phrase, language: language, limit: limit) }
      return try ServerResponse.json(
        ConcordanceResponse(
          units: units.map { ConcordanceResponse.Unit(source: $0.source, target: $0.target, document: $0.document) }))
    }
  }
}
