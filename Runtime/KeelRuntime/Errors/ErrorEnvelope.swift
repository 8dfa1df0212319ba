/// The one error body every generated service answers with (SPEC.md, "What an endpoint means at run time").
public struct ErrorEnvelope: Codable, Hashable, Sendable {
    /// One rejected field of a request body (422 only).
    public struct FieldError: Codable, Hashable, Sendable {
        public var field: String
        public var message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    public var detail: String
    /// Stable machine-readable code, e.g. `NOT_FOUND`, `FEATURE_NOT_LICENSED`.
    public var code: String
    public var statusCode: Int
    public var traceID: String
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
}
