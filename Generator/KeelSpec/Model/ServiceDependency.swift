/// A service this one calls (`dependencies:` in keel.yaml): its typed Swift client is generated from its spec.
public struct ServiceDependency: Hashable, Sendable {
    /// Which token the client sends to the dependency's endpoints that need one.
    public enum Credentials: String, Hashable, Sendable, CaseIterable {
        /// The token of the request being served: the dependency sees the original caller.
        case forward
        /// The calling service's own token (from the environment, see docs/services.md).
        case service
        /// No token: only the dependency's public endpoints answer.
        case none
    }

    /// The key in `dependencies:`, snake_case, e.g. `inventory`; the client is `InventoryClient`.
    public var name: String
    /// The absolute path of the dependency's `keel.yaml`.
    public var config: String
    public var credentials: Credentials
    /// Whether the service is not ready without it: its `/readyz` asks the dependency's `/healthz` too.
    public var required: Bool
    /// Where `dependencies.<name>` stands in keel.yaml.
    public var location: SourceLocation

    public init(name: String, config: String, credentials: Credentials = .forward, required: Bool = false, location: SourceLocation) {
        self.name = name
        self.config = config
        self.credentials = credentials
        self.required = required
        self.location = location
    }
}
