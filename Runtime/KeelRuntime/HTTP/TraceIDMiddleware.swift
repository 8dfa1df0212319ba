import HTTPTypes
import Hummingbird
import KeelClient
import Logging

/// Gives every request a trace id: the caller's `X-Trace-ID`, else the trace id of a W3C `traceparent`,
/// else a new one. It is returned in `X-Trace-ID`, added to the request's log metadata and bound as
/// `TraceContext.current`, so outgoing calls to other services carry it.
public struct TraceIDMiddleware: RouterMiddleware {
    public typealias Context = KeelRequestContext

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.traceID = Self.traceID(of: request)
        context.logger[metadataKey: "trace_id"] = .string(context.traceID)
        // Calls to other services made while answering carry the trace on (KeelClient's TracePropagatingTransport).
        let trace = TraceContext(traceID: context.traceID, traceparent: request.headers[.traceparent])
        var response = try await TraceContext.$current.withValue(trace) { try await next(request, context) }
        response.headers[.traceID] = context.traceID
        return response
    }

    static func traceID(of request: Request) -> String {
        if let given = request.headers[.traceID], isAcceptable(given) { return given }
        if let parent = request.headers[.traceparent] {
            // version-traceid-parentid-flags, e.g. 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01
            let parts = parent.split(separator: "-")
            if parts.count == 4, parts[1].count == 32, parts[1].allSatisfy(\.isHexDigit), parts[1] != String(repeating: "0", count: 32) {
                return String(parts[1]).lowercased()
            }
        }
        return hex(UInt64.random(in: .min ... .max)) + hex(UInt64.random(in: .min ... .max))
    }

    /// 16 lower-case hex digits (String(format:) is slow on Linux, and this runs per request).
    private static func hex(_ number: UInt64) -> String {
        let digits = String(number, radix: 16)
        return String(repeating: "0", count: 16 - digits.utf8.count) + digits
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
