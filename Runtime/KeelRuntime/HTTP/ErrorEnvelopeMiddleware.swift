import Foundation
import Hummingbird
import KeelClient
import Logging

/// Turns every error into the one error envelope (SPEC.md): handlers' `APIError`s, Hummingbird's own
/// (unknown route, body too large), undecodable bodies and database conflicts. Anything unexpected is a 500
/// whose detail says nothing about the server; the log line has the error and the trace id.
public struct ErrorEnvelopeMiddleware: RouterMiddleware {
    public typealias Context = KeelRequestContext

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let failure = Self.apiError(for: error)
            if failure.status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": .string(String(reflecting: error))])
            }
            return Self.response(for: failure, traceID: context.traceID)
        }
    }

    static func apiError(for error: Error) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as KeelClientError:
            return DependencyFailure.apiError(for: error)
        case let error as ResilienceError:
            return DependencyFailure.apiError(for: error)
        case let error as HTTPError:
            return APIError(error.status, code: ErrorEnvelope.code(forStatus: error.status.code), detail: error.body ?? error.status.reasonPhrase)
        case let error as DatabaseError:
            switch error.kind {
            case .uniqueViolation: return APIError(.conflict, code: "CONFLICT", detail: "A row with the same unique value already exists")
            case .foreignKeyViolation: return APIError(.conflict, code: "CONFLICT", detail: "The change conflicts with a referenced or referencing row")
            case .constraintViolation: return APIError(.unprocessableContent, code: "VALIDATION_FAILED", detail: "The database refused a value")
            case .unavailable: return APIError(.serviceUnavailable, code: "SERVICE_UNAVAILABLE", detail: "The database is unavailable")
            case .other: return APIError(.internalServerError, code: "INTERNAL_ERROR", detail: "Internal server error")
            }
        case let error where ConnectionFailure.matches(error):
            return DependencyFailure.unreachable
        case is DecodingError:
            return APIError(.badRequest, code: "BAD_REQUEST", detail: "The request body is not valid JSON for this endpoint")
        default:
            return APIError(.internalServerError, code: "INTERNAL_ERROR", detail: "Internal server error")
        }
    }

    static func response(for error: APIError, traceID: String) -> Response {
        let envelope = ErrorEnvelope(detail: error.detail, code: error.code, statusCode: error.status.code, traceID: traceID, errors: error.fieldErrors, feature: error.feature)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let body = (try? encoder.encode(envelope)) ?? Data()
        var headers = error.headers
        headers[.contentType] = "application/json"
        return Response(status: error.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
