/// Who may call an operation: anyone, or an authenticated user with one of some roles, and which licensed
/// feature it needs.
public struct AccessRule: Sendable {
    public let requiresAuthentication: Bool
    /// Empty: any authenticated user.
    public let roles: [String]
    public let feature: String?

    public init(authenticated: Bool, roles: [String] = [], feature: String? = nil) {
        requiresAuthentication = authenticated
        self.roles = roles
        self.feature = feature
    }

    public static func anyone(feature: String? = nil) -> AccessRule {
        AccessRule(authenticated: false, feature: feature)
    }

    public static let admin = AccessRule(authenticated: true, roles: ["admin"])
}
