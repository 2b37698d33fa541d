import Foundation
import SelarasTestSupport
import Testing

@Suite("selaras serve and token")
struct ServeCommandTests {
  @Test("A Corpora-built TMX served: POST /v1/lookup equals tm search match for match; amaGama answers; no token is 401")
  func lookupEqualsSearch() throws {
    let database = TemporaryFile.url("sqlite")
    let tmx = TemporaryFile.url("tmx")
    let tokens = TemporaryFile.url("tokens")
    defer {
      TemporaryFile.removeDatabase(database)
      for file in [tmx, tokens] { try? FileManager.default.removeItem(at: file) }
    }
    #expect(try CommandRunner.run(["align", "--batch", "Corpora", "--format", "tmx", "--output", tmx.path]).status == 0)
    #expect(try CommandRunner.run(["tm", "import", tmx.path, "--db", database.path]).status == 0)
    let created = try CommandRunner.run(["token", "create", "dewi", "--role", "read", "--tokens", tokens.path])
    let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(created.status == 0 && token.count == 64)
    #expect(try !String(contentsOf: tokens, encoding: .utf8).contains(token))

    let server = try CommandRunner.start(["serve", "--db", database.path, "--tokens", tokens.path, "--port", "0"])
    let process = server.process
    defer { if process.isRunning { process.terminate() } }
    let root = server.firstLine
    #expect(root.hasPrefix("http://127.0.0.1:"), "\(root)")

    struct Search: Decodable {
      struct Match: Decodable, Equatable {
        var score: Int
        var source: String
        var target: String
      }
      var matches: [Match]
    }
    struct Lookup: Decodable {
      struct Result: Decodable { var matches: [Search.Match] }
      var results: [Result]
    }
    let queries = Corpora.linePairs.enumerated().filter { $0.offset % 17 == 3 }.map { pair in
      pair.element.english.split(separator: " ").dropLast(2).joined(separator: " ")
    }
    #expect(queries.count >= 5)
    let body = try JSONSerialization.data(withJSONObject: [
      "sourceLang": "en", "targetLang": "id", "minScore": 50, "limit": 5,
      "segments": queries.map { ["text": $0] },
    ])
    let answer = try CommandRunner.curl(
      ["-H", "Authorization: Bearer \(token)", "--data-binary", String(decoding: body, as: UTF8.self), root + "/v1/lookup"])
    #expect(answer.status == 200)
    let results = try JSONDecoder().decode(Lookup.self, from: Data(answer.body.utf8)).results
    #expect(results.count == queries.count)
    for (query, result) in zip(queries, results) {
      let search = try CommandRunner.run(
        ["tm", "search", query, "--lang", "en", "--min-score", "50", "--limit", "5", "--json", "--db", database.path])
      let expected = try JSONDecoder().decode(Search.self, from: Data(search.stdout.utf8)).matches
      #expect(result.matches == expected, "\(query)")
    }
    // Most queries are in the memory (a sentence the aligner left unpaired is not).
    #expect(results.filter { !$0.matches.isEmpty }.count * 2 > queries.count)
    let encoded = queries[0].addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    let amaGama = try CommandRunner.curl(["\(root)/tmserver/en/id/unit/\(encoded)?token=\(token)"])
    #expect(amaGama.status == 200 && amaGama.body.contains("\"quality\""), "\(amaGama.body)")
    #expect(try CommandRunner.curl([root + "/v1/stats"]).status == 401)
    #expect(try CommandRunner.curl([root + "/healthz"]).body == #"{"status":"ok"}"#)
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()
  }

  @Test("serve without tokens, or with a malformed tokens file, is one error line")
  func badTokens() throws {
    let tokens = TemporaryFile.url("tokens")
    defer { try? FileManager.default.removeItem(at: tokens) }
    let missing = try CommandRunner.run(["serve", "--tokens", tokens.path, "--port", "0"])
    #expect(missing.status == 1 && missing.stderr.contains("no tokens"), "\(missing.stderr)")
    try "dewi\tgod\tsha256:00\n".write(to: tokens, atomically: true, encoding: .utf8)
    let malformed = try CommandRunner.run(["serve", "--tokens", tokens.path, "--port", "0"])
    #expect(malformed.status == 1 && malformed.stderr.hasPrefix("Error: \(tokens.path):1:"), "\(malformed.stderr)")
    #expect(malformed.stderr.split(separator: "\n").count == 1)
  }
}
