import Hummingbird
import NIOCore

/// The request context of every generated service: Hummingbird's core storage plus the trace id.
public struct KeelRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The TCP peer; login failures are counted against it.
    public let remoteAddress: SocketAddress?
    /// The request's trace id, from `X-Trace-ID` or `traceparent`, or made up; every log line and error body carries it.
    public var traceID = ""
    /// The largest body a handler may read (`MAX_BODY_SIZE`), set by `BodyLimitMiddleware`.
    public var bodyLimit = ServerSettings.defaultMaximumBodySize

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    public var maxUploadSize: Int { bodyLimit }
}
