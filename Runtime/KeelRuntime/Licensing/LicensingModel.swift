/// What the spec's `tiers` and `features` sections tell the runtime: the tiers, lowest first, with their
/// row limits, and the lowest tier of each licensed feature. Generated code builds it from `Licensing.swift`.
public struct LicensingModel: Sendable {
    /// A subscription tier; a higher tier includes everything a lower one does.
    public struct Tier: Sendable {
        public var name: String
        /// The most rows each table may hold in this tier; a table not listed has no limit.
        public var rowLimits: [String: Int]
        /// Requests per caller per window; nil: no rate limit.
        public var rateLimit: RateLimit?

        public init(name: String, rowLimits: [String: Int] = [:], rateLimit: RateLimit? = nil) {
            self.name = name
            self.rowLimits = rowLimits
            self.rateLimit = rateLimit
        }
    }

    /// The spec's default when `tiers` is absent or empty.
    public static let defaultTiers = [Tier(name: "community"), Tier(name: "professional"), Tier(name: "enterprise")]

    /// The tiers, lowest first; never empty.
    public let tiers: [Tier]
    /// Feature name -> name of the lowest tier that includes it.
    public let features: [String: String]

    /// An empty `tiers` means the spec's default tiers, as in the spec; so there is always a lowest and a highest tier.
    public init(tiers: [Tier], features: [String: String] = [:]) {
        self.tiers = tiers.isEmpty ? Self.defaultTiers : tiers
        self.features = features
    }

    /// Position of the tier in the order (0 for the lowest), or nil for a name the spec does not know.
    public func rank(of tier: String) -> Int? {
        tiers.firstIndex { $0.name == tier }
    }

    public var lowestTier: Tier { tiers[0] }

    public var highestTier: Tier { tiers[tiers.count - 1] }
}
