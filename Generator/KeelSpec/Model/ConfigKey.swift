/// A runtime setting kept in the database's config table, seeded from the environment on first start.
public struct ConfigKey: Codable, Hashable, Sendable {
    public enum Category: String, Codable, Hashable, Sendable, CaseIterable {
        case integration, system, security, database, email, license
    }

    public enum ValueType: String, Codable, Hashable, Sendable, CaseIterable {
        case string, integer, boolean, json
    }

    public var key: String
    /// The environment variable that seeds it.
    public var env: String
    public var category: Category
    public var type: ValueType
    /// Shown as `***SENSITIVE***` by the config endpoint.
    public var sensitive: Bool
    /// The default as text, used when the variable is unset on first start.
    public var defaultValue: String?
    public var description: String?
    public var location: SourceLocation
}
