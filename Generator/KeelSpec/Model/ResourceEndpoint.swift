/// CRUD endpoints over one table (`- resource: products`).
public struct ResourceEndpoint: Codable, Hashable, Sendable {
    public enum Operation: String, Codable, Hashable, Sendable, CaseIterable {
        case list, get, create, update, delete

        /// Whether the operation changes data (and so needs a `write` role).
        public var writes: Bool { self == .create || self == .update || self == .delete }
    }

    /// Options of the `list` operation.
    public struct ListOptions: Codable, Hashable, Sendable {
        /// Columns that may be filtered on with `?column=value`.
        public var filter: [String]
        /// Columns that may be sorted on with `?sort=col,-col`.
        public var sort: [String]
        public var pageSize: Int
        public var maxPageSize: Int
    }

    public var resource: String
    public var table: String
    /// Path under `service.basePath`, e.g. `/products`.
    public var path: String
    public var operations: [Operation]
    public var requiresAuth: Bool
    public var roles: RoleRequirement
    public var feature: String?
    public var list: ListOptions
    public var location: SourceLocation
    /// Overrides the tier's rate limit for every operation of the resource, which share one count.
    public var rateLimit: RateLimit? = nil

    /// The operation's name in every output (OpenAPI operationId, client method): `listProducts`, `getProduct`, ...
    public func operationID(_ operation: Operation, model: String) -> String {
        switch operation {
        case .list: "list\(Inflector.upperCamel(resource))"
        case .get: "get\(model)"
        case .create: "create\(model)"
        case .update: "update\(model)"
        case .delete: "delete\(model)"
        }
    }
}

/// Which roles may read (list, get) and write (create, update, delete); empty means no check.
public struct RoleRequirement: Codable, Hashable, Sendable {
    public var read: [String]
    public var write: [String]

    public func roles(for operation: ResourceEndpoint.Operation) -> [String] {
        operation.writes ? write : read
    }
}
