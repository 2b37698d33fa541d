import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Selaras
import SelarasServer
import SelarasStore
import SelarasTestSupport
import Testing

@Suite("Review server")
struct ReviewServerTests {
  private static let token = "s3cret-token"

  /// A session over the economy story as the aligner aligns it, saving to a temporary file
  /// and into an in-memory database.
  private func session(_ output: URL, _ database: SelarasDatabase) throws -> ReviewSession {
    let aligner = try ArticleAligner(lexicon: .builtIn)
    let article = try aligner.align(
      source: String(contentsOf: Corpora.folder.file("economy-bi-rate", .english), encoding: .utf8),
      target: String(contentsOf: Corpora.folder.file("economy-bi-rate", .indonesian), encoding: .utf8))
    return ReviewSession(
      review: try AlignmentReview(AlignmentDocument(article)), output: output, documentName: "economy-bi-rate",
      sourceLanguage: .english, targetLanguage: .indonesian, memory: { database })
  }

  /// The economy story's gold alignment: its `.lines` and `gold.json`, in which bead 3 pairs
  /// the lead with two Indonesian sentences, the second `BI menyatakan …` (target sentence 4).
  private func goldDocument() throws -> AlignmentDocument {
    func lines(_ language: LanguageTag) throws -> [String] {
      try String(contentsOf: Corpora.folder.file("economy-bi-rate", language, .lines), encoding: .utf8)
        .split(separator: "\n").map(String.init)
    }
    return AlignmentDocument(
      source: try lines(.english), target: try lines(.indonesian),
      beads: try Corpora.folder.goldBeads("economy-bi-rate").map {
        AlignmentDocument.Bead(source: Array($0.source), target: Array($0.target), score: $0.score)
      })
  }

  /// A session over ``goldDocument()``, as `selaras review economy-bi-rate.en.txt
  /// economy-bi-rate.id.txt` names its files.
  private func goldSession(_ output: URL, _ database: SelarasDatabase, storeDescription: String? = nil) throws
    -> ReviewSession
  {
    ReviewSession(
      review: try AlignmentReview(goldDocument()), output: output, documentName: "economy-bi-rate",
      sourceLanguage: .english, targetLanguage: .indonesian, memory: { database },
      files: ReviewFiles(source: "economy-bi-rate.en.txt", target: "economy-bi-rate.id.txt"),
      storeDescription: storeDescription)
  }

  private struct Beads: Decodable {
    struct Bead: Decodable {
      var source: [Int]
      var target: [Int]
      var status: String?
    }
    var beads: [Bead]
  }

  // The router test client's requests come from `localhost`.
  private let local: HTTPFields = [.authorization: "Bearer \(Self.token)"]

  @Test("Every route answers with the token and a local Host, and refuses without")
  func guarded() async throws {
    let output = TemporaryFile.url("json")
    defer { try? FileManager.default.removeItem(at: output) }
    let app = Application(
      router: ReviewServer.router(
        session: try session(output, SelarasDatabase(writer: DatabaseQueue())), token: Self.token))
    try await app.test(.router) { client in
      let page = try await client.execute(uri: "/?token=\(Self.token)", method: .get)
      #expect(page.status == .ok)
      #expect(String(buffer: page.body).contains("Selaras review"))
      let alignment = try await client.execute(uri: "/api/alignment", method: .get, headers: local)
      #expect(alignment.status == .ok)
      let beads = try JSONDecoder().decode(Beads.self, from: Data(buffer: alignment.body)).beads
      #expect(beads.count > 5 && beads.allSatisfy { $0.status == "pending" })
      // Each bead with its anchors and terms (none here: the session has no glossary).
      #expect(String(buffer: alignment.body).contains("\"anchors\":[\"#6\""))
      #expect(String(buffer: alignment.body).contains("\"terms\":[]"))
      var twoHosts = local
      twoHosts.append(HTTPField(name: HTTPField.Name("Host")!, value: "evil.example"))
      #expect(try await client.execute(uri: "/api/alignment", method: .get, headers: twoHosts).status == .badRequest)
      for uri in ["/", "/api/alignment", "/api/alignment?token=wrong"] {
        let refused = try await client.execute(uri: uri, method: .get)
        #expect(refused.status == .unauthorized, "\(uri)")
        #expect(String(buffer: refused.body).hasPrefix("{\"error\":"))
      }
    }
  }

