import Foundation

/// MySQL and MariaDB through the MariaDB C client, pooled. In Galera mode a statement or transaction that a
/// node refuses with a WSREP error is tried again, three times in all, waiting longer each time.
public final class MySQLDatabase: Database {
    public let dialect = DatabaseDialect.mysql
    private let pool: MySQLConnectionPool
    private let galeraMode: Bool

    private init(pool: MySQLConnectionPool, galeraMode: Bool) {
        self.pool = pool
        self.galeraMode = galeraMode
    }

    /// Connects once to prove the server is reachable and the credentials work.
    public static func connect(_ address: DatabaseConfiguration.ServerAddress, galeraMode: Bool) async throws -> MySQLDatabase {
        let pool = MySQLConnectionPool(address: address, galeraMode: galeraMode)
        await pool.release(try await pool.acquire())
        return MySQLDatabase(pool: pool, galeraMode: galeraMode)
    }

    public func withSession<T: Sendable>(_ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T {
        try await withConnection { connection in
            try await body(MySQLSession(connection: connection, retriesStatements: galeraMode))
        }
    }

    /// Pooled connections already read side by side.
    public func reading<T: Sendable>(_ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T {
        try await withSession(body)
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T {
        try await GaleraRetry.run(enabled: galeraMode) {
            try await withConnection { connection in
                try await MySQLSession(connection: connection, retriesStatements: false).inTransaction(begin: "START TRANSACTION", body)
            }
        }
    }

    public func close() async {
        await pool.close()
    }

    private func withConnection<T: Sendable>(_ body: (MySQLConnection) async throws -> T) async throws -> T {
        let connection = try await pool.acquire()
        do {
            let result = try await body(connection)
            await pool.release(connection)
            return result
        } catch {
            await pool.release(connection)
            throw error
        }
    }
}

/// A lent MySQL connection. Outside a transaction each statement is retried on its own in Galera mode.
struct MySQLSession: DatabaseSession {
    let connection: MySQLConnection
    let retriesStatements: Bool

    func query(_ sql: String, _ binds: [DatabaseValue]) async throws -> [DatabaseRow] {
        try await GaleraRetry.run(enabled: retriesStatements) { try await connection.query(sql, binds).rows }
    }

    func execute(_ sql: String, _ binds: [DatabaseValue]) async throws -> Int {
        try await GaleraRetry.run(enabled: retriesStatements) { try await connection.query(sql, binds).affectedRows }
    }

    func executeScript(_ sql: String) async throws {
        try await connection.executeScript(sql)
    }
}

/// Galera's answer to a lost certification is "try again" (INTEGRATIONS.md: 3 tries, growing delay).
enum GaleraRetry {
    static let attempts = 3

    static func run<T: Sendable>(enabled: Bool, _ work: () async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await work()
            } catch where enabled && attempt < attempts && MySQLErrorCode.isGaleraRetryable(error) {
                try await Task.sleep(for: .milliseconds(50 << attempt))
                attempt += 1
            }
        }
    }
}
