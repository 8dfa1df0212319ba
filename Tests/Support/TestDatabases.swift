import Foundation
import KeelRuntime

/// Fresh, empty databases on the servers `scripts/db-servers.sh` starts (ports from its environment) and in
/// temporary SQLite files. A missing server is an error, never a skip: CI must not pass without it.
public enum TestDatabases {
    /// A configuration for a new empty database named `name` (dropped first if a previous run left it).
    public static func fresh(_ dialect: DatabaseDialect, name: String) async throws -> DatabaseConfiguration {
        switch dialect {
        case .sqlite:
            let path = NSTemporaryDirectory() + "keel-\(name)-\(UUID().uuidString).sqlite"
            return .sqlite(path: path)
        case .postgres:
            let server = try address(port: "KEEL_TEST_POSTGRES_PORT", user: "postgres", database: "postgres")
            try await recreate(name, on: .postgres(server), dropping: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)", options: "")
            return .postgres(with(server, database: name))
        case .mysql:
            let server = try address(port: "KEEL_TEST_MYSQL_PORT", user: "root", database: "mysql")
            try await recreate(name, on: .mysql(server, galeraMode: false), dropping: "DROP DATABASE IF EXISTS \(name)", options: " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
            return .mysql(with(server, database: name), galeraMode: false)
        }
    }

    /// Opens a new empty database.
    public static func open(_ dialect: DatabaseDialect, name: String) async throws -> any Database {
        try await DatabaseConnector.open(try await fresh(dialect, name: name))
    }

    /// The `DB_*` environment that selects `configuration`, for child processes such as `keel migrate`.
    public static func environment(for configuration: DatabaseConfiguration) -> [String: String] {
        switch configuration {
        case .sqlite(let path):
            return ["DB_TYPE": "sqlite", "DB_PATH": path]
        case .postgres(let server), .mysql(let server, _):
            return [
                "DB_TYPE": configuration.dialect.rawValue, "DB_HOST": server.host, "DB_PORT": String(server.port),
                "DB_USER": server.user, "DB_PASS": server.password, "DB_NAME": server.database,
            ]
        }
    }

    private static func recreate(_ name: String, on server: DatabaseConfiguration, dropping drop: String, options: String) async throws {
        try await DatabaseConnector.withDatabase(server) { admin in
            try await admin.execute(drop)
            try await admin.execute("CREATE DATABASE \(name)\(options)")
        }
    }

    private static func address(port variable: String, user: String, database: String) throws -> DatabaseConfiguration.ServerAddress {
        guard let text = ProcessInfo.processInfo.environment[variable], let port = Int(text) else {
            throw ConfigurationError("\(variable) is not set: start the test servers with `eval \"$(scripts/db-servers.sh start)\"` (scripts/test.sh does)")
        }
        return .init(host: "127.0.0.1", port: port, user: user, password: "", database: database, poolSize: 4)
    }

    private static func with(_ server: DatabaseConfiguration.ServerAddress, database: String) -> DatabaseConfiguration.ServerAddress {
        var address = server
        address.database = database
        return address
    }
}
