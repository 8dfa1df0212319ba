import Tracing

/// The trace a piece of work belongs to, carried into every call it makes to another service.
///
/// A server sets it per incoming request (`TraceContext.$current.withValue(...)`), from the request's
/// `X-Trace-ID` and W3C `traceparent`; ``TracePropagatingTransport`` sends it on with each outgoing call.
public struct TraceContext: Sendable, Hashable {
    /// The trace id logs show and `X-Trace-ID` carries: the caller's, or a W3C trace id.
    public var traceID: String
    /// The W3C trace id (32 lower-case hex digits), when the trace has one: that of the incoming `traceparent`,
    /// else ``traceID`` when it has the W3C form.
    public var w3cTraceID: String?
    /// The W3C trace flags (`01`: sampled), passed on unchanged.
    public var flags: String

    /// The trace of the work running now; nil outside a traced request.
    @TaskLocal public static var current: TraceContext?

    /// The tracer of the service doing the work, when it records spans (`OTEL_EXPORTER_OTLP_ENDPOINT` set):
    /// ``TracePropagatingTransport`` then makes a client span per call, the parent of the callee's span.
    @TaskLocal public static var tracer: (any Tracer)?

    /// The context of a request answered under `traceID` that arrived with `traceparent` (or none).
    public init(traceID: String, traceparent: String? = nil) {
        self.init(traceID: traceID, parent: traceparent.flatMap(Traceparent.init))
    }

    /// The context of a request answered under `traceID` whose W3C trace is `parent`'s (or none).
    package init(traceID: String, parent: Traceparent?) {
        self.traceID = traceID
        if let parent {
            w3cTraceID = parent.traceID
            flags = parent.flags
        } else {
            w3cTraceID = Traceparent.isTraceID(traceID) ? traceID : nil
            flags = "01"
        }
    }

    /// The `traceparent` of one outgoing call: this trace, with the call as the parent (`spanID`, 16 hex digits).
    public func traceparent(spanID: String) -> String? {
        w3cTraceID.map { "00-\($0)-\(spanID)-\(flags)" }
    }
}
