import HTTPTypes

/// What the rate limit said of one request, and the headers that tell the caller.
struct RateLimitOutcome: Sendable, Equatable {
    let admitted: Bool
    let limit: Int
    /// Requests left in the window, as this replica knows it.
    let remaining: Int
    /// Seconds until the window ends and the count starts again.
    let reset: Int

    /// `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`, and `Retry-After` on a refusal.
    func write(to headers: inout HTTPFields) {
        headers[Self.limitName] = String(limit)
        headers[Self.remainingName] = String(remaining)
        headers[Self.resetName] = String(reset)
        if !admitted { headers[.retryAfter] = String(reset) }
    }

    static let limitName = HTTPField.Name("RateLimit-Limit")!
    static let remainingName = HTTPField.Name("RateLimit-Remaining")!
    static let resetName = HTTPField.Name("RateLimit-Reset")!
}
