import Hummingbird

/// Gives every request of the spec's routes a `RateLimitTicket`, and answers the outcome access control recorded in
/// it as `RateLimit-*` headers, on the response or on the error envelope (`Retry-After` too on a 429).
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = KeelRequestContext

    /// Behind the gateway the client address is the last `X-Forwarded-For` entry (`TRUST_FORWARDED_FOR`).
    let trustsForwardedFor: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let ticket = RateLimitTicket(address: ClientAddress.of(request, context: context, trustingForwardedFor: trustsForwardedFor))
        do {
            var response = try await RateLimitTicket.$current.withValue(ticket) { try await next(request, context) }
            ticket.outcome?.write(to: &response.headers)
            return response
        } catch var error as APIError {
            ticket.outcome?.write(to: &error.headers)
            throw error
        }
    }
}
