import Foundation
import HTTPTypes
import Tracing

/// One outgoing call as an OpenTelemetry client span (semantic conventions for HTTP clients), its context sent in
/// `traceparent` so the callee's server span is its child.
enum ClientSpan {
    static func send(_ request: ClientRequest, through base: any ClientTransport, tracer: any Tracer) async throws -> ClientResponse {
        var request = request
        let span = tracer.startSpan(request.method.rawValue, context: InstrumentationContext.current ?? .topLevel, ofKind: .client)
        defer { span.end() }
        span.attributes["http.request.method"] = request.method.rawValue
        if let url = URLComponents(string: request.url) {
            span.attributes["server.address"] = url.host
            span.attributes["server.port"] = url.port ?? (url.scheme == "https" ? 443 : 80)
            // Without the query string: it may hold values that are not the tracer's to keep.
            var withoutQuery = url
            withoutQuery.query = nil
            span.attributes["url.full"] = withoutQuery.string
        }
        if request.headers[.keelTraceparent] == nil {
            tracer.inject(span.context, into: &request.headers, using: HTTPFieldsInjector())
        }
        do {
            let response = try await base.send(request)
            span.attributes["http.response.status_code"] = response.status
            // A client span is an error from 400 on (the server's own span only from 500).
            if response.status >= 400 { span.setStatus(SpanStatus(code: .error)) }
            return response
        } catch {
            span.recordError(error)
            span.setStatus(SpanStatus(code: .error))
            throw error
        }
    }
}
