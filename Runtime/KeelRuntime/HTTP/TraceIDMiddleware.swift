import HTTPTypes
import Hummingbird
import KeelClient
import Logging
import Tracing

/// Gives every request a trace id: the caller's `X-Trace-ID`, else the trace id of a valid W3C `traceparent`,
/// else a new one. It is returned in `X-Trace-ID`, added to the request's log metadata and bound as
/// `TraceContext.current`, so outgoing calls to other services carry it. With a tracer the request is also a
/// server span (``ServerSpan``), whose trace id is the one logs show unless the caller sent an `X-Trace-ID`.
public struct TraceIDMiddleware: RouterMiddleware {
    public typealias Context = KeelRequestContext
    /// The service's tracer when it records spans; nil adds no work per request.
    let tracer: (any Tracer)?

    public init(tracer: (any Tracer)? = nil) {
        self.tracer = tracer
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let incoming = request.headers[.traceparent].flatMap(Traceparent.init)
        guard let tracer else { return try await serve(request, context: context, parent: incoming, next: next) }
        return try await ServerSpan.serve(request, route: context.endpointPath, tracer: tracer) { own in
            try await TraceContext.$tracer.withValue(tracer) {
                try await serve(request, context: context, parent: own ?? incoming, next: next)
            }
        }
    }

    private func serve(_ request: Request, context: Context, parent: Traceparent?, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.traceID = Self.traceID(given: request.headers[.traceID], parent: parent)
        context.logger[metadataKey: "trace_id"] = .string(context.traceID)
        // Calls to other services made while answering carry the trace on (KeelClient's TracePropagatingTransport).
        let trace = TraceContext(traceID: context.traceID, parent: parent)
        var response = try await TraceContext.$current.withValue(trace) { try await next(request, context) }
        response.headers[.traceID] = context.traceID
        return response
    }

    static func traceID(given: String?, parent: Traceparent?) -> String {
        if let given, isAcceptable(given) { return given }
        return parent?.traceID ?? Traceparent.newID(digits: 32)
    }

    /// 1 to 128 letters, digits, `-`, `_` or `.`: anything else is not echoed back or logged.
    private static func isAcceptable(_ id: String) -> Bool {
        (1...128).contains(id.utf8.count) && id.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }
}

extension HTTPField.Name {
    static let traceID = HTTPField.Name("X-Trace-ID")!
    static let traceparent = HTTPField.Name("traceparent")!
}
