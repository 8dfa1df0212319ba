/// Where and how the HTTP server listens: `HOST` (default 0.0.0.0), `PORT` (default 8080) and
/// `MAX_BODY_SIZE` in bytes (default 1 MiB).
public struct ServerSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var maximumBodySize: Int

    public static let defaultMaximumBodySize = 1 << 20

    public init(host: String = "0.0.0.0", port: Int = 8080, maximumBodySize: Int = defaultMaximumBodySize) {
        self.host = host
        self.port = port
        self.maximumBodySize = maximumBodySize
    }

    public init(environment: [String: String]) throws {
        let env = EnvironmentReader(environment)
        self.init(
            host: env.string("HOST") ?? "0.0.0.0",
            port: try env.integer("PORT", default: 8080, in: 0...65535),
            maximumBodySize: try env.integer("MAX_BODY_SIZE", default: Self.defaultMaximumBodySize, in: 1024...(1 << 30))
        )
    }
}
