import Foundation

/// The features and limits in force now, and where they come from (`GET {base_path}/license` reports them).
public struct Entitlements: Sendable, Codable, Equatable {
    public var tier: String
    /// Names of the features in force, sorted.
    public var features: [String]
    /// False in development mode (`RELEASE_MODE=false`): then every feature is on and no row limit applies.
    public var enforced: Bool
    /// `development`, `server`, `cache` (server unreachable, last good answer in its grace period) or `expired`.
    public var source: String
    public var validatedAt: Date?
    /// As the server wrote it (ISO 8601).
    public var expiresAt: String?
    public var customer: String?

    enum CodingKeys: String, CodingKey {
        case tier, features, enforced, source, customer
        case validatedAt = "validated_at"
        case expiresAt = "expires_at"
    }

    public init(tier: String, features: [String], enforced: Bool, source: String, validatedAt: Date? = nil, expiresAt: String? = nil, customer: String? = nil) {
        self.tier = tier
        self.features = features
        self.enforced = enforced
        self.source = source
        self.validatedAt = validatedAt
        self.expiresAt = expiresAt
        self.customer = customer
    }

    public func includes(feature: String) -> Bool {
        !enforced || features.contains(feature)
    }

    /// The most rows `table` may hold, or nil for no limit. A tier the spec does not know gets the lowest tier's limits.
    public func rowLimit(for table: String, model: LicensingModel) -> Int? {
        guard enforced else { return nil }
        return (model.rank(of: tier).map { model.tiers[$0] } ?? model.lowestTier).rowLimits[table]
    }

    /// The tier's rate limit, or nil for none; a tier the spec does not know gets the lowest tier's.
    public func rateLimit(model: LicensingModel) -> RateLimit? {
        guard enforced else { return nil }
        return (model.rank(of: tier).map { model.tiers[$0] } ?? model.lowestTier).rateLimit
    }
}

extension Entitlements {
    /// Development mode: the highest tier with every feature, nothing enforced.
    static func development(_ model: LicensingModel) -> Entitlements {
        Entitlements(tier: model.highestTier.name, features: model.features.keys.sorted(), enforced: false, source: "development")
    }

    /// No valid license: the lowest tier's limits and no feature at all.
    static func expired(_ model: LicensingModel) -> Entitlements {
        Entitlements(tier: model.lowestTier.name, features: [], enforced: true, source: "expired")
    }

    /// A feature is in force when the server entitles it, or when the license's tier reaches the feature's lowest tier.
    init(response: LicenseResponse, model: LicensingModel, validatedAt: Date) {
        let tier = response.tier?.lowercased() ?? model.lowestTier.name
        let rank = model.rank(of: tier) ?? 0
        let byTier = model.features.filter { (model.rank(of: $0.value) ?? Int.max) <= rank }.keys
        let byServer = response.features.filter(\.entitled).map(\.name)
        self.init(
            tier: tier, features: Set(byTier).union(byServer).sorted(), enforced: true, source: "server",
            validatedAt: validatedAt, expiresAt: response.expiresAt, customer: response.customer
        )
    }
}
