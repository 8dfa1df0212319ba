import Hummingbird

/// Counts the requests in flight for the shutdown, and once it has begun answers with `Connection: close`, so a
/// client or load balancer opens its next connection elsewhere instead of reusing one this replica will close.
struct ShutdownMiddleware: RouterMiddleware {
    typealias Context = KeelRequestContext
    let state: ShutdownState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        state.requestStarted()
        defer { state.requestEnded() }
        var response = try await next(request, context)
        if state.hasBegun { response.headers[.connection] = "close" }
        return response
    }
}
