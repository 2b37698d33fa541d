import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1

/// The team server's HTTP/1 connections: Hummingbird's, with one handler before the request
/// line becomes an `HTTPRequest`, which keeps the `Host` header as the authority and the path
/// of an absolute-form request line (`GET http://evil.example/v1/stats`), dropping its host.
/// RFC 9112 §3.2.2 has an origin server take the authority from such a request line: here it
/// replaces the `Host`, so that the Host check (``HostMiddleware``) judges the name the client
/// asked for.
struct OriginFormChannel: ServerChildChannel {
  let base: HTTP1Channel

  func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
    base.setup(channel: channel, logger: logger).flatMapThrowing { value in
      let operations = channel.pipeline.syncOperations
      let codec = try operations.handler(type: HTTP1ToHTTPServerCodec.self)
      try operations.addHandler(AbsoluteFormAuthority(), position: .before(codec))
      return value
    }
  }

  func handle(value: HTTP1Channel.Value, logger: Logger) async {
    await base.handle(value: value, logger: logger)
  }
}

extension TeamServer {
  /// The HTTP/1 server `selaras serve` runs: connections closed after `idleTimeout` without a
  /// byte, absolute-form request lines judged by their own host.
  public static func http1(idleTimeout: Duration) -> HTTPServerBuilder {
    let timeout = TimeAmount.nanoseconds(idleTimeout.wholeNanoseconds)
    return HTTPServerBuilder { responder in
      OriginFormChannel(base: HTTP1Channel(responder: responder, configuration: .init(idleTimeout: timeout)))
    }
  }
}

/// Moves the authority of an absolute-form request target into the `Host` header.
private final class AbsoluteFormAuthority: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias InboundOut = HTTPServerRequestPart

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard case .head(var head) = unwrapInboundIn(data), !head.uri.hasPrefix("/"), head.uri != "*",
      let authority = Self.authority(of: head.uri)
    else {
      context.fireChannelRead(data)
      return
    }
    head.headers.replaceOrAdd(name: "Host", value: authority)
    context.fireChannelRead(wrapInboundOut(.head(head)))
  }

  /// `host[:port]` of `scheme://[userinfo@]host[:port]/…`; nil for anything else.
  static func authority(of target: String) -> String? {
    guard let scheme = target.range(of: "://") else { return nil }
    let rest = target[scheme.upperBound...]
    let end = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
    let authority = rest[..<end].split(separator: "@").last.map(String.init) ?? ""
    return authority.isEmpty ? nil : authority
  }
}
