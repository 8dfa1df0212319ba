/// The body of `GET {base}/license`: the tier and features in force (OpenAPI schema `License`).
struct LicenseView: Encodable {
    let tier: String
    let features: [String]
    /// False once the license was refused or its grace period ran out.
    let valid: Bool
    let expires_at: String?
    /// Where the entitlements come from: `development`, `server`, `cache` or `expired`.
    let source: String

    init(_ entitlements: Entitlements) {
        tier = entitlements.tier
        features = entitlements.features
        valid = entitlements.source != "expired"
        expires_at = entitlements.expiresAt
        source = entitlements.source
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tier, forKey: .tier)
        try container.encode(features, forKey: .features)
        try container.encode(valid, forKey: .valid)
        try container.encode(expires_at, forKey: .expires_at)
        try container.encode(source, forKey: .source)
    }

    enum CodingKeys: String, CodingKey {
        case tier, features, valid, expires_at, source
    }
}
