import Foundation
import Hummingbird
import Selaras
import Synchronization

/// What both servers answer with: JSON in the models' key order, and `{"error":"…"}`.
enum ServerResponse {
  /// A JSON response, keys in the model's order.
  static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
    let text = try OrderedJSONEncoder().encode(value)
    return Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
  }

  /// `{"error":"…"}` with `status`.
  static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
    (try? json(["error": message], status: status)) ?? Response(status: status)
  }
}

extension Request {
  /// Whether the request carried more than one `Host` header: the first is its authority, a
  /// second stays among the fields. RFC 9112 §3.2 has a server answer such a request 400, and
  /// both servers do, whichever of the names a proxy before them would have read.
  var hasSecondHost: Bool {
    headers.contains { $0.name.canonicalName == "host" }
  }

  /// The token of an `Authorization: Bearer TOKEN` header.
  var bearerToken: String? {
    headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
  }

  /// The password of `Authorization: Basic` credentials (user names are not checked).
  var basicPassword: String? {
    guard let value = headers[.authorization], value.lowercased().hasPrefix("basic "),
      let decoded = Data(base64Encoded: String(value.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
      let credentials = String(data: decoded, encoding: .utf8), let colon = credentials.firstIndex(of: ":")
    else { return nil }
    return String(credentials[credentials.index(after: colon)...])
  }
}

/// A flag several threads share, raised once.
final class SharedFlag: Sendable {
  private let raised = Mutex(false)

  var isRaised: Bool { raised.withLock { $0 } }

  /// Raises the flag; true for the caller that raised it first.
  @discardableResult
  func raise() -> Bool {
    raised.withLock { raised in
      defer { raised = true }
      return !raised
    }
  }
}
