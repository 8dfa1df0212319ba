import Hummingbird
import KeelClient

/// What a request answers when a call its handler made to another service failed and the handler let it through.
enum DependencyFailure {
    /// A callee's 4xx is the caller's own (its input, its token, its license): passed on with the callee's status,
    /// code, detail, field errors and feature. A callee's 5xx is this service's 502 `DEPENDENCY_FAILED`.
    static func apiError(for error: KeelClientError) -> APIError {
        guard (400..<500).contains(error.status) else {
            return APIError(.badGateway, code: "DEPENDENCY_FAILED", detail: "A service this one calls failed (\(error.status) \(error.code))")
        }
        let fields = error.fieldErrors.map { ErrorEnvelope.FieldError(field: $0.field, message: $0.message) }
        return APIError(HTTPResponse.Status(code: error.status), code: error.code, detail: error.message, fieldErrors: fields.isEmpty ? nil : fields, feature: error.feature)
    }

    /// A call that found no service listening, or lost its connection, after its retries.
    static let unreachable = APIError(.badGateway, code: "DEPENDENCY_FAILED", detail: "A service this one calls could not be reached")

    /// An open circuit is 503 `DEPENDENCY_UNAVAILABLE` with `Retry-After` (the rest of the cool-down, at least 1 s);
    /// a passed deadline is 504 `DEPENDENCY_TIMEOUT`.
    static func apiError(for error: ResilienceError) -> APIError {
        switch error {
        case let .circuitOpen(dependency, _, retryIn):
            var failure = APIError(.serviceUnavailable, code: "DEPENDENCY_UNAVAILABLE", detail: "\(dependency) is unavailable: its circuit is open")
            failure.headers[.retryAfter] = String(max(1, (retryIn.components.seconds) + (retryIn.components.attoseconds > 0 ? 1 : 0)))
            return failure
        case let .deadlineExceeded(dependency, _):
            return APIError(.gatewayTimeout, code: "DEPENDENCY_TIMEOUT", detail: "\(dependency) did not answer in time")
        }
    }
}
