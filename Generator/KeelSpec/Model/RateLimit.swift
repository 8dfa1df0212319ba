/// How many requests a caller may make per window: a tier's `rate_limit: 600/minute`, or an endpoint's override.
public struct RateLimit: Codable, Hashable, Sendable {
    /// The window a count covers; each starts at a whole multiple of its length (fixed windows).
    public enum Period: String, Codable, Hashable, Sendable, CaseIterable {
        case second, minute, hour

        public var seconds: Int {
            switch self {
            case .second: 1
            case .minute: 60
            case .hour: 3600
            }
        }
    }

    public var requests: Int
    public var period: Period

    public init(requests: Int, period: Period) {
        self.requests = requests
        self.period = period
    }

    /// As the spec writes it: `600/minute`.
    public var text: String { "\(requests)/\(period.rawValue)" }
}
