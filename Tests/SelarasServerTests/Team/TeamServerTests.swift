import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Selaras
import SelarasPostgres
import SelarasPostgresTestSupport
import SelarasServer
import SelarasStore
import SelarasTestSupport
import Synchronization
import Testing

@Suite("Team server")
struct TeamServerTests {
  /// The stores the server's routes are tried on: SQLite, and PostgreSQL when the tests have
  /// a server (scripts/test.sh starts one).
  enum Backend: String, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    var description: String { rawValue }

    static var all: [Backend] { PostgresTestServer.isAvailable ? allCases : [.sqlite] }

    func memory() async throws -> any TranslationMemory & GlossaryStore {
      switch self {
      case .sqlite: try SelarasDatabase(writer: DatabaseQueue())
      case .postgres: try await PostgresTestServer.memory()
      }
    }
  }

  /// A memory of the Corpora sentence pairs, each article's lines a document, and one token
  /// of each role.
  private struct Fixture {
    let memory: any TranslationMemory & GlossaryStore
    let tokens: AccessTokens
    let read: String
    let write: String
    let admin: String

    init(_ backend: Backend = .sqlite) async throws {
      memory = try await backend.memory()
      let units = Corpora.linePairs.enumerated().map { index, pair in
        TranslationUnit(
          sourceLanguage: .english, targetLanguage: .indonesian, source: pair.english, target: pair.indonesian,
          document: "corpora-\(index / 40)")
      }
      try await memory.addUnits(units)
      var tokens = AccessTokens()
      read = try tokens.create(name: "dewi", role: .read)
      write = try tokens.create(name: "budi", role: .write)
      admin = try tokens.create(name: "sari", role: .admin)
      self.tokens = tokens
    }

    var application: some ApplicationProtocol {
      Application(router: TeamServer.router(memory: memory, tokens: tokens))
    }
  }

  private struct Lookup: Decodable {
    struct Result: Decodable { var matches: [LookupMatch] }
    var results: [Result]
  }

  private static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

  private static func body(_ json: String) -> ByteBuffer { ByteBuffer(string: json) }

  private static func lookupBody(_ texts: [String], language: String = "en", target: String = "id", minScore: Int = 50)
    throws -> ByteBuffer
  {
    struct Body: Encodable {
      var sourceLang: String
      var targetLang: String
      var minScore: Int
      var limit: Int
      var segments: [LookupSegment]
    }
    let segments = texts.map { LookupSegment(text: $0) }
    let data = try JSONEncoder().encode(
      Body(sourceLang: language, targetLang: target, minScore: minScore, limit: 5, segments: segments))
    return ByteBuffer(data: data)
  }

  @Test(
    "POST /v1/lookup answers each segment, in order, with tm search's matches and scores, both ways",
    arguments: Backend.all)
  func lookupEqualsSearch(backend: Backend) async throws {
    let fixture = try await Fixture(backend)
    let pairs = Corpora.linePairs
    // Edited sentences (every third word dropped), so that the scores are fuzzy.
    func edited(_ text: String) -> String {
      text.split(separator: " ").enumerated().filter { ($0.offset + 1) % 3 != 0 }.map { String($0.element) }
        .joined(separator: " ")
    }
    let english = stride(from: 0, to: pairs.count, by: 11).map { edited(pairs[$0].english) }
    let indonesian = stride(from: 5, to: pairs.count, by: 13).map { edited(pairs[$0].indonesian) }
    #expect(english.count > 5 && indonesian.count > 5)
    try await fixture.application.test(.router) { client in
      for (texts, source, target) in [
        (english, LanguageTag.english, LanguageTag.indonesian), (indonesian, .indonesian, .english),
      ] {
        let response = try await client.execute(
          uri: "/v1/lookup", method: .post, headers: Self.bearer(fixture.read),
          body: try Self.lookupBody(texts, language: source.rawValue, target: target.rawValue))
        #expect(response.status == .ok)
        let results = try JSONDecoder().decode(Lookup.self, from: Data(buffer: response.body)).results
        #expect(results.count == texts.count)
        for (text, result) in zip(texts, results) {
          let expected = try await fixture.memory.search(
            text, options: MemorySearchOptions(language: source, minimumScore: 50, limit: 5))
          #expect(result.matches.map(\.score) == expected.map(\.score), "\(text)")
          #expect(result.matches.map(\.target) == expected.map(\.unit.target), "\(text)")
          #expect(result.matches.allSatisfy { $0.kind == ($0.score == 100 ? .exact : .fuzzy) })
        }
        #expect(results.contains { !$0.matches.isEmpty })
      }
    }
  }

  @Test(
    "A segment whose neighbours are the pairs stored around its exact match is a context match", arguments: Backend.all)
  func contextMatch(backend: Backend) async throws {
    let fixture = try await Fixture(backend)
    let pairs = Corpora.linePairs
    try await fixture.application.test(.router) { client in
      func kind(_ segment: LookupSegment) async throws -> LookupMatch.Kind? {
        struct Request: Encodable {
          var sourceLang = "en"
          var targetLang = "id"
          var segments: [LookupSegment]
        }
        let response = try await client.execute(
          uri: "/v1/lookup", method: .post, headers: Self.bearer(fixture.read),
          body: ByteBuffer(data: try JSONEncoder().encode(Request(segments: [segment]))))
        return try JSONDecoder().decode(Lookup.self, from: Data(buffer: response.body)).results.first?.matches.first?
          .kind
      }
      let inPlace = try await kind(
        LookupSegment(text: pairs[11].english, previous: pairs[10].english, next: pairs[12].english))
      let alone = try await kind(LookupSegment(text: pairs[11].english))
      // Neighbours out of order are no context.
      let moved = try await kind(LookupSegment(text: pairs[11].english, previous: pairs[12].english))
      #expect(inPlace == .context)
      #expect(alone == .exact)
      #expect(moved == .exact)
    }
  }

  @Test(
    "Tokens: none is 401, a read token writing or a write token deleting is 403; units carry their author",
    arguments: Backend.all)
  func roles(backend: Backend) async throws {
    let fixture = try await Fixture(backend)
    let unit =
      #"{"units":[{"sourceLang":"en","targetLang":"id","source":"The rupiah rose 0.4%.","target":"Rupiah menguat 0,4%.","document":"fx"}]}"#
    try await fixture.application.test(.router) { client in
      #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
      #expect(try await client.execute(uri: "/v1/stats", method: .get).status == .unauthorized)
      #expect(
        try await client.execute(uri: "/v1/stats", method: .get, headers: Self.bearer("guess")).status == .unauthorized)
      // ?token= is for amaGama's clients only.
      #expect(try await client.execute(uri: "/v1/stats?token=\(fixture.read)", method: .get).status == .unauthorized)
      #expect(
        try await client.execute(uri: "/v1/stats", method: .get, headers: Self.bearer(fixture.read)).status == .ok)
      let refused = try await client.execute(
        uri: "/v1/units", method: .post, headers: Self.bearer(fixture.read), body: Self.body(unit))
      #expect(refused.status == .forbidden)
      #expect(String(buffer: refused.body).contains("\"error\""))
      let added = try await client.execute(
        uri: "/v1/units", method: .post, headers: Self.bearer(fixture.write), body: Self.body(unit))
      #expect(String(buffer: added.body) == #"{"added":1,"duplicates":0}"#)
      let again = try await client.execute(
        uri: "/v1/units", method: .post, headers: Self.bearer(fixture.admin), body: Self.body(unit))
      #expect(String(buffer: again.body) == #"{"added":0,"duplicates":1}"#)
      let found = try await client.execute(
        uri: "/v1/lookup", method: .post, headers: Self.bearer(fixture.read),
        body: try Self.lookupBody(["The rupiah rose 0.4%."]))
      let match = try #require(
        try JSONDecoder().decode(Lookup.self, from: Data(buffer: found.body)).results.first?.matches.first)
      #expect(match.score == 100 && match.origin.author == "budi" && match.origin.document == "fx")
      let id = try #require(match.id)
      #expect(
        try await client.execute(uri: "/v1/units/\(id)", method: .delete, headers: Self.bearer(fixture.write)).status
          == .forbidden)
      #expect(
        try await client.execute(uri: "/v1/units/\(id)", method: .delete, headers: Self.bearer(fixture.admin)).status
          == .ok)
      #expect(
        try await client.execute(uri: "/v1/units/\(id)", method: .delete, headers: Self.bearer(fixture.admin)).status
          == .notFound)
      #expect(try await fixture.memory.searchUnits("The rupiah rose 0.4%.", language: .english).isEmpty)
    }
  }

  @Test(
    "Bad requests: not JSON, an unknown language, an empty text, too many segments, an oversize body",
    arguments: Backend.all)
  func badRequests(backend: Backend) async throws {
    let fixture = try await Fixture(backend)
    try await fixture.application.test(.router) { client in
      func post(_ path: String, _ body: ByteBuffer, token: String? = nil) async throws -> TestResponse {
        try await client.execute(uri: path, method: .post, headers: Self.bearer(token ?? fixture.write), body: body)
      }
      #expect(try await post("/v1/lookup", Self.body("not json")).status == .badRequest)
      #expect(try await post("/v1/lookup", try Self.lookupBody(["Hello."], language: "fr")).status == .badRequest)
      #expect(
        try await post(
          "/v1/units", Self.body(#"{"units":[{"sourceLang":"en","targetLang":"id","source":" ","target":"x"}]}"#)
        )
        .status == .unprocessableContent)
      for unit in [
        #"{"units":[{"sourceLang":"en","targetLang":"id","source":"Stocks\u0001\u0002","target":"x"}]}"#,
        #"{"units":[{"sourceLang":"en","targetLang":"en","source":"Stocks rose.","target":"Shares rose."}]}"#,
      ] {
        let refused = try await post("/v1/units", Self.body(unit))
        #expect(refused.status == .unprocessableContent, "\(String(buffer: refused.body))")
        #expect(String(buffer: refused.body).contains("unit 0:"))
      }
      let many = try Self.lookupBody(Array(repeating: "Stocks rose.", count: TeamServer.segmentLimit + 1))
      #expect(try await post("/v1/lookup", many).status == .contentTooLarge)
      let huge = Self.body(String(repeating: " ", count: TeamServer.bodyLimit + 1))
      #expect(try await post("/v1/lookup", huge).status == .contentTooLarge)
      #expect(
        try await client.execute(uri: "/v1/concordance", method: .get, headers: Self.bearer(fixture.read)).status
          == .badRequest)
      #expect(try await fixture.memory.memoryStatistics().units == Corpora.linePairs.count)
    }
  }

  @Test(
    "amaGama's routes: languages, and a unit lookup with its text in the path and the token in the query",
    arguments: Backend.all)
  func amaGama(backend: Backend) async throws {
    let fixture = try await Fixture(backend)
    let pair = Corpora.linePairs[3]
    try await fixture.application.test(.router) { client in
      let languages = try await client.execute(uri: "/tmserver/languages/?token=\(fixture.read)", method: .get)
      #expect(String(buffer: languages.body) == #"{"sourceLanguages":["en","id"],"targetLanguages":["en","id"]}"#)
      let path = pair.indonesian.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
      let response = try await client.execute(uri: "/tmserver/id/en/unit/\(path)?token=\(fixture.read)", method: .get)
      #expect(response.status == .ok)
      struct Unit: Decodable {
        var source: String
        var target: String
        var quality: Double
        var rank: Int
      }
      let units = try JSONDecoder().decode([Unit].self, from: Data(buffer: response.body))
      #expect(units.first?.source == pair.indonesian && units.first?.target == pair.english)
      #expect(units.first?.quality == 100 && units.first?.rank == 1)
      #expect(try await client.execute(uri: "/tmserver/id/en/unit/\(path)", method: .get).status == .unauthorized)
    }
  }

  @Test(
    "amaGama's protocol at its edges: both prefixes, HTTP Basic, ?source=, its statuses, max_candidates, no JSONP without --public-tm"
  )
  func amaGamaEdges() async throws {
    let fixture = try await Fixture()
    let pair = Corpora.linePairs[5]
    let basic = "Basic " + Data("weblate:\(fixture.read)".utf8).base64EncodedString()
    let auth: HTTPFields = [.authorization: basic, .accept: "application/json; charset=utf-8"]
    try await fixture.application.test(.router) { client in
      func get(_ uri: String, _ headers: HTTPFields = auth) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: headers)
      }
      // Weblate's settings check, as its TMServerTranslation sends it: languages, then en→de.
      for prefix in ["/tmserver", "/api/v1"] {
        let languages = try await get("\(prefix)/languages/")
        #expect(languages.status == .ok)
        #expect(String(buffer: languages.body) == #"{"sourceLanguages":["en","id"],"targetLanguages":["en","id"]}"#)
        let german = try await get("\(prefix)/en/de/unit/test")
        #expect(german.status == .ok && String(buffer: german.body) == "[]")
        // A lookup as Weblate quotes it (every reserved character escaped, "/" as %2F).
        let quoted = pair.english.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let hit = try await get("\(prefix)/en_US/ID/unit/\(quoted)")
        #expect(hit.status == .ok)
        #expect(String(buffer: hit.body).contains(#""quality":100"#))
        // Pootle's form: the text in ?source=.
        let pootle = try await get("\(prefix)/en/id/unit/?source=\(quoted)")
        #expect(String(buffer: pootle.body) == String(buffer: hit.body))
        #expect(try await get("\(prefix)/en/id/unit/").status == .notFound)
        #expect(try await get("\(prefix)/en/en/unit/File").status == .notFound)
        #expect(try await get("\(prefix)/xx/en/unit/File").status == .notFound)
        #expect(try await get("\(prefix)/en/id/unit/\(quoted)?jsoncallback=cb").status == .badRequest)
        #expect(try await get("\(prefix)/en/id/unit/\(quoted)", [:]).status == .unauthorized)
        let wrongPassword = "Basic " + Data("weblate:nope".utf8).base64EncodedString()
        #expect(try await get("\(prefix)/languages/", [.authorization: wrongPassword]).status == .unauthorized)
      }
      // max_candidates is capped at 50, as amaGama caps it.
      let many = try await get("/tmserver/en/id/unit/?source=the&min_similarity=0&max_candidates=100")
      #expect(try JSONSerialization.jsonObject(with: Data(buffer: many.body)) is [Any])
      #expect((try JSONSerialization.jsonObject(with: Data(buffer: many.body)) as? [Any])?.count ?? 51 <= 50)
      // Basic credentials are for the amaGama routes only.
      #expect(try await client.execute(uri: "/v1/stats", method: .get, headers: auth).status == .unauthorized)
    }
  }

  @Test(
    "--public-tm: amaGama's reads need no token and answer JSONP to a checked callback; every other route still does")
  func publicTM() async throws {
    let fixture = try await Fixture()
    let pair = Corpora.linePairs[5]
    let app = Application(router: TeamServer.router(memory: fixture.memory, tokens: fixture.tokens, publicTM: true))
    try await app.test(.router) { client in
      let quoted = pair.english.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
      let open = try await client.execute(uri: "/api/v1/en/id/unit/\(quoted)", method: .get)
      #expect(open.status == .ok && String(buffer: open.body).contains(#""quality":100"#))
      let jsonp = try await client.execute(uri: "/tmserver/en/id/unit/\(quoted)?jsoncallback=xyz123456", method: .get)
      #expect(jsonp.status == .ok)
      #expect(String(buffer: jsonp.body).hasPrefix("xyz123456([{") && String(buffer: jsonp.body).hasSuffix("])"))
      #expect(jsonp.headers[.contentType]?.hasPrefix("application/javascript") == true)
      let hostile = try await client.execute(uri: "/tmserver/languages/?jsoncallback=alert(1)//", method: .get)
      #expect(hostile.status == .badRequest)
      #expect(try await client.execute(uri: "/v1/stats", method: .get).status == .unauthorized)
      let lookup = try Self.lookupBody(["Stocks rose."])
      #expect(try await client.execute(uri: "/v1/lookup", method: .post, body: lookup).status == .unauthorized)
    }
  }

  @Test("GET /v1/export.tmx streams every unit as TMX; ?since= only those changed after", arguments: Backend.all)
  func export(backend: Backend) async throws {
    let fixture = try await Fixture(backend)
    let later = Date().addingTimeInterval(3600)
    var late = TranslationUnit(
      sourceLanguage: .english, targetLanguage: .indonesian, source: "The rupiah rose 0.4%.",
      target: "Rupiah menguat 0,4%.")
    late.creationDate = later.addingTimeInterval(60)
    try await fixture.memory.addUnits([late])
    try await fixture.application.test(.router) { client in
      let whole = try await client.execute(uri: "/v1/export.tmx", method: .get, headers: Self.bearer(fixture.read))
      #expect(whole.status == .ok)
      let text = String(buffer: whole.body)
      #expect(text.hasPrefix("<?xml") && text.hasSuffix("</tmx>\n"))
      #expect(text.components(separatedBy: "<tu ").count - 1 == Corpora.linePairs.count + 1)
      #expect(text.contains("<seg>Rupiah menguat 0,4%.</seg>"))
      let since = ISO8601DateFormatter().string(from: later)
      let recent = try await client.execute(
        uri: "/v1/export.tmx?since=\(since)", method: .get, headers: Self.bearer(fixture.read))
      let recentText = String(buffer: recent.body)
      #expect(recentText.components(separatedBy: "<tu ").count - 1 == 1, "\(recentText.prefix(600))")
      #expect(
        try await client.execute(
          uri: "/v1/export.tmx?since=yesterday", method: .get, headers: Self.bearer(fixture.read)
        ).status == .badRequest)
      // The ETag: the same memory again is 304; a unit more, a new tag.
      let tag = try #require(whole.headers[.eTag])
      var again = Self.bearer(fixture.read)
      again[.ifNoneMatch] = tag
      #expect(try await client.execute(uri: "/v1/export.tmx", method: .get, headers: again).status == .notModified)
      try await fixture.memory.addUnits([
        TranslationUnit(
          sourceLanguage: .english, targetLanguage: .indonesian, source: "Bonds fell.", target: "Obligasi turun.")
      ])
      let changed = try await client.execute(uri: "/v1/export.tmx", method: .get, headers: again)
      #expect(changed.status == .ok && changed.headers[.eTag] != tag)
    }
  }

  @Test("GET /metrics counts requests and their time by route and status, and the units", arguments: Backend.all)
  func metrics(backend: Backend) async throws {
    let fixture = try await Fixture(backend)
    try await fixture.application.test(.router) { client in
      for _ in 0..<3 {
        _ = try await client.execute(uri: "/v1/stats", method: .get, headers: Self.bearer(fixture.read))
      }
      _ = try await client.execute(uri: "/v1/stats", method: .get)
      _ = try await client.execute(uri: "/v1/units/12", method: .delete, headers: Self.bearer(fixture.read))
      _ = try await client.execute(uri: "/v1/no-such-route", method: .get, headers: Self.bearer(fixture.read))
      let text = String(
        buffer: try await client.execute(uri: "/metrics", method: .get, headers: Self.bearer(fixture.read)).body)
      #expect(text.contains(#"selaras_requests_total{route="/v1/stats",status="200"} 3"#), "\(text)")
      #expect(text.contains(#"selaras_requests_total{route="/v1/stats",status="401"} 1"#))
      #expect(text.contains(#"selaras_requests_total{route="/v1/units/{id}",status="403"} 1"#))
      #expect(text.contains("selaras_units \(Corpora.linePairs.count)"))
      // The time spent, as a histogram of seconds; a path no route has is counted as "other".
      #expect(text.contains(#"selaras_request_seconds_count{route="/v1/stats",status="200"} 3"#))
      #expect(text.contains(#"selaras_request_seconds_bucket{route="/v1/stats",status="200",le="+Inf"} 3"#))
      #expect(text.contains(#"selaras_requests_total{route="other",status="404"} 1"#), "\(text)")
    }
  }

  @Test(
    "POST /v1/imports stores a TMX as a job; a hostile or malformed file fails and stores nothing; read tokens may not import",
    arguments: Backend.all)
  func imports(backend: Backend) async throws {
    let fixture = try await Fixture(backend)
    let before = try await fixture.memory.memoryStatistics().units
    let writer = TMXWriter(sourceLanguage: .english, targetLanguage: .indonesian)
    var tmx = Array(writer.header().utf8)
    for number in 0..<300 {
      writer.append(
        TranslationUnit(
          sourceLanguage: .english, targetLanguage: .indonesian, source: "Exports rose \(number) percent in May.",
          target: "Ekspor naik \(number) persen pada Mei."), to: &tmx)
    }
    tmx += Array(writer.footer().utf8)
    let good = String(decoding: tmx, as: UTF8.self)
    let entities = """
      <?xml version="1.0"?>
      <!DOCTYPE tmx [<!ENTITY a "rupiah rupiah rupiah"><!ENTITY b "&a;&a;&a;&a;">]>
      <tmx version="1.4"><header srclang="en" adminlang="en" segtype="sentence" datatype="plaintext" o-tmf="x" creationtool="x" creationtoolversion="1"/>
      <body><tu><tuv xml:lang="en"><seg>Safe.</seg></tuv><tuv xml:lang="id"><seg>Aman.</seg></tuv></tu>
      <tu><tuv xml:lang="en"><seg>&b;</seg></tuv><tuv xml:lang="id"><seg>x</seg></tuv></tu></body></tmx>
      """
    // Well-formed units, then the file breaks off.
    let truncated = String(good.prefix(good.count / 2))
    try await fixture.application.test(.router) { client in
      func run(_ body: String, token: String) async throws -> (status: HTTPResponse.Status, job: [String: String]) {
        let posted = try await client.execute(
          uri: "/v1/imports", method: .post, headers: Self.bearer(token), body: ByteBuffer(string: body))
        guard posted.status == .accepted else { return (posted.status, [:]) }
        let job = try JSONDecoder().decode([String: String].self, from: Data(buffer: posted.body))["job"] ?? ""
        for _ in 0..<200 {
          let answer = try await client.execute(uri: job, method: .get, headers: Self.bearer(token))
          let fields = (try JSONSerialization.jsonObject(with: Data(buffer: answer.body)) as? [String: Any]) ?? [:]
          if fields["state"] as? String != "running" { return (posted.status, fields.mapValues { "\($0)" }) }
          try await Task.sleep(for: .milliseconds(25))
        }
        return (posted.status, ["state": "timeout"])
      }
      #expect(try await run(good, token: fixture.read).status == .forbidden)
      for bad in [entities, truncated, "just some text, not a memory"] {
        let (status, job) = try await run(bad, token: fixture.write)
        #expect(status == .accepted)
        #expect(job["state"] == "failed" && job["error"] != "<null>", "\(job)")
        // The error speaks of the upload, not of where the server keeps it.
        #expect(job["error"]?.contains("selaras-import-") == false, "\(job)")
        #expect(try await fixture.memory.memoryStatistics().units == before)
      }
      let (status, job) = try await run(good, token: fixture.write)
      #expect(status == .accepted && job["state"] == "done" && job["units"] == "300", "\(job)")
      // The same file in UTF-16, as `tm import` takes it: all 300 already there.
      let utf16 = good.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
      let posted = try await client.execute(
        uri: "/v1/imports", method: .post, headers: Self.bearer(fixture.write),
        body: ByteBuffer(data: try #require(utf16.data(using: .utf16))))
      #expect(posted.status == .accepted, "\(String(buffer: posted.body))")
      let path = try JSONDecoder().decode([String: String].self, from: Data(buffer: posted.body))["job"] ?? ""
      var state = ""
      for _ in 0..<200 where state == "" || state.contains("running") {
        try await Task.sleep(for: .milliseconds(25))
        state = String(
          buffer: try await client.execute(uri: path, method: .get, headers: Self.bearer(fixture.write)).body)
      }
      #expect(state.contains(#""state":"done""#) && state.contains(#""duplicates":300"#), "\(state)")
      let found = try await fixture.memory.searchUnits("Exports rose 17 percent in May.", language: .english)
      #expect(found.first?.score == 100 && found.first?.unit.user == "budi")
      #expect(
        try await client.execute(uri: "/v1/imports/99", method: .get, headers: Self.bearer(fixture.read)).status
          == .notFound)
      let unknown = "/v1/imports/\(UUID())"
      #expect(
        try await client.execute(uri: unknown, method: .get, headers: Self.bearer(fixture.read)).status == .notFound)
    }
  }

  @Test(
    "Glossary routes: entries added with a write token, found by lookup (store first) and scan, exported as TBX",
    arguments: Backend.all)
  func glossary(backend: Backend) async throws {
    let fixture = try await Fixture(backend)
    let shipped = [
      TermEntry(terms: [Term("rupiah", language: .indonesian), Term("rupiah", language: .english)]),
      TermEntry(terms: [
        Term("Kementerian Luar Negeri", language: .indonesian), Term("Foreign Ministry", language: .english),
      ]),
    ]
    let glossary = TeamGlossary(store: fixture.memory, shipped: shipped, morphology: IndonesianMorphology())
    let app = Application(router: TeamServer.router(memory: fixture.memory, glossary: glossary, tokens: fixture.tokens))
    let entry =
      #"{"entries":[{"terms":[{"text":"Kemenlu","lang":"id"},{"text":"Kementerian Luar Negeri","lang":"id","status":"admitted"},{"text":"Foreign Ministry","lang":"en"}],"note":"newsroom style"}]}"#
    try await app.test(.router) { client in
      #expect(
        try await client.execute(
          uri: "/v1/glossary/entries", method: .post, headers: Self.bearer(fixture.read), body: Self.body(entry)
        ).status == .forbidden)
      for refused in [
        #"{"entries":[{"terms":[{"text":"\u0001\u0002","lang":"id"},{"text":"x","lang":"en"}]}]}"#,
        #"{"entries":[{"terms":[{"text":"bourse","lang":"fr"},{"text":"stock exchange","lang":"en"}]}]}"#,
      ] {
        let answer = try await client.execute(
          uri: "/v1/glossary/entries", method: .post, headers: Self.bearer(fixture.write), body: Self.body(refused))
        #expect([.unprocessableContent, .badRequest].contains(answer.status), "\(String(buffer: answer.body))")
      }
      let added = try await client.execute(
        uri: "/v1/glossary/entries", method: .post, headers: Self.bearer(fixture.write), body: Self.body(entry))
      #expect(String(buffer: added.body) == #"{"added":1,"extended":0,"unchanged":0}"#)
      struct Lookup: Decodable {
        struct Entry: Decodable {
          struct Term: Decodable { var text: String; var lang: String; var status: String }
          var terms: [Term]
          var note: String?
          var origin: String
        }
        var entries: [Entry]
      }
      let found = try await client.execute(
        uri: "/v1/glossary/lookup?term=Kementerian%20Luar%20Negeri&lang=id", method: .get,
        headers: Self.bearer(fixture.read))
      let entries = try JSONDecoder().decode(Lookup.self, from: Data(buffer: found.body)).entries
      #expect(entries.map(\.origin) == ["store", "shipped"], "\(String(buffer: found.body))")
      #expect(entries.first?.terms.first?.text == "Kemenlu" && entries.first?.note == "newsroom style")
      let none = try await client.execute(
        uri: "/v1/glossary/lookup?term=zzz", method: .get, headers: Self.bearer(fixture.read))
      #expect(String(buffer: none.body) == #"{"query":"zzz","entries":[]}"#)
      let text = "Kemenlu menyebut rupiah melemah."
      let scanned = try await client.execute(
        uri: "/v1/glossary/scan?lang=id", method: .post, headers: Self.bearer(fixture.read), body: Self.body(text))
      let answer = String(buffer: scanned.body)
      #expect(
        answer.contains(
          #"{"start":0,"end":7,"text":"Kemenlu","term":"Kemenlu","translation":"Foreign Ministry","origin":"store"}"#),
        "\(answer)")
      #expect(answer.contains(#""term":"rupiah""#))
      let tbx = String(
        buffer: try await client.execute(
          uri: "/v1/glossary/export.tbx", method: .get, headers: Self.bearer(fixture.read)
        ).body)
      #expect(tbx.hasPrefix("<?xml") && tbx.contains("Kemenlu") && !tbx.contains("rupiah"))
    }
  }

  @Test(
    "The glossary a server answers from is the store's as it is now: entries added through another server, or straight into the store, are found at the next request",
    arguments: Backend.all)
  func glossaryFreshness(backend: Backend) async throws {
    let fixture = try await Fixture()
    // Two handles on one store, as two processes have.
    let (first, second): (any GlossaryStore, any GlossaryStore)
    var file: URL?
    switch backend {
    case .sqlite:
      let url = TemporaryFile.url("sqlite")
      file = url
      (first, second) = (try SelarasDatabase(url: url), try SelarasDatabase(url: url))
    case .postgres:
      let url = try await PostgresTestServer.databaseURL()
      (first, second) = (try await PostgresMemory(url: url), try await PostgresMemory(url: url))
    }
    defer { if let file { TemporaryFile.removeDatabase(file) } }
    @Sendable func server(_ store: any GlossaryStore) -> some ApplicationProtocol {
      let glossary = TeamGlossary(store: store, shipped: [], morphology: IndonesianMorphology())
      return Application(router: TeamServer.router(memory: fixture.memory, glossary: glossary, tokens: fixture.tokens))
    }
    @Sendable func found(_ client: some TestClientProtocol, _ term: String) async throws -> String {
      let answer = try await client.execute(
        uri: "/v1/glossary/lookup?term=\(term)&lang=id", method: .get, headers: Self.bearer(fixture.read))
      #expect(answer.status == .ok)
      return String(buffer: answer.body)
    }
    try await server(first).test(.router) { a in
      try await server(second).test(.router) { b in
        // Both have built their glossary before the change.
        #expect(try await found(a, "Kemenlu").contains(#""entries":[]"#))
        #expect(try await found(b, "Kemenlu").contains(#""entries":[]"#))
        let entry = #"{"entries":[{"terms":[{"text":"Kemenlu","lang":"id"},{"text":"Foreign Ministry","lang":"en"}]}]}"#
        let added = try await a.execute(
          uri: "/v1/glossary/entries", method: .post, headers: Self.bearer(fixture.write), body: Self.body(entry))
        #expect(added.status == .ok)
        #expect(try await found(b, "Kemenlu").contains("Foreign Ministry"))
        let scanned = try await b.execute(
          uri: "/v1/glossary/scan?lang=id", method: .post, headers: Self.bearer(fixture.read),
          body: Self.body("Kemenlu membantah."))
        #expect(String(buffer: scanned.body).contains("Foreign Ministry"))
        // Added by another process straight into the store (`selaras glossary add` on the file).
        try await second.addGlossaryEntries(
          [TermEntry(terms: [Term("Kemenkeu", language: .indonesian), Term("Finance Ministry", language: .english)])],
          source: "test")
        #expect(try await found(a, "Kemenkeu").contains("Finance Ministry"))
      }
    }
  }

  /// A store's call held until opened, or cancelled; whether one was cancelled.
  private final class StoreGate: Sendable {
    private let state = Mutex((open: false, cancelled: false))
    func open() { state.withLock { $0.open = true } }
    var cancelled: Bool { state.withLock { $0.cancelled } }

    /// Waits until opened, or 10 s, so that a server without the timeout answers 200 late
    /// instead of hanging the test; throws when the task is cancelled.
    func pass() async throws {
      for _ in 0..<1000 where !state.withLock({ $0.open }) {
        do {
          try await Task.sleep(for: .milliseconds(10))
        } catch {
          state.withLock { $0.cancelled = true }
          throw error
        }
      }
    }
  }

  /// A glossary store that answers only when let through (`gate`), or fails.
  private struct TroubledGlossary: GlossaryStore {
    let gate: StoreGate
    let fails: Bool

    struct Unreachable: Error {}

    func glossaryEntries() throws -> [TermEntry] { [] }
    func addGlossaryEntries(_ entries: [TermEntry], source: String?, date: Date) async throws
      -> GlossaryImportSummary
    {
      try await gate.pass()
      return GlossaryImportSummary(added: entries.count)
    }
    func glossaryVersion() throws -> Int64 {
      if fails { throw Unreachable() }
      return 0
    }
    func replaceGlossaryEntries(
      holding term: String, language: LanguageTag?, with entries: [TermEntry], source: String?, date: Date
    ) async throws -> GlossaryReplacement {
      GlossaryReplacement(removed: [], added: try await addGlossaryEntries(entries, source: source, date: date))
    }
  }

  @Test(
    "The glossary's routes answer 503 as the memory's do: a store that fails, or that does not answer within the timeout"
  )
  func troubledGlossary() async throws {
    let fixture = try await Fixture()
    let gate = StoreGate()
    for fails in [false, true] {
      let glossary = TeamGlossary(
        store: TroubledGlossary(gate: gate, fails: fails), shipped: [], morphology: IndonesianMorphology())
      let app = Application(
        router: TeamServer.router(
          memory: fixture.memory, glossary: glossary, tokens: fixture.tokens, timeout: .seconds(2)))
      try await app.test(.router) { client in
        if fails {
          let lookup = try await client.execute(
            uri: "/v1/glossary/lookup?term=rupiah", method: .get, headers: Self.bearer(fixture.read))
          #expect(lookup.status == .serviceUnavailable && !String(buffer: lookup.body).contains("Unreachable"))
        } else {
          let entry =
            #"{"entries":[{"terms":[{"text":"Kemenlu","lang":"id"},{"text":"Foreign Ministry","lang":"en"}]}]}"#
          let added = try await client.execute(
            uri: "/v1/glossary/entries", method: .post, headers: Self.bearer(fixture.write), body: Self.body(entry))
          #expect(added.status == .serviceUnavailable && String(buffer: added.body).contains("no answer within"))
          gate.open()
        }
        #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
      }
    }
  }

  @Test(
    "Errors are JSON a client can act on: an oversize body, a route that does not exist, a body that does not decode; HEAD and OPTIONS are answered"
  )
  func errorShapes() async throws {
    let fixture = try await Fixture()
    try await fixture.application.test(.router) { client in
      func error(_ response: TestResponse) throws -> String {
        let fields = try JSONDecoder().decode([String: String].self, from: Data(buffer: response.body))
        return try #require(fields["error"])
      }
      let huge = try await client.execute(
        uri: "/v1/lookup", method: .post, headers: Self.bearer(fixture.read),
        body: Self.body(String(repeating: " ", count: TeamServer.bodyLimit + 1)))
      #expect(huge.status == .contentTooLarge)
      #expect(try error(huge).contains("at most \(TeamServer.bodyLimit) bytes"))
      let nowhere = try await client.execute(uri: "/v1/nowhere", method: .get, headers: Self.bearer(fixture.read))
      #expect(nowhere.status == .notFound)
      #expect(try !error(nowhere).isEmpty)
      for (body, expected) in [
        (#"{"sourceLang":"en","segments":[]}"#, "targetLang is missing"),
        (#"{"sourceLang":"en","targetLang":"id","segments":[{"text":5}]}"#, "segments[0].text should be a string"),
        ("{", "not JSON"),
      ] {
        let answer = try await client.execute(
          uri: "/v1/lookup", method: .post, headers: Self.bearer(fixture.read), body: Self.body(body))
        #expect(answer.status == .badRequest)
        let message = try error(answer)
        #expect(message.contains(expected), "\(message)")
        for word in ["CodingKeys", "DecodingError", "Swift."] { #expect(!message.contains(word), "\(message)") }
      }
      let head = try await client.execute(uri: "/healthz", method: .head)
      #expect(head.status == .ok && head.body.readableBytes == 0)
      #expect(
        try await client.execute(uri: "/v1/stats", method: .head, headers: Self.bearer(fixture.read)).status == .ok)
      var twoHosts = Self.bearer(fixture.read)
      twoHosts.append(HTTPField(name: HTTPField.Name("Host")!, value: "evil.example"))
      #expect(try await client.execute(uri: "/v1/stats", method: .get, headers: twoHosts).status == .badRequest)
      let stats = try await client.execute(uri: "/v1/stats", method: .get, headers: Self.bearer(fixture.read))
      #expect(
        String(buffer: stats.body).hasPrefix(#"{"units":"#)
          && String(buffer: stats.body).contains(#""pairs":{"en→id":"#))
      let options = try await client.execute(uri: "/v1/lookup", method: .options)
      #expect(options.status == .noContent && options.headers[.allow]?.contains("POST") == true)
    }
  }

  /// A memory whose search answers only when let through (`gate`), or fails, as a busy or unreachable
  /// backend would.
  private struct TroubledMemory: TranslationMemory {
    let memory: any TranslationMemory
    let gate: StoreGate
    let fails: Bool

    struct Unreachable: Error {}

    func addUnits(_ units: some Sequence<TranslationUnit>, date: Date) async throws -> MemoryImportSummary {
      try await memory.addUnits(units, date: date)
    }
    func importUnits<Output: Sendable>(
      date: Date, concurrently produce: @escaping @Sendable (_ add: (TranslationUnit) throws -> Void) throws -> Output
    ) async throws -> (summary: MemoryImportSummary, output: Output) {
      if fails { throw Unreachable() }
      return try await memory.importUnits(date: date, concurrently: produce)
    }
    func search(_ text: String, options: MemorySearchOptions) async throws -> [MemoryMatch] {
      try await gate.pass()
      return try await memory.search(text, options: options)
    }
    func concordance(_ phrase: String, language: LanguageTag, limit: Int) async throws -> [StoredUnit] {
      try await memory.concordance(phrase, language: language, limit: limit)
    }
    func forEachUnit(_ body: (TranslationUnit) async throws -> Void) async throws {
      try await memory.forEachUnit(body)
    }
    func deleteUnits(ids: [Int64]) async throws -> [StoredUnit] { try await memory.deleteUnits(ids: ids) }
    func deleteUnits(document: String) async throws -> [StoredUnit] {
      try await memory.deleteUnits(document: document)
    }
    func memoryStatistics() async throws -> MemoryStatistics {
      if fails { throw Unreachable() }
      return try await memory.memoryStatistics()
    }
  }

  @Test("A memory that fails or answers too slowly is 503, and the server goes on serving")
  func troubledMemory() async throws {
    let fixture = try await Fixture()
    let gate = StoreGate()
    let slow = TroubledMemory(memory: fixture.memory, gate: gate, fails: true)
    let reported = Mutex<[String]>([])
    let app = Application(
      router: TeamServer.router(
        memory: slow, tokens: fixture.tokens, timeout: .seconds(2),
        report: { line in reported.withLock { $0.append(line) } }))
    try await app.test(.router) { client in
      // The search is held until the answer is in: the 503 came from the timeout, which
      // cancelled the search.
      let lookup = try await client.execute(
        uri: "/v1/lookup", method: .post, headers: Self.bearer(fixture.read),
        body: try Self.lookupBody(["Stocks rose."]))
      #expect(lookup.status == .serviceUnavailable)
      #expect(String(buffer: lookup.body).contains("no answer within"))
      for _ in 0..<1000 where !gate.cancelled { try await Task.sleep(for: .milliseconds(10)) }
      #expect(gate.cancelled)
      gate.open()
      let stats = try await client.execute(uri: "/v1/stats", method: .get, headers: Self.bearer(fixture.read))
      // The client is told to retry; what failed is the operator's to read.
      #expect(stats.status == .serviceUnavailable && String(buffer: stats.body).contains("the store is unavailable"))
      #expect(!String(buffer: stats.body).contains("Unreachable"))
      #expect(reported.withLock { $0 }.contains { $0.contains("Unreachable") })
      let concordance = try await client.execute(
        uri: "/v1/concordance?q=rupiah&lang=en", method: .get, headers: Self.bearer(fixture.read))
      #expect(concordance.status == .ok)
      // An import the store fails: the job says so, and only the operator reads why.
      let tmx = """
        <?xml version="1.0"?><tmx version="1.4"><header srclang="en" adminlang="en" segtype="sentence" datatype="plaintext" \
        o-tmf="x" creationtool="x" creationtoolversion="1"/><body><tu><tuv xml:lang="en"><seg>Stocks rose.</seg></tuv>\
        <tuv xml:lang="id"><seg>Saham naik.</seg></tuv></tu></body></tmx>
        """
      let posted = try await client.execute(
        uri: "/v1/imports", method: .post, headers: Self.bearer(fixture.write), body: ByteBuffer(string: tmx))
      let job = try JSONDecoder().decode([String: String].self, from: Data(buffer: posted.body))["job"] ?? ""
      var state = ""
      for _ in 0..<200 where state == "" || state.contains("running") {
        try await Task.sleep(for: .milliseconds(25))
        state = String(
          buffer: try await client.execute(uri: job, method: .get, headers: Self.bearer(fixture.write)).body)
      }
      #expect(
        state.contains(#""state":"failed""#) && state.contains("try again") && !state.contains("Unreachable"),
        "\(state)")
      #expect(reported.withLock { $0 }.contains { $0.hasPrefix("an import failed") && $0.contains("Unreachable") })
    }
  }

  @Test(
    "On PostgreSQL: while the database is gone lookups are 503, and once it is back the server answers again",
    .enabled(if: PostgresTestServer.isAvailable, "SELARAS_TEST_POSTGRES names no server"))
  func postgresGoneAndBack() async throws {
    let fixture = try await Fixture()
    let url = try await PostgresTestServer.databaseURL()
    let admin = try #require(PostgresTestServer.url)
    let name = PostgresScratchDatabase.name(of: url)
    let memory = try await PostgresMemory(url: url)
    var units: [TranslationUnit] = []
    try await fixture.memory.forEachUnit { units.append($0) }
    try await memory.addUnits(units)
    let query = units[5].source
    let app = Application(router: TeamServer.router(memory: memory, tokens: fixture.tokens, timeout: .seconds(5)))
    try await app.test(.router) { client in
      func lookup() async throws -> (status: HTTPResponse.Status, body: String) {
        let response = try await client.execute(
          uri: "/v1/lookup", method: .post, headers: Self.bearer(fixture.read), body: try Self.lookupBody([query]))
        return (response.status, String(buffer: response.body))
      }
      let before = try await lookup()
      #expect(before.status == .ok && before.body.contains(#""score":100"#), "\(before.body)")
      try await PostgresScratchDatabase.execute("ALTER DATABASE \(name) ALLOW_CONNECTIONS false", on: admin)
      try await PostgresScratchDatabase.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'", on: admin)
      // The ended backends' sockets close first: a query sent in the very instant PostgreSQL ends
      // its backend has hung in PostgresNIO (about one run in twenty), which is not what this tests.
      try await Task.sleep(for: .milliseconds(500))
      let gone = try await lookup()
      // Retry later, says the answer; where the database is, only the operator is told.
      #expect(gone.status == .serviceUnavailable && gone.body.contains("try again"), "\(gone.body)")
      #expect(!gone.body.contains(name) && !gone.body.contains("127.0.0.1"), "\(gone.body)")
      try await PostgresScratchDatabase.execute("ALTER DATABASE \(name) ALLOW_CONNECTIONS true", on: admin)
      let back = try await lookup()
      #expect(back.status == .ok && back.body == before.body, "\(back.body)")
    }
  }
}
