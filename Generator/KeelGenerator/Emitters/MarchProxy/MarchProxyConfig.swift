import KeelSpec

/// What MarchProxy should hold for a spec: the services and mappings of the project template's
/// `config/marchproxy/` files, named `<service.name>-<service>` as the template does.
///
/// Both the files of `outputs.marchproxy` and `keel marchproxy push` are made from this one value,
/// so what is pushed is always what was generated.
public struct MarchProxyConfig: Sendable, Equatable {
    /// A service in the api-server's field names; every field is one the server's create route accepts.
    public struct Service: Sendable, Equatable {
        public var name: String
        public var ipFQDN: String
        public var port: Int
        public var `protocol`: String
        public var collection: String
        public var authType: String
        public var tlsEnabled: Bool
        public var tlsVerify: Bool
        public var healthCheckEnabled: Bool
        public var healthCheckPath: String?
        public var healthCheckInterval: Int

        /// The fields as the api-server names them, in the template's order.
        public var fields: [(String, StructuredValue)] {
            var builder = ObjectBuilder()
            builder.set("name", .string(name))
            builder.set("ip_fqdn", .string(ipFQDN))
            builder.set("port", .integer(Int64(port)))
            builder.set("protocol", .string(`protocol`))
            builder.set("collection", .string(collection))
            builder.set("auth_type", .string(authType))
            builder.set("tls_enabled", .bool(tlsEnabled))
            builder.set("tls_verify", .bool(tlsVerify))
            builder.set("health_check_enabled", .bool(healthCheckEnabled))
            builder.set("health_check_path", healthCheckPath.map(StructuredValue.string))
            builder.set("health_check_interval", .integer(Int64(healthCheckInterval)))
            return builder.pairs
        }
    }

    /// A route in the template's form; MarchProxy's api-server has no route that takes it (see `keel marchproxy push`).
    public struct Mapping: Sendable, Equatable {
        public var name: String
        public var description: String
        public var sourceServices: [String]
        public var destServices: [String]
        public var listenPort: Int
        public var `protocol`: String
        public var pathPrefix: String?

        public var fields: [(String, StructuredValue)] {
            var builder = ObjectBuilder()
            builder.set("name", .string(name))
            builder.set("description", .string(description))
            builder.set("source_services", .array(sourceServices.map(StructuredValue.string)))
            builder.set("dest_services", .array(destServices.map(StructuredValue.string)))
            builder.set("listen_port", .integer(Int64(listenPort)))
            builder.set("protocol", .string(`protocol`))
            builder.set("path_prefix", pathPrefix.map(StructuredValue.string))
            builder.set("is_active", .bool(true))
            return builder.pairs
        }
    }

    /// The shortest `health_check_interval`, in seconds, that MarchProxy's api-server accepts.
    public static let shortestHealthCheckInterval = 5

    public var appName: String
    public var version: String
    public var description: String
    public var services: [Service]
    public var mappings: [Mapping]

    public init(_ spec: Spec) {
        let gateway = spec.gateway
        let app = spec.service.name
        func fullName(_ name: String) -> String { name == "external" ? name : "\(app)-\(name)" }
        appName = app
        version = spec.service.version
        description = spec.service.title
        // The service itself: its container is reached by its gateway name, as in the template's compose file.
        // Checked on /readyz, which fails from SIGTERM on, as often as MarchProxy allows, so that the gateway stops
        // sending to a stopping replica during its SHUTDOWN_DRAIN_DELAY (/healthz stays 200 until the exit).
        let api = Service(
            name: fullName("api"), ipFQDN: fullName("api"), port: spec.service.port, protocol: "http",
            collection: gateway.collection, authType: gateway.authType.rawValue, tlsEnabled: false, tlsVerify: true,
            healthCheckEnabled: true, healthCheckPath: "/readyz", healthCheckInterval: Self.shortestHealthCheckInterval
        )
        services = [api] + gateway.services.map { other in
            Service(
                name: fullName(other.name), ipFQDN: other.host, port: other.port, protocol: other.protocol.rawValue,
                collection: gateway.collection, authType: gateway.authType.rawValue, tlsEnabled: other.tlsEnabled, tlsVerify: other.tlsVerify,
                healthCheckEnabled: other.healthCheckPath != nil, healthCheckPath: other.healthCheckPath, healthCheckInterval: other.healthCheckInterval
            )
        }
        mappings = gateway.mappings.map { mapping in
            Mapping(
                name: mapping.name,
                description: mapping.description ?? "\(mapping.source.joined(separator: ", ")) to \(mapping.dest.joined(separator: ", "))",
                sourceServices: mapping.source.map(fullName), destServices: mapping.dest.map(fullName),
                listenPort: mapping.listenPort, protocol: mapping.protocol.rawValue, pathPrefix: mapping.pathPrefix
            )
        }
    }
}
