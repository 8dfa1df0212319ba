import HTTPTypes

/// A transport that sends the current ``TraceContext`` with every request through `base`: `X-Trace-ID`, and a
/// W3C `traceparent`. With a ``TraceContext/tracer`` the call is a client span and the `traceparent` names it;
/// without one the `traceparent` carries a new parent id per call. Headers the request already has are left as they are.
public struct TracePropagatingTransport: ClientTransport {
    public let base: any ClientTransport

    public init(_ base: any ClientTransport) {
        self.base = base
    }

    public func send(_ request: ClientRequest) async throws -> ClientResponse {
        guard let context = TraceContext.current else { return try await base.send(request) }
        var traced = request
        if traced.headers[.keelTraceID] == nil {
            traced.headers[.keelTraceID] = context.traceID
        }
        if let tracer = TraceContext.tracer {
            return try await ClientSpan.send(traced, through: base, tracer: tracer)
        }
        if traced.headers[.keelTraceparent] == nil, let traceparent = context.traceparent(spanID: Traceparent.newID()) {
            traced.headers[.keelTraceparent] = traceparent
        }
        return try await base.send(traced)
    }
}

extension HTTPField.Name {
    static let keelTraceID = HTTPField.Name("X-Trace-ID")!
    static let keelTraceparent = HTTPField.Name("traceparent")!
}
