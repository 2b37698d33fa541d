import Foundation
import Hummingbird
import NIOCore
import SelarasWeb
import Testing

@Suite("PageFetcher")
struct PageFetcherTests {
  /// A local server with the answers a page download meets; never the internet.
  static func withServer(_ body: @Sendable (String) async throws -> Void) async throws {
    let router = Router()
    let page =
      "<html><head><title>Caf\u{E9}</title></head><body><article><h1>Caf\u{E9}</h1><p>Le caf\u{E9} est tr\u{E8}s bon, dit-il.</p></article></body></html>"
    router.get("/page") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "text/html; charset=ISO-8859-1"],
        body: .init(byteBuffer: ByteBuffer(bytes: page.unicodeScalars.map { UInt8($0.value) })))
    }
    router.get("/moved") { _, _ in Response(status: .found, headers: [.location: "/page"]) }
    router.get("/loop-a") { _, _ in Response(status: .found, headers: [.location: "/loop-b"]) }
    router.get("/loop-b") { _, _ in Response(status: .found, headers: [.location: "/loop-a"]) }
    router.get("/hop/{n}") { _, context in
      let n = Int(context.parameters.get("n") ?? "0") ?? 0
      return Response(status: .found, headers: [.location: "/hop/\(n + 1)"])
    }
    router.get("/pdf") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "application/pdf"], body: .init(byteBuffer: ByteBuffer(string: "%PDF-1.7"))
      )
    }
    router.get("/big") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "text/html"],
        body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "a"), count: PageFetcher.maximumBytes + 1)))
    }
    router.get("/stall") { _, _ in
      // The head at once, then a body that never finishes.
      Response(
        status: .ok, headers: [.contentType: "text/html"],
        body: ResponseBody { writer in
          try await writer.write(ByteBuffer(string: "<html>"))
          try await Task.sleep(for: .seconds(30))
          try await writer.finish(nil)
        })
    }
    router.get("/slow") { _, _ in
      try await Task.sleep(for: .seconds(5))
      return Response(
        status: .ok, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: "<p>late</p>")))
    }
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
      router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) })
    let server = Task { try await app.runService() }
    defer { server.cancel() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { throw CancellationError() }
    try await body("http://127.0.0.1:\(port)")
  }

  @Test("A page arrives with its header's charset and the address it ended at after a redirect")
  func download() async throws {
    try await Self.withServer { base in
      let page = try await PageFetcher().fetch(base + "/moved")
      #expect(page.charset == "ISO-8859-1")
      #expect(page.url.hasSuffix("/page"))
      #expect(page.data.count > 50)
    }
  }

  @Test("404, a PDF, a redirect loop, too many redirects, more than 10 MB and a timeout are each one clear error")
  func failures() async throws {
    try await Self.withServer { base in
      // Answers that are not about time get all the time a loaded machine needs (CI runs every suite at
      // once on two cores); only the timeouts are checked with one second.
      let fetcher = PageFetcher(timeout: .seconds(60))
      let impatient = PageFetcher(timeout: .seconds(1))
      await #expect(throws: PageFetchError.status(404)) { try await fetcher.fetch(base + "/missing") }
      await #expect(throws: PageFetchError.notAPage(contentType: "application/pdf")) {
        try await fetcher.fetch(base + "/pdf")
      }
      await #expect(throws: PageFetchError.redirectLoop) { try await fetcher.fetch(base + "/loop-a") }
      await #expect(throws: PageFetchError.tooManyRedirects(limit: 5)) { try await fetcher.fetch(base + "/hop/0") }
      await #expect(throws: PageFetchError.tooLarge(limit: PageFetcher.maximumBytes)) {
        try await PageFetcher().fetch(base + "/big")
      }
      await #expect(throws: PageFetchError.timedOut(seconds: 1)) { try await impatient.fetch(base + "/slow") }
      await #expect(throws: PageFetchError.invalidURL) { try await fetcher.fetch("ftp://example.com/x") }
      await #expect(throws: PageFetchError.invalidURL) { try await fetcher.fetch("http://127.0.0.1:99999/") }
      // The whole download is timed, not only the head.
      let started = ContinuousClock.now
      await #expect(throws: PageFetchError.timedOut(seconds: 1)) { try await impatient.fetch(base + "/stall") }
      #expect(ContinuousClock.now - started < .seconds(10))
      // A timeout beyond a day is a day, not an overflow.
      #expect(PageFetcher(timeout: .seconds(Int64.max / 2)).timeout == PageFetcher.maximumTimeout)
      #expect(PageFetchError.status(404).description == "the server answered 404 Not Found")
    }
  }
}
