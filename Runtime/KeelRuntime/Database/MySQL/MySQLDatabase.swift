// Compiled with the MySQL package trait only (Package.swift).
#if MySQL
import Foundation

/// MySQL and MariaDB through the MariaDB C client, pooled. In Galera mode `DB_HOST` may list the cluster's nodes
/// (the pool fails over between them) and a transaction or session that a node refused or lost runs again on a
/// live node when `GaleraRetry` says it is safe.
public final class MySQLDatabase: Database {
    public let dialect = DatabaseDialect.mysql
    private let pool: MySQLConnectionPool
    private let address: DatabaseConfiguration.ServerAddress
    /// Whether the server is a Galera cluster node: retries, failover and the `wsrep_` state in `/readyz`.
    public let galeraMode: Bool

    private init(pool: MySQLConnectionPool, address: DatabaseConfiguration.ServerAddress, galeraMode: Bool) {
        self.pool = pool
        self.address = address
        self.galeraMode = galeraMode
    }

    /// Connects once to prove a node is reachable and the credentials work.
    public static func connect(_ address: DatabaseConfiguration.ServerAddress, galeraMode: Bool) async throws -> MySQLDatabase {
        let pool = MySQLConnectionPool(address: address, galeraMode: galeraMode)
        await pool.release(try await pool.acquire())
        return MySQLDatabase(pool: pool, address: address, galeraMode: galeraMode)
    }

    public func withSession<T: Sendable>(_ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T {
        try await GaleraRetry.run(enabled: galeraMode) { ledger in
            try await withConnection { connection in
                try await body(MySQLSession(connection: connection, ledger: galeraMode ? ledger : nil, inTransaction: false))
            }
        }
    }

    /// Pooled connections already read side by side.
    public func reading<T: Sendable>(_ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T {
        try await withSession(body)
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T {
        try await GaleraRetry.run(enabled: galeraMode) { ledger in
            try await withConnection { connection in
                try await connection.executeScript("START TRANSACTION")
                let result: T
                do {
                    result = try await body(MySQLSession(connection: connection, ledger: nil, inTransaction: galeraMode))
                } catch {
                    try? await connection.executeScript("ROLLBACK")
                    throw error
                }
                try await Self.commit(on: connection, ledger)
                return result
            }
        }
    }

    /// Sends `COMMIT`; when it fails on a connection still open, the transaction is rolled back so the connection
    /// returns to the pool outside any transaction.
    static func commit(on connection: MySQLConnection, _ ledger: GaleraRetry.Ledger) async throws {
        do {
            try await ledger.commit { try await connection.executeScript("COMMIT") }
        } catch {
            if !connection.isBroken { try? await connection.executeScript("ROLLBACK") }
            throw error
        }
    }

    /// True when a node answers within 2 seconds. In Galera mode the check skips the causal wait
    /// (`wsrep_sync_wait`), which stalls while the cluster drops a dead node: the node answers, so it is reachable.
    public func ping() async -> Bool {
        let sql = galeraMode ? "SET STATEMENT wsrep_sync_wait = 0 FOR SELECT 1" : "SELECT 1"
        return await Deadline.result(within: .seconds(2)) {
            (try? await GaleraRetry.run(enabled: self.galeraMode) { _ in
                try await self.withConnection { try await $0.query(sql, []).rows }
            }) != nil
        } ?? false
    }

    /// The Galera state of the node a pooled connection is on (nil without Galera mode), for `/readyz`.
    public func galeraNodeState() async throws -> GaleraNodeState? {
        guard galeraMode else { return nil }
        return try await GaleraRetry.run(enabled: true) { _ in
            try await withConnection { connection in
                var state = try await GaleraNodeState.read(on: connection)
                state.node = address.nodes[connection.node].description
                return state
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

/// A lent MySQL connection. With a ledger (Galera mode, outside a transaction) each write runs in its own
/// transaction, so that a connection lost before its `COMMIT` certainly left nothing behind, and the ledger
/// learns of every `COMMIT` sent.
struct MySQLSession: DatabaseSession {
    let connection: MySQLConnection
    let ledger: GaleraRetry.Ledger?
    /// In a transaction in Galera mode: each statement checks that the transaction is still open.
    let inTransaction: Bool

    func query(_ sql: String, _ binds: [DatabaseValue]) async throws -> [DatabaseRow] {
        try await run(sql) { try await connection.query(sql, binds, inTransaction: $0).rows }
    }

    func execute(_ sql: String, _ binds: [DatabaseValue]) async throws -> Int {
        try await run(sql) { try await connection.query(sql, binds, inTransaction: $0).affectedRows }
    }

    func executeScript(_ sql: String) async throws {
        guard let ledger else { return try await connection.executeScript(sql) }
        // A script may hold DDL, which commits by itself.
        try await ledger.commit { try await connection.executeScript(sql) }
    }

    /// Runs `statement`, telling it whether it runs in a transaction that must still be open when it is answered.
    /// A write of its own holds no lock before it runs, so nothing can roll its transaction back unnoticed.
    private func run<T: Sendable>(_ sql: String, _ statement: @Sendable (Bool) async throws -> T) async throws -> T {
        guard let ledger, !SQLStatementKind.onlyReads(sql) else { return try await statement(inTransaction) }
        if SQLStatementKind.commitsItself(sql) {
            var result: T?
            try await ledger.commit { result = try await statement(false) }
            return result!
        }
        try await connection.executeScript("START TRANSACTION")
        let result: T
        do {
            result = try await statement(false)
        } catch {
            try? await connection.executeScript("ROLLBACK")
            throw error
        }
        try await MySQLDatabase.commit(on: connection, ledger)
        return result
    }
}

extension MySQLDatabase: GaleraClusterMember {}

extension GaleraNodeState {
    /// Reads the state of the node `connection` is on.
    static func read(on connection: MySQLConnection) async throws -> GaleraNodeState {
        var values: [String: String] = [:]
        for row in try await connection.query(query, []).rows {
            if let name = row["name"]?.text { values[name] = row["value"]?.text }
        }
        return GaleraNodeState(
            clustered: values["wsrep_on"] == "ON",
            ready: values["wsrep_ready"] == "ON",
            localState: values["wsrep_local_state"].flatMap { Int($0) } ?? 0,
            localStateComment: values["wsrep_local_state_comment"] ?? "not a Galera node",
            clusterSize: values["wsrep_cluster_size"].flatMap { Int($0) } ?? 0,
            clusterStatus: values["wsrep_cluster_status"] ?? "none"
        )
    }
}
#endif
