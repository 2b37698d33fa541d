import Foundation
import Hummingbird

/// The names a request's `Host` may give the team server. A page on another site can point
/// its own name at this server (DNS rebinding) and have a browser on the team's network
/// reach it under that name; such a request is refused. Allowed: localhost and address
/// literals (a page cannot rebind those), the address the server is bound to, and the names
/// given (`--allowed-host`), with any port.
public struct AllowedHosts: Sendable {
  private let names: Set<String>

  /// `names` besides localhost and address literals; lowercased, ports ignored.
  public init(_ names: [String] = []) {
    self.names = Set(names.map { Self.hostname(of: $0.lowercased()) })
  }

  /// For a server bound to `address`: the address itself, if it is a name, and `names`.
  public static func bound(to address: String, names: [String]) -> AllowedHosts {
    AllowedHosts(names + [address])
  }

  /// Whether a request whose authority (its `Host`) is `authority` is answered.
  public func allows(authority: String?) -> Bool {
    guard let authority, !authority.isEmpty else { return false }
    let host = Self.hostname(of: authority.lowercased())
    return host == "localhost" || Self.isAddressLiteral(host) || names.contains(host)
  }

  /// `authority` without its port; an IPv6 literal without its brackets.
  static func hostname(of authority: String) -> String {
    if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") {
      return String(authority[authority.index(after: authority.startIndex)..<end])
    }
    if let colon = authority.lastIndex(of: ":"), authority.firstIndex(of: ":") == colon,
      authority[authority.index(after: colon)...].allSatisfy(\.isNumber)
    {
      return String(authority[..<colon])
    }
    return authority
  }

  /// An IPv4 address in dotted decimal, or an IPv6 address.
  private static func isAddressLiteral(_ host: String) -> Bool {
    var v4 = in_addr()
    var v6 = in6_addr()
    return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
  }
}

/// Refuses requests whose `Host` is not one the server answers to (403).
struct HostMiddleware: RouterMiddleware {
  let allowed: AllowedHosts

  func handle(_ request: Request, context: TeamContext, next: (Request, TeamContext) async throws -> Response)
    async throws -> Response
  {
    guard !request.hasSecondHost else {
      return ServerResponse.error(.badRequest, "more than one Host header")
    }
    guard allowed.allows(authority: request.head.authority) else {
      let host = request.head.authority ?? "none"
      return ServerResponse.error(
        .forbidden,
        "Host \(host) is not a name this server answers to; start it with --allowed-host NAME for a name of its own")
    }
    return try await next(request, context)
  }
}
