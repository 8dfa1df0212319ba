/// How many requests a caller may make per fixed window: a tier's `rate_limit: 600/minute`.
public struct RateLimit: Sendable, Hashable {
    /// The window's length; windows start at whole multiples of it (Unix time).
    public enum Period: Int, Sendable, Hashable {
        case second = 1
        case minute = 60
        case hour = 3600
    }

    public let requests: Int
    public let period: Period

    public init(_ requests: Int, per period: Period) {
        self.requests = requests
        self.period = period
    }

    /// A replica reserves this many requests of a window from the shared count at most at once: a sixteenth of
    /// the limit, at most 64, so a caller near its limit can find at most that many, less one, held unused by
    /// each other replica.
    var largestReservation: Int { max(1, min(64, requests / 16)) }
}

/// An endpoint's own rate limit (`rate_limit:` on the endpoint), in place of the tier's: every tier gets it, and
/// the requests of `scope` (the resource's path, or a custom endpoint's method and path) have their own count.
public struct EndpointRateLimit: Sendable, Hashable {
    public let scope: String
    public let limit: RateLimit

    public init(_ scope: String, _ requests: Int, per period: RateLimit.Period) {
        self.scope = scope
        limit = RateLimit(requests, per: period)
    }
}
