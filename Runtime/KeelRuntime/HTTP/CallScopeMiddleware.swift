import Hummingbird
import KeelClient

/// Binds what a handler's calls to other services carry on from the request being served: its bearer token as
/// `CallerToken.current` (which clients with `.forwardCaller` send) and its `X-Keel-Deadline-Ms` as
/// `CallDeadline.current` (which ends every call a dependency's `ResilientTransport` makes by then).
///
/// A request without the header has no caller deadline: each call then ends by its dependency's own timeout.
struct CallScopeMiddleware: RouterMiddleware {
    typealias Context = KeelRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let token = try? AccessControl.bearerToken(of: request)
        let deadline = request.headers[CallDeadline.header].flatMap { CallDeadline.instant(headerValue: $0) }
        return try await CallerToken.$current.withValue(token) {
            try await CallDeadline.$current.withValue(deadline) { try await next(request, context) }
        }
    }
}
