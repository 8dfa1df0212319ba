/// A hand-implemented endpoint: Keel generates the route and a protocol method the service implements.
public struct CustomEndpoint: Codable, Hashable, Sendable {
    public enum Method: String, Codable, Hashable, Sendable, CaseIterable {
        case GET, POST, PUT, PATCH, DELETE

        /// Whether a request body is allowed.
        public var hasBody: Bool { self == .POST || self == .PUT || self == .PATCH }
    }

    /// A path or query parameter.
    public struct Parameter: Codable, Hashable, Sendable {
        public var name: String
        public var type: ScalarType
        public var required: Bool
        public var description: String?
        /// The column options the parameter's value keeps to.
        public var bounds = ValueBounds()
    }

    /// lowerCamelCase operation name, e.g. `revenueReport`.
    public var name: String
    public var method: Method
    /// Path under `service.basePath`, with `{param}` placeholders.
    public var path: String
    public var requiresAuth: Bool
    /// Roles allowed to call it; empty means any authenticated caller.
    public var roles: [String]
    public var feature: String?
    public var description: String?
    /// In the order they appear in the path.
    public var params: [Parameter]
    public var query: [Parameter]
    public var body: TypeReference?
    /// Nil means the endpoint answers 204 with no body.
    public var response: TypeReference?
    public var location: SourceLocation
    /// Overrides the tier's rate limit: the endpoint has its own count.
    public var rateLimit: RateLimit? = nil
}
