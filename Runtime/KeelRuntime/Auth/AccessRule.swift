/// Who may call an operation: anyone, or an authenticated user with one of some roles, and which licensed
/// feature it needs.
public struct AccessRule: Sendable {
    public let requiresAuthentication: Bool
    /// Empty: any authenticated user (unless `superuserOnly`).
    public let roles: [String]
    public let feature: String?
    /// Only the spec's superuser, whatever its name: user management and runtime settings.
    public let superuserOnly: Bool
    /// The endpoint's own rate limit; nil: the licensed tier's.
    public let rateLimit: EndpointRateLimit?

    public init(authenticated: Bool, roles: [String] = [], feature: String? = nil, rateLimit: EndpointRateLimit? = nil) {
        self.init(authenticated: authenticated, roles: roles, feature: feature, superuserOnly: false, rateLimit: rateLimit)
    }

    private init(authenticated: Bool, roles: [String], feature: String?, superuserOnly: Bool, rateLimit: EndpointRateLimit? = nil) {
        requiresAuthentication = authenticated
        self.roles = roles
        self.feature = feature
        self.superuserOnly = superuserOnly
        self.rateLimit = rateLimit
    }

    public static func anyone(feature: String? = nil) -> AccessRule {
        AccessRule(authenticated: false, feature: feature)
    }

    public static let superuser = AccessRule(authenticated: true, roles: [], feature: nil, superuserOnly: true)
}
