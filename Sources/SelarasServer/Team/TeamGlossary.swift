import Foundation
import Hummingbird
import Selaras
import Synchronization

/// The glossary the team server answers from: the store over the shipped glossary, built
/// again whenever the store's glossary version changes, whoever changed it (this server,
/// another one over the same database, the CLI on the same file).
public final class TeamGlossary: Sendable {
  private let store: any GlossaryStore
  private let shipped: [TermEntry]
  private let morphology: IndonesianMorphology
  /// The glossary built (or being built) for a version: the requests that find the glossary
  /// stale await one build.
  private let cache = Mutex<(version: Int64, glossary: Task<LayeredGlossary, any Error>)?>(nil)

  public init(store: any GlossaryStore, shipped: [TermEntry], morphology: IndonesianMorphology) {
    self.store = store
    self.shipped = shipped
    self.morphology = morphology
  }

  /// The layered glossary as the store holds it now; a stale one is built again on `executor`
  /// (the store's threads), once for all the requests that find it stale.
  func glossary(buildingOn executor: any TaskExecutor) async throws -> LayeredGlossary {
    // The version is read before the entries: a change in between leaves newer entries
    // under an older version, which the next request builds again.
    let version = try await store.glossaryVersion()
    let (store, shipped, morphology) = (store, shipped, morphology)
    let build = cache.withLock { cached in
      if let cached, cached.version >= version { return cached.glossary }
      let build = Task(executorPreference: executor) {
        LayeredGlossary(store: try await store.glossaryEntries(), shipped: shipped, morphology: morphology)
      }
      cached = (version, build)
      return build
    }
    do {
      return try await build.value
    } catch {
      // Not kept: the next request tries again.
      cache.withLock { cached in
        if cached?.glossary == build { cached = nil }
      }
      throw error
    }
  }

  func storeEntries() async throws -> [TermEntry] {
    try await store.glossaryEntries()
  }

  func add(_ entries: [TermEntry], source: String) async throws -> GlossaryImportSummary {
    try await store.addGlossaryEntries(entries, source: source)
  }
}

/// The glossary's routes: `GET /v1/glossary/lookup?term=…&lang=id`, `POST /v1/glossary/scan?lang=id`
/// (the text as the body), `GET /v1/glossary/export.tbx` (read); `POST /v1/glossary/entries`
/// (write).
enum GlossaryRoutes {
  /// `blocking` runs the store's work as the memory routes do, with their timeout and 503.
  static func add(to router: Router<TeamContext>, glossary: TeamGlossary, blocking: StoreWork) {
    router.get("/v1/glossary/lookup") { request, context -> Response in
      try context.require(.read)
      guard let term = request.uri.queryParameters["term"].map(String.init), !term.isEmpty else {
        throw APIError(.badRequest, "the term is the term parameter")
      }
      let language = try request.uri.queryParameters["lang"].map { try TeamServer.language(String($0)) }
      let entries = try await blocking.run {
        try await glossary.glossary(buildingOn: blocking.executor).lookupAnswers(term, language: language)
      }
      return try ServerResponse.json(LookupAnswer(query: term, entries: entries))
    }
    router.post("/v1/glossary/scan") { request, context -> Response in
      try context.require(.read)
      let language = try TeamServer.language(request.uri.queryParameters["lang"].map(String.init) ?? "id")
      let body = try await request.body.collect(upTo: TeamServer.bodyLimit)
      let text: String
      do {
        text = try String(validatingUTF8Text: Data(buffer: body))
      } catch {
        throw APIError(.badRequest, "the text: \(error)")
      }
      let matches = try await blocking.run {
        try await glossary.glossary(buildingOn: blocking.executor).scanAnswers(text, language: language)
      }
      return try ServerResponse.json(ScanAnswer(matches: matches))
    }
    router.get("/v1/glossary/export.tbx") { _, context -> Response in
      try context.require(.read)
      let tbx = try await blocking.run { TBXWriter.tbx(try await glossary.storeEntries()) }
      return Response(
        status: .ok, headers: [.contentType: "application/x-tbx+xml; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: tbx)))
    }
    router.post("/v1/glossary/entries") { request, context -> Response in
      let holder = try context.require(.write)
      let posted = try await TeamServer.decode(EntriesRequest.self, from: request)
      let entries = try posted.entries.enumerated().map { index, entry in
        guard entry.terms.count >= 1, entry.terms.allSatisfy({ !$0.text.trimmingCharacters(in: .whitespaces).isEmpty })
        else { throw APIError(.unprocessableContent, "entry \(index): a term's text is empty, or there is no term") }
        let stored = TermEntry(
          terms: try entry.terms.map { term in
            Term(term.text, language: try TeamServer.language(term.lang), status: term.status ?? .preferred)
          }, note: entry.note)
        if let problem = stored.storageProblem { throw APIError(.unprocessableContent, "entry \(index): \(problem)") }
        return stored
      }
      let summary = try await blocking.run { try await glossary.add(entries, source: "selaras serve: \(holder.name)") }
      return try ServerResponse.json(summary)
    }
  }

  struct LookupAnswer: Encodable {
    var query: String
    var entries: [GlossaryEntryAnswer]
  }

  struct ScanAnswer: Encodable {
    var matches: [GlossaryScanAnswer]
  }

  struct EntriesRequest: Decodable {
    struct Entry: Decodable {
      struct Term: Decodable {
        var text: String
        var lang: String
        var status: Selaras.Term.Status?
      }

      var terms: [Term]
      var note: String?
    }

    var entries: [Entry]
  }
}
