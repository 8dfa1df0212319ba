import HTTPTypes
import Hummingbird
import KeelClient
import Tracing

/// One incoming request as an OpenTelemetry server span (semantic conventions for HTTP servers): the child of the
/// caller's span when a `traceparent` came in, the root of a new trace otherwise.
enum ServerSpan {
    /// Runs `body` inside the span, given the span's own `traceparent` (nil when the tracer gave none).
    static func serve(_ request: Request, route: String?, tracer: any Tracer, _ body: (Traceparent?) async throws -> Response) async throws -> Response {
        var parent = InstrumentationContext.topLevel
        tracer.extract(request.headers, into: &parent, using: HTTPFieldsExtractor())
        let method = request.method.rawValue
        let span = tracer.startSpan(route.map { "\(method) \($0)" } ?? method, context: parent, ofKind: .server)
        defer { span.end() }
        span.attributes["http.request.method"] = method
        span.attributes["http.route"] = route
        span.attributes["url.path"] = request.uri.path
        var own = HTTPFields()
        tracer.inject(span.context, into: &own, using: HTTPFieldsInjector())
        do {
            let response = try await InstrumentationContext.$current.withValue(span.context) {
                try await body(own[.traceparent].flatMap(Traceparent.init))
            }
            record(status: response.status.code, on: span)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(status: status, on: span)
            if status >= 500 { span.recordError(error) }
            throw error
        }
    }

    /// A server span is an error only from 500 on: a 4xx is the client's mistake, not the server's.
    private static func record(status: Int, on span: any Span) {
        span.attributes["http.response.status_code"] = status
        if status >= 500 { span.setStatus(SpanStatus(code: .error)) }
    }
}