  @Test("Only a Host of this machine is served: DNS rebinding is refused")
  func hosts() {
    for authority in ["127.0.0.1", "127.0.0.1:8080", "localhost:43123", "LOCALHOST"] {
      #expect(ReviewServer.isLocal(authority: authority), "\(authority)")
    }
    for authority in [
      "evil.example", "evil.example:8080", "127.0.0.1.evil.example", "localhost.evil", "10.0.0.1:80", nil,
    ] {
      #expect(!ReviewServer.isLocal(authority: authority), "\(authority ?? "nil")")
    }
  }

  @Test(
    "Edits round-trip: merge, accept, undo, redo; moving a sentence needs a side and a bead to move it to; a bad edit is 422 or 400 and changes nothing"
  )
  func edits() async throws {
    let output = TemporaryFile.url("json")
    defer { try? FileManager.default.removeItem(at: output) }
    let app = Application(
      router: ReviewServer.router(
        session: try session(output, SelarasDatabase(writer: DatabaseQueue())), token: Self.token))
    try await app.test(.router) { client in
      func post(_ body: String, _ path: String = "/api/edits") async throws -> TestResponse {
        try await client.execute(uri: path, method: .post, headers: local, body: ByteBuffer(string: body))
      }
      let before = try JSONDecoder().decode(
        Beads.self,
        from: Data(buffer: try await client.execute(uri: "/api/alignment", method: .get, headers: local).body)
      ).beads
      let merged = try await post(#"{"op":"merge","bead":0}"#)
      #expect(merged.status == .ok)
      let afterMerge = try JSONDecoder().decode(Beads.self, from: Data(buffer: merged.body)).beads
      #expect(afterMerge.count == before.count - 1 && afterMerge[0].status == "edited")
      #expect(try await post(#"{"op":"accept","bead":1}"#).status == .ok)
      let undone = try await post(#"{"op":"undo"}"#)
      #expect(try JSONDecoder().decode(Beads.self, from: Data(buffer: undone.body)).beads[1].status == "pending")
      #expect(try await post(#"{"op":"redo"}"#).status == .ok)
      let broken = try await post(#"{"op":"merge","bead":999}"#)
      #expect(broken.status == .unprocessableContent)
      #expect(String(buffer: broken.body).contains("out of range"))
      #expect(try await post(#"{"op":"swap"}"#).status == .badRequest)
      #expect(try await post(#"{"op":"move-up","bead":1}"#).status == .badRequest)  // which side?
      #expect(try await post(#"{"op":"move-up","bead":0,"side":"target"}"#).status == .unprocessableContent)
      #expect(try await post("not json").status == .badRequest)
      let too = try await post(String(repeating: " ", count: ReviewServer.bodyLimit + 1))
      #expect(too.status == .contentTooLarge)
      let now = try JSONDecoder().decode(
        Beads.self,
        from: Data(buffer: try await client.execute(uri: "/api/alignment", method: .get, headers: local).body)
      ).beads
      #expect(now.count == afterMerge.count && now[1].status == "accepted")
    }
  }

  @Test("Save writes the reviewed alignment with its statuses; save-to-memory stores the reviewed pairs")
  func saving() async throws {
    let output = TemporaryFile.url("json")
    defer { try? FileManager.default.removeItem(at: output) }
    let database = try SelarasDatabase(writer: DatabaseQueue())
    let app = Application(router: ReviewServer.router(session: try session(output, database), token: Self.token))
    try await app.test(.router) { client in
      _ = try await client.execute(
        uri: "/api/edits", method: .post, headers: local,
        body: ByteBuffer(string: #"{"op":"accept-above","score":0.9}"#))
      let saved = try await client.execute(uri: "/api/save", method: .post, headers: local)
      #expect(saved.status == .ok)
      #expect(String(buffer: saved.body) == "{\"path\":\"\(output.path)\"}")
      let document = try AlignmentDocument.read(Data(contentsOf: output), file: output.path)
      let accepted = document.beads.filter { $0.status == .accepted }
      #expect(!accepted.isEmpty)
      let stored = try await client.execute(uri: "/api/save-to-memory", method: .post, headers: local)
      let pairs = accepted.filter { !$0.source.isEmpty && !$0.target.isEmpty }.count
      #expect(String(buffer: stored.body) == "{\"saved\":\(pairs)}")
      var units: [TranslationUnit] = []
      try await database.forEachUnit { units.append($0) }
      #expect(units.count == pairs)
      #expect(units.allSatisfy { $0.properties.contains(.init(type: "x-status", value: "accepted")) })
    }
  }

  @Test("GET /api/alignment names the files under review")
  func files() async throws {
    let output = TemporaryFile.url("json")
    defer { try? FileManager.default.removeItem(at: output) }
    let session = try goldSession(output, SelarasDatabase(writer: DatabaseQueue()))
    let app = Application(router: ReviewServer.router(session: session, token: Self.token))
    try await app.test(.router) { client in
      let alignment = try await client.execute(uri: "/api/alignment", method: .get, headers: local)
      #expect(alignment.status == .ok)
      let body = String(buffer: alignment.body)
      #expect(body.hasSuffix(#","files":{"source":"economy-bi-rate.en.txt","target":"economy-bi-rate.id.txt"}}"#))
    }
    // A review of an alignment file is named by that file.
    #expect(try OrderedJSONEncoder().encode(ReviewFiles(alignment: "story.json")) == #"{"alignment":"story.json"}"#)
  }

  @Test("A sentence corrected through the API reaches the memory corrected and marked x-edited; an empty one is 422")
  func correction() async throws {
    let output = TemporaryFile.url("json")
    defer { try? FileManager.default.removeItem(at: output) }
    let database = try SelarasDatabase(writer: DatabaseQueue())
    let store = "/home/ana/.local/share/selaras/selaras.sqlite"
    let session = try goldSession(output, database, storeDescription: store)
    let app = Application(router: ReviewServer.router(session: session, token: Self.token))
    let original = "BI menyatakan akan terus melakukan intervensi di pasar untuk menstabilkan nilai tukar rupiah."
    let corrected =
      "Bank Indonesia menyatakan akan terus melakukan intervensi di pasar untuk menstabilkan nilai tukar rupiah."
    try #require(try goldDocument().target[4] == original)
    try await app.test(.router) { client in
      func post(_ edit: ReviewEdit) async throws -> TestResponse {
        try await client.execute(
          uri: "/api/edits", method: .post, headers: local, body: ByteBuffer(bytes: try JSONEncoder().encode(edit)))
      }
      let empty = try await post(.editText(side: .target, sentence: 4, text: " "))
      #expect(empty.status == .unprocessableContent)
      #expect(String(buffer: empty.body).contains("cannot be left empty"))
      let edited = try await post(.editText(side: .target, sentence: 4, text: corrected))
      #expect(edited.status == .ok)
      struct Shown: Decodable {
        var target: [String]
        var beads: [Beads.Bead]
        var edits: [AlignmentDocument.TextEdit]?
      }
      let shown = try JSONDecoder().decode(Shown.self, from: Data(buffer: edited.body))
      #expect(shown.target[4] == corrected)
      #expect(shown.edits == [AlignmentDocument.TextEdit(side: .target, sentence: 4, original: original)])
      #expect(shown.beads[3].target == [3, 4] && shown.beads[3].status == "edited")
      #expect(shown.beads.filter { $0.status != "pending" }.count == 1)
      let stored = try await client.execute(uri: "/api/save-to-memory", method: .post, headers: local)
      #expect(stored.status == .ok)
      #expect(String(buffer: stored.body) == #"{"saved":1,"store":"\#(store)"}"#)
    }
    var units: [TranslationUnit] = []
    try await database.forEachUnit { units.append($0) }
    #expect(units.count == 1)
    let unit = try #require(units.first)
    #expect(unit.source.hasPrefix("JAKARTA, Nov 20 (Reuters) - Bank Indonesia kept its benchmark interest rate"))
    #expect(unit.target.hasSuffix(" " + corrected))
    #expect(unit.properties.contains(.init(type: TranslationUnit.reviewEditedProperty, value: "target")))
    #expect(unit.properties.contains(.init(type: "x-edited", value: "target")))
    #expect(unit.properties.contains(.init(type: "x-status", value: "edited")))
  }

  @Test("Save to memory with nothing accepted stores nothing and says why, with the beads pending")
  func nothingAccepted() async throws {
    let output = TemporaryFile.url("json")
    defer { try? FileManager.default.removeItem(at: output) }
    let database = try SelarasDatabase(writer: DatabaseQueue())
    let app = Application(router: ReviewServer.router(session: try goldSession(output, database), token: Self.token))
    let pairs = try goldDocument().beads.filter { !$0.source.isEmpty && !$0.target.isEmpty }.count
    #expect(pairs == 9)
    try await app.test(.router) { client in
      let stored = try await client.execute(uri: "/api/save-to-memory", method: .post, headers: local)
      #expect(stored.status == .ok)
      #expect(
        String(buffer: stored.body)
          == #"{"saved":0,"pending":9,"hint":"nothing accepted yet: accept beads (a, or Accept all above) "#
          + #"before saving to memory"}"#)
    }
    var units: [TranslationUnit] = []
    try await database.forEachUnit { units.append($0) }
    #expect(units.isEmpty)
  }
}
