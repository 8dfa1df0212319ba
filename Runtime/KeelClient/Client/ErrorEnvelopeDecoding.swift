import Foundation

/// The error envelope as it travels (snake_case keys); only a client's decoding needs it.
struct WireErrorEnvelope: Decodable {
    var detail: String
    var code: String
    var statusCode: Int?
    var traceID: String?
    var errors: [KeelClientError.FieldError]?
    var feature: String?

    enum CodingKeys: String, CodingKey {
        case detail, code, errors, feature
        case statusCode = "status_code"
        case traceID = "trace_id"
    }
}

extension KeelClientError {
    /// The typed error of a non-2xx answer: its envelope when the body is one, else the status with the body as text
    /// (a proxy's or load balancer's page), so nothing the callee said is lost.
    ///
    /// - Parameters:
    ///   - status: the HTTP status code of the answer.
    ///   - body: the answer's body bytes.
    ///   - traceID: the `X-Trace-ID` response header, used when the body carries none.
    public init(status: Int, body: Data, traceID: String? = nil) {
        if let envelope = try? JSONDecoder().decode(WireErrorEnvelope.self, from: body) {
            self.init(
                status: status,
                code: envelope.code,
                message: envelope.detail,
                fieldErrors: envelope.errors ?? [],
                feature: envelope.feature,
                traceID: envelope.traceID ?? traceID
            )
        } else {
            let text = String(decoding: body.prefix(512), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            self.init(status: status, code: Self.fallbackCode(status), message: text.isEmpty ? "HTTP \(status)" : text, traceID: traceID)
        }
    }

    /// The code a Keel service would have sent for the status (ErrorEnvelopeMiddleware's table), for answers without an envelope.
    static func fallbackCode(_ status: Int) -> String {
        switch status {
        case 400: "BAD_REQUEST"
        case 401: "UNAUTHORIZED"
        case 403: "FORBIDDEN"
        case 404: "NOT_FOUND"
        case 405: "METHOD_NOT_ALLOWED"
        case 409: "CONFLICT"
        case 413: "PAYLOAD_TOO_LARGE"
        case 415: "UNSUPPORTED_MEDIA_TYPE"
        case 422: "VALIDATION_FAILED"
        case 429: "RATE_LIMITED"
        case 502: "BAD_GATEWAY"
        case 503: "SERVICE_UNAVAILABLE"
        case 504: "GATEWAY_TIMEOUT"
        default: status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST"
        }
    }
}
