import Hummingbird

/// The request context of every generated service: Hummingbird's core storage plus the trace id.
public struct KeelRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The request's trace id, from `X-Trace-ID` or `traceparent`, or made up; every log line and error body carries it.
    public var traceID = ""
    /// The largest body a handler may read (`MAX_BODY_SIZE`), set by `BodyLimitMiddleware`.
    public var bodyLimit = ServerSettings.defaultMaximumBodySize

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    public var maxUploadSize: Int { bodyLimit }
}
