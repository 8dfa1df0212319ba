/// Who made a request: the token's subject and roles.
public struct Principal: Sendable, Hashable {
    /// The token's `sub`: a user id for `auth: local`, whatever the identity service uses for `auth: jwt`.
    public let subject: String
    public let email: String?
    public let roles: [String]

    public init(subject: String, email: String?, roles: [String]) {
        self.subject = subject
        self.email = email
        self.roles = roles
    }

    /// The superuser may do everything (SPEC.md); anyone else needs one of `allowed`, and an empty list admits any user.
    public func mayAct(as allowed: [String], superuser: String) -> Bool {
        allowed.isEmpty || roles.contains(superuser) || roles.contains { allowed.contains($0) }
    }

    /// The name written to audit columns such as `updated_by`.
    public var displayName: String { email ?? subject }
}
