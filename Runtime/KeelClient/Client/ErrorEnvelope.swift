/// The one error body every generated service answers with (SPEC.md, "What an endpoint means at run time"):
/// KeelRuntime sends it, a generated client decodes it into a ``KeelClientError``.
public struct ErrorEnvelope: Codable, Hashable, Sendable {
    /// One rejected field of a request body (422 only).
    public struct FieldError: Codable, Hashable, Sendable {
        /// The body key, e.g. `price_cents`.
        public var field: String
        /// Why the value was refused.
        public var message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    /// What went wrong, for people.
    public var detail: String
    /// Stable machine-readable code, e.g. `NOT_FOUND`, `FEATURE_NOT_LICENSED`.
    public var code: String
    /// The HTTP status of the answer, repeated for logs that keep only the body.
    public var statusCode: Int
    /// The request's trace id, to find its log lines.
    public var traceID: String
    /// The rejected fields of a 422.
    public var errors: [FieldError]?
    /// The feature that is not licensed, for `FEATURE_NOT_LICENSED`.
    public var feature: String?

    public init(detail: String, code: String, statusCode: Int, traceID: String, errors: [FieldError]? = nil, feature: String? = nil) {
        self.detail = detail
        self.code = code
        self.statusCode = statusCode
        self.traceID = traceID
        self.errors = errors
        self.feature = feature
    }

    enum CodingKeys: String, CodingKey {
        case detail, code, errors, feature
        case statusCode = "status_code"
        case traceID = "trace_id"
    }

    /// The code a Keel service sends for a status raised without one (Hummingbird's own errors), and a client
    /// assumes for an answer without an envelope (a proxy's page).
    public static func code(forStatus status: Int) -> String {
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
