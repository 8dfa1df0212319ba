/// A subscription tier; its limits cap how many rows a table may hold.
public struct Tier: Codable, Hashable, Sendable {
    public struct Limit: Codable, Hashable, Sendable {
        public var table: String
        public var maxRows: Int
    }

    public var name: String
    public var limits: [Limit]
    public var location: SourceLocation
    /// Requests per caller per window (`rate_limit: 600/minute`); nil: no rate limit.
    public var rateLimit: RateLimit? = nil
}

/// A licensed feature and the lowest tier that includes it.
public struct Feature: Codable, Hashable, Sendable {
    public var name: String
    public var tier: String
    public var description: String?
    public var location: SourceLocation
}
