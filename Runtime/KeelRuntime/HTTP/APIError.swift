import Hummingbird
import KeelClient

/// An error a handler answers on purpose; it leaves as the error envelope with its status and code.
public struct APIError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var detail: String
    public var fieldErrors: [ErrorEnvelope.FieldError]?
    public var feature: String?
    /// Sent with the envelope, e.g. `Retry-After` on a 429.
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, code: String, detail: String, fieldErrors: [ErrorEnvelope.FieldError]? = nil, feature: String? = nil) {
        self.status = status
        self.code = code
        self.detail = detail
        self.fieldErrors = fieldErrors
        self.feature = feature
    }

    public static func notFound(_ detail: String) -> APIError {
        APIError(.notFound, code: "NOT_FOUND", detail: detail)
    }

    public static func validation(_ errors: [ErrorEnvelope.FieldError]) -> APIError {
        APIError(.unprocessableContent, code: "VALIDATION_FAILED", detail: "The request body is not valid", fieldErrors: errors)
    }

    /// An endpoint the service has not written yet: what `keel init`'s starter handlers answer.
    public static func notImplemented(_ operation: String) -> APIError {
        APIError(.notImplemented, code: "NOT_IMPLEMENTED", detail: "\(operation) is not implemented yet")
    }

    /// A body that does not parse as JSON.
    public static let invalidJSON = APIError(.badRequest, code: "INVALID_JSON", detail: "The request body is not valid JSON")
}
