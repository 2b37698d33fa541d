import Foundation
import Hummingbird
import Selaras

/// amaGama's read API, as Weblate's and Virtaal's tmserver clients and Pootle call it, under
/// both of amaGama's prefixes (`/tmserver` and `/api/v1`):
/// - `GET {prefix}/languages/`: `{"sourceLanguages":[…],"targetLanguages":[…]}`;
/// - `GET {prefix}/{src}/{tgt}/unit/{text}` and `…/unit/?source={text}` (Pootle's form):
///   `[{"source","target","quality","rank"}]`, `min_similarity` (70) and `max_candidates` (5, at
///   most 50) as amaGama takes them.
///
/// amaGama's statuses: a target language the memory does not hold is 200 `[]` (a client asks
/// before it knows); the same language on both sides or an unknown source language is 404. A
/// token comes as `Authorization: Bearer`, `?token=`, or HTTP Basic with the token as password
/// (what a client configured with `http://user:TOKEN@host/tmserver` sends). With `publicTM`
/// these routes need no token (amaGama's open behaviour) and answer `?jsoncallback=` as JSONP;
/// without it JSONP is refused, since it lets any web page read the answer.
enum AmaGamaRoutes {
  static let prefixes = ["/tmserver", "/api/v1"]

  /// Whether a request's path is one of these routes'.
  static func isAmaGama(_ path: String) -> Bool {
    prefixes.contains { path.hasPrefix($0 + "/") }
  }

  static func add(to router: Router<TeamContext>, memory: any TranslationMemory, blocking: StoreWork, publicTM: Bool) {
    for prefix in prefixes {
      router.get("\(prefix)/languages/") { request, context -> Response in
        try context.require(.read, publicAllowed: true)
        let pairs = try await blocking.run { try await memory.memoryStatistics() }.languagePairs.keys
        let sides = pairs.map { $0.components(separatedBy: "→") }.filter { $0.count == 2 }
        // Every pair can be read both ways.
        let languages = Set(sides.flatMap { $0 }).sorted()
        return try answer(
          AmaGamaLanguages(sourceLanguages: languages, targetLanguages: languages), request: request, publicTM: publicTM
        )
      }
      let lookup: @Sendable (Request, TeamContext, String?) async throws -> Response = { request, context, text in
        try context.require(.read, publicAllowed: true)
        let query = request.uri.queryParameters
        guard let text = text ?? query["source"].map(String.init), !text.isEmpty else {
          throw APIError(.notFound, "the text to look up follows /unit/ or comes as ?source=")
        }
        let source = LanguageTag(context.parameters.get("source") ?? "")
        let target = LanguageTag(context.parameters.get("target") ?? "")
        guard source == .english || source == .indonesian else {
          throw APIError(.notFound, "unknown source language '\(source)': id or en")
        }
        guard source != target else { throw APIError(.notFound, "source and target are both '\(source.language)'") }
        guard target == .english || target == .indonesian else {
          return try answer([AmaGamaUnit](), request: request, publicTM: publicTM)
        }
        let minimumScore = min(100, max(0, try wholeNumber(request, "min_similarity") ?? 70))
        let limit = min(50, max(1, try wholeNumber(request, "max_candidates") ?? 5))
        let matches = try await blocking.run { deadline in
          try await memory.lookup(
            LookupSegment(text: text), source: source, target: target, minimumScore: minimumScore, limit: limit,
            deadline: deadline)
        }
        let units = matches.enumerated().map { rank, match in
          AmaGamaUnit(source: match.source, target: match.target, quality: Double(match.score), rank: rank + 1)
        }
        return try answer(units, request: request, publicTM: publicTM)
      }
      router.get("\(prefix)/{source}/{target}/unit/**") { request, context -> Response in
        // The path arrives percent-encoded, as clients send it.
        let text = context.parameters.getCatchAll().map { $0.removingPercentEncoding ?? String($0) }
          .joined(separator: "/")
        return try await lookup(request, context, text.isEmpty ? nil : text)
      }
      router.get("\(prefix)/{source}/{target}/unit/") { request, context in try await lookup(request, context, nil) }
    }
  }

  /// JSON, or with `?jsoncallback=NAME` (a JavaScript identifier) on a public server,
  /// `NAME(JSON)` as JavaScript.
  private static func answer(_ value: some Encodable, request: Request, publicTM: Bool) throws -> Response {
    guard let callback = request.uri.queryParameters["jsoncallback"].map(String.init) else {
      return try ServerResponse.json(value)
    }
    guard publicTM else {
      throw APIError(.badRequest, "jsoncallback (JSONP) is answered only by a server started with --public-tm")
    }
    guard isIdentifier(callback) else {
      throw APIError(.badRequest, "jsoncallback must be a JavaScript identifier (letters, digits, _ and $)")
    }
    let body = callback + "(" + (try OrderedJSONEncoder().encode(value)) + ")"
    return Response(
      status: .ok,
      headers: [.contentType: "application/javascript; charset=utf-8", .init("X-Content-Type-Options")!: "nosniff"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
  }

  /// Letters, digits, `_` and `$`, not starting with a digit, at most 64 characters.
  static func isIdentifier(_ name: String) -> Bool {
    guard let first = name.utf8.first, name.utf8.count <= 64, !(0x30...0x39).contains(first) else { return false }
    return name.utf8.allSatisfy { byte in
      (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
        || byte == 0x24
    }
  }
}
