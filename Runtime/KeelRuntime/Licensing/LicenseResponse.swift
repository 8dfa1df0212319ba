/// The license server's answer to `POST /api/v2/validate`. Decoded leniently: only `valid`, `message`, `tier`,
/// `features`, `expires_at` and `metadata.server_id` matter (plus `customer` for display); the rest is ignored.
public struct LicenseResponse: Decodable, Sendable, Equatable {
    public struct Feature: Decodable, Sendable, Equatable {
        public var name: String
        public var entitled: Bool

        enum CodingKeys: String, CodingKey {
            case name, entitled
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            entitled = try container.decodeIfPresent(Bool.self, forKey: .entitled) ?? false
        }
    }

    public var valid: Bool
    /// Why the license is not valid.
    public var message: String?
    /// `community`, `professional` or `enterprise` (or a tier of the spec).
    public var tier: String?
    public var features: [Feature]
    /// ISO 8601, e.g. `2026-01-31T00:00:00Z`.
    public var expiresAt: String?
    public var customer: String?
    /// `metadata.server_id`: the id keepalives report.
    public var serverID: String?

    enum CodingKeys: String, CodingKey {
        case valid, message, tier, features, customer, metadata
        case expiresAt = "expires_at"
    }

    enum MetadataKeys: String, CodingKey {
        case serverID = "server_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        valid = try container.decode(Bool.self, forKey: .valid)
        message = try container.decodeIfPresent(String.self, forKey: .message)
        tier = try container.decodeIfPresent(String.self, forKey: .tier)
        features = try container.decodeIfPresent([Feature].self, forKey: .features) ?? []
        expiresAt = try container.decodeIfPresent(String.self, forKey: .expiresAt)
        customer = try container.decodeIfPresent(String.self, forKey: .customer)
        // A missing or null `metadata` only means no server id.
        let metadata = try? container.nestedContainer(keyedBy: MetadataKeys.self, forKey: .metadata)
        serverID = try metadata?.decodeIfPresent(String.self, forKey: .serverID)
    }
}
