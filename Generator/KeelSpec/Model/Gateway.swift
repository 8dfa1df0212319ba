/// MarchProxy gateway settings; the service itself is always `<service.name>-api`.
public struct Gateway: Codable, Hashable, Sendable {
    public enum AuthType: String, Codable, Hashable, Sendable, CaseIterable {
        case none, base64, jwt
    }

    /// Protocols MarchProxy's api-server accepts for a service.
    public enum ServiceProtocol: String, Codable, Hashable, Sendable, CaseIterable {
        case tcp, udp, http, https
    }

    /// Another service of the same application behind the gateway.
    public struct Service: Codable, Hashable, Sendable {
        public var name: String
        public var host: String
        public var port: Int
        public var `protocol`: ServiceProtocol
        public var healthCheckPath: String?
        public var healthCheckInterval: Int
        public var tlsEnabled: Bool
        public var tlsVerify: Bool
        public var location: SourceLocation
    }

    /// A route through the gateway from sources to destinations.
    public struct Mapping: Codable, Hashable, Sendable {
        public var name: String
        public var description: String?
        /// Service names (`api` is this service) or `external`.
        public var source: [String]
        public var dest: [String]
        public var listenPort: Int
        public var `protocol`: ServiceProtocol
        public var pathPrefix: String?
        public var location: SourceLocation
    }

    public var collection: String
    public var authType: AuthType
    public var services: [Service]
    /// Defaults to one mapping external -> api on the base path; `mappings: []` means none.
    public var mappings: [Mapping]
}
