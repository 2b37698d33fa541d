import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import Selaras

/// A web page as downloaded: its bytes, the charset its `Content-Type` header declared, and
/// the address it was finally read from (after redirects).
public struct FetchedPage: Sendable {
  public var data: Data
  public var charset: String?
  public var url: String
}

/// Why a page could not be downloaded, as one line.
public enum PageFetchError: Error, Equatable, CustomStringConvertible, Sendable {
  case invalidURL
  case status(Int)
  case notAPage(contentType: String)
  case tooLarge(limit: Int)
  case tooManyRedirects(limit: Int)
  case redirectLoop
  case timedOut(seconds: Int)
  case cannotConnect(seconds: Int)
  case unreachable(String)

  public var description: String {
    switch self {
    case .invalidURL: "not an http:// or https:// address"
    case .status(let code): "the server answered \(code) \(HTTPResponseStatus(statusCode: code).reasonPhrase)"
    case .notAPage(let type): "the server answered with \(type), not a web page"
    case .tooLarge(let limit): "the page is larger than \(limit / (1 << 20)) MB"
    case .tooManyRedirects(let limit): "more than \(limit) redirects"
    case .redirectLoop: "the redirects go round in a loop"
    case .timedOut(let seconds): "no complete answer within \(seconds) s"
    case .cannotConnect(let seconds): "cannot connect within \(seconds) s"
    case .unreachable(let reason): "cannot reach the server (\(reason))"
    }
  }
}

/// Downloads news pages over HTTP(S) with swift-server's AsyncHTTPClient: at most
/// ``maximumRedirects`` redirects, a connect timeout and a total one, a size cap, gzip and
/// deflate, and a User-Agent that names Selaras.
public struct PageFetcher: Sendable {
  public static let maximumBytes = 10 << 20
  public static let maximumRedirects = 5
  public static let userAgent = "Selaras/0.1 (article extraction; +https://github.com/selaras)"

  /// The most a download may take, connecting included.
  public var timeout: Duration
  public var connectTimeout: Duration

  /// The longest timeout taken: a day.
  public static let maximumTimeout = Duration.seconds(86_400)

  public init(timeout: Duration = .seconds(30), connectTimeout: Duration = .seconds(10)) {
    self.timeout = min(max(timeout, .milliseconds(1)), Self.maximumTimeout)
    self.connectTimeout = min(connectTimeout, self.timeout)
  }

  /// Whether `argument` names a page on the web rather than a file.
  public static func isURL(_ argument: String) -> Bool {
    let lower = argument.lowercased()
    return lower.hasPrefix("http://") || lower.hasPrefix("https://")
  }

  public func fetch(_ address: String) async throws(PageFetchError) -> FetchedPage {
    guard Self.isURL(address), let url = URL(string: address), let host = url.host, !host.isEmpty,
      (0...65_535).contains(url.port ?? 80)
    else { throw .invalidURL }
    let configuration = HTTPClient.Configuration(
      redirectConfiguration: .follow(max: Self.maximumRedirects, allowCycles: false),
      timeout: .init(connect: .nanoseconds(connectTimeout.wholeNanoseconds)),
      decompression: .enabled(limit: .size(Self.maximumBytes)))
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    // The whole download — head and body — within `timeout`: a server that sends its head and
    // then stalls must not hold the command.
    let timeout = self.timeout
    let result: Result<FetchedPage, PageFetchError> = await withTaskGroup(of: Result<FetchedPage, PageFetchError>?.self)
    {
      group in
      group.addTask {
        do throws(PageFetchError) {
          return .success(try await self.download(url, client: client))
        } catch {
          return .failure(error)
        }
      }
      group.addTask {
        try? await Task.sleep(for: timeout)
        return Task.isCancelled ? nil : .failure(.timedOut(seconds: Int(timeout.components.seconds)))
      }
      var first: Result<FetchedPage, PageFetchError>?
      while first == nil, let next = await group.next() { first = next }
      group.cancelAll()
      return first ?? .failure(.timedOut(seconds: Int(timeout.components.seconds)))
    }
    try? await client.shutdown()
    return try result.get()
  }

  private func download(_ url: URL, client: HTTPClient) async throws(PageFetchError) -> FetchedPage {
    var request = HTTPClientRequest(url: url.absoluteString)
    request.headers.add(name: "User-Agent", value: Self.userAgent)
    request.headers.add(name: "Accept", value: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
    request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
    let deadline = NIODeadline.now() + .nanoseconds(timeout.wholeNanoseconds)
    do {
      let response = try await client.execute(request, deadline: deadline)
      guard response.status.code < 400 else { throw PageFetchError.status(Int(response.status.code)) }
      // A redirect left unfollowed: to an address that is not http(s), or with no address.
      guard !(300..<400).contains(response.status.code) else {
        let location = response.headers.first(name: "location") ?? "nowhere"
        throw PageFetchError.unreachable("redirected to \(location.prefix(100)), which is not an http(s) address")
      }
      let contentType = response.headers.first(name: "content-type") ?? ""
      let mediaType =
        contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
      guard
        mediaType.isEmpty
          || ["text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml"]
            .contains(mediaType)
      else { throw PageFetchError.notAPage(contentType: mediaType) }
      if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > Self.maximumBytes {
        throw PageFetchError.tooLarge(limit: Self.maximumBytes)
      }
      var data = Data()
      for try await chunk in response.body {
        guard data.count + chunk.readableBytes <= Self.maximumBytes else {
          throw PageFetchError.tooLarge(limit: Self.maximumBytes)
        }
        data.append(contentsOf: chunk.readableBytesView)
      }
      return FetchedPage(
        data: data, charset: Self.charset(contentType), url: response.url?.absoluteString ?? url.absoluteString)
    } catch let error as PageFetchError {
      throw error
    } catch let error as HTTPClientError {
      switch error {
      case .redirectLimitReached: throw .tooManyRedirects(limit: Self.maximumRedirects)
      case .redirectCycleDetected: throw .redirectLoop
      case .connectTimeout: throw .cannotConnect(seconds: Int(connectTimeout.components.seconds))
      case .deadlineExceeded, .readTimeout: throw .timedOut(seconds: Int(timeout.components.seconds))
      case .invalidURL, .emptyHost, .emptyScheme: throw .invalidURL
      default: throw .unreachable(String(describing: error))
      }
    } catch let error as NIOHTTPDecompression.DecompressionError {
      throw error == .limit ? .tooLarge(limit: Self.maximumBytes) : .unreachable("bad compressed body")
    } catch is CancellationError {
      throw .timedOut(seconds: Int(timeout.components.seconds))
    } catch {
      throw .unreachable(String(describing: error))
    }
  }

  /// The charset a `Content-Type` header names, if any.
  static func charset(_ contentType: String) -> String? {
    for parameter in contentType.split(separator: ";").dropFirst() {
      let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      if pair.count == 2, pair[0].lowercased() == "charset" {
        return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
      }
    }
    return nil
  }
}

extension Duration {
  fileprivate var wholeNanoseconds: Int64 {
    components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
  }
}
