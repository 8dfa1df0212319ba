import Foundation

/// Where the database is and how to reach it: read from the environment (`DB_TYPE`, `DB_*`) or a URL.
public enum DatabaseConfiguration: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(ServerAddress)
    case mysql(ServerAddress, galeraMode: Bool)

    /// A database server and the credentials to use on it.
    public struct ServerAddress: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var user: String
        public var password: String
        public var database: String
        /// Connections kept open at most (`DB_POOL_SIZE`).
        public var poolSize: Int
        /// Encryption and server checks (`DB_SSL_MODE`, `DB_SSL_ROOT_CERT`).
        public var tls: DatabaseTLS
        /// The other nodes of a Galera cluster, tried after `host:port` in this order (`DB_HOST=h1,h2:3307,…`).
        public var otherNodes: [Node] = []

        /// Every node, the preferred first.
        public var nodes: [Node] {
            [Node(host: host, port: port)] + otherNodes
        }

        public init(host: String, port: Int, user: String, password: String, database: String, poolSize: Int = 10, tls: DatabaseTLS = DatabaseTLS()) {
            self.host = host
            self.port = port
            self.user = user
            self.password = password
            self.database = database
            self.poolSize = poolSize
            self.tls = tls
        }
    }

    /// One server of a cluster.
    public struct Node: Sendable, Equatable, CustomStringConvertible {
        public var host: String
        public var port: Int

        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }

        public var description: String {
            host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        }
    }

    /// The SQLite file used when `DB_TYPE` and `DB_PATH` are both unset.
    public static let defaultSQLitePath = "app.db"

    public var dialect: DatabaseDialect {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .postgres
        case .mysql: .mysql
        }
    }

    /// Reads the conventions of INTEGRATIONS.md: `DB_TYPE` (postgres | mysql | sqlite, default sqlite),
    /// `DB_HOST` (for MySQL, several: `h1:3306,h2:3307`), `DB_PORT`, `DB_USER`, `DB_PASS`, `DB_NAME`, `DB_PATH`, `DB_POOL_SIZE`, `GALERA_MODE`, and ours:
    /// `DB_SSL_MODE` (disable, prefer, require, verify-ca, verify-full; default prefer) and `DB_SSL_ROOT_CERT`.
    public init(environment: [String: String]) throws {
        let env = EnvironmentReader(environment)
        let type = try env.choice("DB_TYPE", default: "sqlite", among: ["sqlite", "postgres", "mysql"])
        switch type {
        case "sqlite":
            self = .sqlite(path: env.string("DB_PATH") ?? Self.defaultSQLitePath)
        default:
            let isPostgres = type == "postgres"
            let port = try env.integer("DB_PORT", default: Self.defaultPort(postgres: isPostgres), in: 1...65535)
            let nodes = try env.string("DB_HOST").map { try DatabaseHostList.parse($0, defaultPort: port) } ?? [Node(host: "127.0.0.1", port: port)]
            if isPostgres, nodes.count > 1 {
                throw ConfigurationError("DB_HOST lists \(nodes.count) hosts: only MySQL/MariaDB (a Galera cluster) takes several")
            }
            var address = ServerAddress(
                host: nodes[0].host,
                port: nodes[0].port,
                user: try env.required("DB_USER"),
                password: env.string("DB_PASS") ?? "",
                database: try env.required("DB_NAME")
            )
            address.otherNodes = Array(nodes.dropFirst())
            self = try Self.server(address, postgres: isPostgres, env)
        }
    }

    /// Reads `postgres://user:pass@host:port/db`, `mysql://…` (or `mariadb://…`), `sqlite:path` or `sqlite:///abs/path`.
    /// A server URL may end in `?sslmode=…&sslrootcert=…`, which win over `DB_SSL_MODE` and `DB_SSL_ROOT_CERT`.
    /// `DB_POOL_SIZE` and `GALERA_MODE` still come from `environment`.
    public init(url text: String, environment: [String: String] = [:]) throws {
        let env = EnvironmentReader(environment)
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw ConfigurationError("database URL \(text): give the SQLite file, e.g. sqlite:app.db") }
            self = .sqlite(path: path)
            return
        }
        guard let url = URLComponents(string: text) else {
            throw ConfigurationError("database URL \(Self.redacted(text)) does not parse: percent-encode special characters of the user name and password (%40 for @, %2F for /)")
        }
        guard let scheme = url.scheme?.lowercased(), ["postgres", "postgresql", "mysql", "mariadb"].contains(scheme) else {
            throw ConfigurationError("database URL \(Self.redacted(text)): use postgres://, mysql:// (or mariadb://) or sqlite:")
        }
        let database = String(url.path.drop { $0 == "/" })
        guard let host = url.host, !host.isEmpty, let user = url.user, !database.isEmpty else {
            throw ConfigurationError("database URL \(Self.redacted(text)): expected \(scheme)://USER[:PASSWORD]@HOST[:PORT]/DATABASE")
        }
        let isPostgres = scheme.hasPrefix("postgres")
        let address = ServerAddress(
            host: host,
            port: url.port ?? Self.defaultPort(postgres: isPostgres),
            user: user.removingPercentEncoding ?? user,
            password: url.password.map { $0.removingPercentEncoding ?? $0 } ?? "",
            database: database
        )
        var parameters: [String: String] = [:]
        for item in url.queryItems ?? [] {
            guard ["sslmode", "sslrootcert"].contains(item.name) else {
                throw ConfigurationError("database URL \(Self.redacted(text)): unknown parameter '\(item.name)'; use sslmode or sslrootcert")
            }
            parameters[item.name] = item.value ?? ""
        }
        self = try Self.server(address, postgres: isPostgres, env, url: parameters)
    }

    private static func defaultPort(postgres: Bool) -> Int {
        postgres ? 5432 : 3306
    }

    /// The server case, with the settings only the environment gives: `DB_POOL_SIZE`, TLS (unless the URL's
    /// `sslmode`/`sslrootcert` give it) and, for MySQL, `GALERA_MODE`.
    private static func server(_ address: ServerAddress, postgres: Bool, _ env: EnvironmentReader, url parameters: [String: String] = [:]) throws -> DatabaseConfiguration {
        var address = address
        address.poolSize = try env.integer("DB_POOL_SIZE", default: 10, in: 1...1000)
        address.tls = try DatabaseTLS(
            mode: parameters["sslmode"] ?? env.string("DB_SSL_MODE"), rootCertificate: parameters["sslrootcert"] ?? env.string("DB_SSL_ROOT_CERT"),
            modeName: parameters["sslmode"] == nil ? "DB_SSL_MODE" : "sslmode", rootName: parameters["sslrootcert"] == nil ? "DB_SSL_ROOT_CERT" : "sslrootcert"
        )
        return postgres ? .postgres(address) : .mysql(address, galeraMode: try env.boolean("GALERA_MODE", default: false))
    }

    /// The URL with its password replaced, for messages.
    static func redacted(_ text: String) -> String {
        URLRedaction.redacted(text)
    }
}
