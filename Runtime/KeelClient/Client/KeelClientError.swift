/// A call another Keel service refused: its error envelope, typed.
///
/// Every generated service answers a failed request with one JSON envelope (`detail`, `code`, `status_code`,
/// `trace_id`, and `errors` on a 422 or `feature` on an unlicensed feature); a generated client throws it as this
/// error, so a caller switches on ``code`` or ``status`` instead of parsing bodies.
public struct KeelClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One rejected field of a request body (a 422's `errors`): the envelope's.
    public typealias FieldError = ErrorEnvelope.FieldError

    /// The HTTP status of the answer, e.g. 422.
    public var status: Int
    /// The envelope's stable machine-readable code, e.g. `VALIDATION_FAILED`, `FEATURE_NOT_LICENSED`.
    public var code: String
    /// The envelope's human-readable `detail`.
    public var message: String
    /// The rejected fields of a 422; empty otherwise.
    public var fieldErrors: [FieldError]
    /// The unlicensed feature of a `FEATURE_NOT_LICENSED` answer.
    public var feature: String?
    /// The callee's trace id for the request, to find its log lines.
    public var traceID: String?

    public init(status: Int, code: String, message: String, fieldErrors: [FieldError] = [], feature: String? = nil, traceID: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.fieldErrors = fieldErrors
        self.feature = feature
        self.traceID = traceID
    }

    public var description: String {
        var text = "\(status) \(code): \(message)"
        if !fieldErrors.isEmpty {
            text += " (" + fieldErrors.map { "\($0.field): \($0.message)" }.joined(separator: "; ") + ")"
        }
        if let feature { text += " [feature \(feature)]" }
        if let traceID { text += " [trace \(traceID)]" }
        return text
    }
}
