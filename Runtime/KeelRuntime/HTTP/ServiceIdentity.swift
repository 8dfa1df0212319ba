/// What the spec's `service` section tells the runtime about the service.
public struct ServiceIdentity: Sendable {
    public var name: String
    public var version: String
    /// Prefix of every spec endpoint, e.g. `/api/v1`.
    public var basePath: String
    /// Origins allowed by CORS; empty turns CORS off.
    public var corsOrigins: [String]

    public init(name: String, version: String, basePath: String, corsOrigins: [String] = []) {
        self.name = name
        self.version = version
        self.basePath = basePath
        self.corsOrigins = corsOrigins
    }
}
