/// What the spec tells the runtime about a service beyond its routes; generated code fills it in.
public struct ServiceDescription: Sendable {
    public var identity: ServiceIdentity
    public var auth: AuthMode
    /// The spec's `roles`, lowest privilege last; users may be given these.
    public var roles: [String]
    /// The role that may do everything and manage users and settings (the spec's `superuser:`).
    public var superuser: String
    public var licensing: LicensingModel
    public var config: [ConfigKey]
    /// The services this one is not ready without (keel.yaml's `dependencies` with `required: true`): `/readyz`
    /// asks each one's `/healthz`, at its `KEEL_DEP_<NAME>_URL`.
    public var requiredDependencies: [String]

    public init(identity: ServiceIdentity, auth: AuthMode, roles: [String] = ["admin", "maintainer", "viewer"], superuser: String = "admin",
                licensing: LicensingModel, config: [ConfigKey] = [], requiredDependencies: [String] = []) {
        self.identity = identity
        self.auth = auth
        self.roles = roles
        self.superuser = superuser
        self.licensing = licensing
        self.config = config
        self.requiredDependencies = requiredDependencies
    }
}
