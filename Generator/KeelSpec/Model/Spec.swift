/// The resolved model of a spec: every name checked, every default filled in.
///
/// This is the one input of every emitter; nothing downstream reads YAML.
public struct Spec: Codable, Hashable, Sendable {
    /// The language version (`keel: 1`).
    public var keel: Int
    public var service: Service
    /// Lowest tier first.
    public var tiers: [Tier]
    public var features: [Feature]
    /// Global roles; `superuser` is always among them.
    public var roles: [String]
    /// The role that may do everything and manage users and settings (`superuser:`, default `admin`).
    public var superuser: String
    @TableList public var tables: [Table]
    public var resources: [ResourceEndpoint]
    public var customEndpoints: [CustomEndpoint]
    public var types: [TypeDefinition]
    public var config: [ConfigKey]
    public var gateway: Gateway

    /// The table named `name`, if any.
    public func table(named name: String) -> Table? {
        _tables.table(named: name)
    }

    /// The named type `name`, if any.
    public func type(named name: String) -> TypeDefinition? {
        types.first { $0.name == name }
    }
}
