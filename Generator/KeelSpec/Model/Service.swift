/// The `service` section: what the generated service is called and how it is reached.
public struct Service: Codable, Hashable, Sendable {
    public enum Auth: String, Codable, Hashable, Sendable, CaseIterable {
        /// The service keeps its own users and issues HS256 tokens.
        case local
        /// Tokens come from an identity service; the service only verifies them.
        case jwt
        /// No authentication at all.
        case none
    }

    public var name: String
    public var title: String
    public var version: String
    public var port: Int
    /// Prefix of every generated endpoint, e.g. `/api/v1`; empty for the root.
    public var basePath: String
    public var auth: Auth
    public var corsOrigins: [String]
    public var location: SourceLocation
}
