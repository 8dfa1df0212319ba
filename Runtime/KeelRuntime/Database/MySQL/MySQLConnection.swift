// Compiled with the MySQL package trait only (Package.swift).
#if MySQL
import CMariaDB
import Foundation

/// One MariaDB Connector/C connection. The C client blocks, so every call runs on the connection's own
/// serial queue and reaches async callers through a continuation.
final class MySQLConnection: @unchecked Sendable {
    private let handle: UnsafeMutablePointer<MYSQL>
    private let queue = DispatchQueue(label: "keel.mysql.connection")
    /// Set when the server went away; the pool drops the connection instead of reusing it.
    private(set) var isBroken = false
    /// The index of the node connected to in the address's `nodes`, the preferred first.
    let node: Int
    let openedAt = ContinuousClock.now

    private init(handle: UnsafeMutablePointer<MYSQL>, node: Int) {
        self.handle = handle
        self.node = node
    }

    deinit {
        mysql_close(handle)
    }

    /// Opens a connection to the address's node `index` in UTC with utf8mb4 and, in Galera mode, causal reads
    /// under READ COMMITTED, refusing a node that is not synced with its cluster.
    static func open(_ address: DatabaseConfiguration.ServerAddress, node index: Int, galeraMode: Bool) async throws -> MySQLConnection {
        MySQLLibrary.initialise()
        let node = address.nodes[index]
        let connection: MySQLConnection = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                guard let handle = mysql_init(nil) else {
                    return continuation.resume(throwing: DatabaseError(.unavailable, "MySQL: out of memory"))
                }
                var timeout: UInt32 = 5
                mysql_options(handle, MYSQL_OPT_CONNECT_TIMEOUT, &timeout)
                mysql_options(handle, MYSQL_SET_CHARSET_NAME, "utf8mb4")
                address.tls.apply(to: handle)
                let multiStatements: UInt = 1 << 16 // CLIENT_MULTI_STATEMENTS: migration files hold many statements
                guard mysql_real_connect(
                    handle, node.host, address.user, address.password, address.database,
                    UInt32(node.port), nil, multiStatements
                ) != nil else {
                    let error = MySQLConnection.error(of: handle, context: "connecting to \(node)")
                    mysql_close(handle)
                    let message = DatabaseTLS.mysqlReason(error.message, host: node.host).map { "\(error.message) (TLS: \($0))" } ?? error.message
                    return continuation.resume(throwing: DatabaseError(.unavailable, message, code: error.code))
                }
                continuation.resume(returning: MySQLConnection(handle: handle, node: index))
            }
        }
        var setup = ["SET time_zone = '+00:00'"]
        if galeraMode {
            setup += ["SET SESSION wsrep_sync_wait = 1", "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED"]
        }
        // One round trip for the whole session setup.
        try await connection.executeScript(setup.joined(separator: "; "))
        if galeraMode {
            let state = try await GaleraNodeState.read(on: connection)
            guard state.serves else {
                throw DatabaseError(.unavailable, "the Galera node \(node) is not synced (\(state.summary))", code: "1047")
            }
        }
        return connection
    }

    /// Runs one prepared statement. With `inTransaction`, a statement answered outside any transaction fails with
    /// 1213: a Galera node that rolled the transaction back for a conflicting write from another node (a BF abort)
    /// may answer the next prepared statement with an empty result instead of an error.
    func query(_ sql: String, _ binds: [DatabaseValue], inTransaction: Bool = false) async throws -> MySQLStatement.Result {
        try await run { handle in
            let result = try MySQLStatement.run(sql, binds, on: handle)
            if inTransaction, handle.pointee.server_status & UInt32(SERVER_STATUS_IN_TRANS) == 0 {
                throw DatabaseError(.other, "the node rolled the transaction back (a conflicting write from another node)", code: "1213")
            }
            return result
        }
    }

    func executeScript(_ sql: String) async throws {
        try await run { handle in
            guard mysql_real_query(handle, sql, UInt(sql.utf8.count)) == 0 else {
                throw MySQLConnection.error(of: handle, context: nil)
            }
            // Drain every statement's result; an error in a later statement surfaces here.
            while true {
                if let result = mysql_store_result(handle) {
                    mysql_free_result(result)
                } else if mysql_field_count(handle) != 0 {
                    throw MySQLConnection.error(of: handle, context: nil)
                }
                let next = mysql_next_result(handle)
                if next == -1 { return }
                if next > 0 { throw MySQLConnection.error(of: handle, context: nil) }
            }
        }
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable (UnsafeMutablePointer<MYSQL>) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { [self] in
                do {
                    continuation.resume(returning: try work(handle))
                } catch let error as DatabaseError {
                    if error.kind == .unavailable { isBroken = true }
                    continuation.resume(throwing: error)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// The connection's last error, classified by its MySQL error number.
    static func error(of handle: UnsafeMutablePointer<MYSQL>, context: String?) -> DatabaseError {
        let message = "MySQL error \(mysql_errno(handle)): \(String(cString: mysql_error(handle)))"
        return MySQLErrorCode.classify(mysql_errno(handle), message: context.map { "\($0): \(message)" } ?? message)
    }
}

/// `mysql_library_init` is not thread-safe, so it runs once before the first connection.
enum MySQLLibrary {
    private static let initialised: Bool = mysql_server_init(0, nil, nil) == 0

    static func initialise() {
        _ = initialised
    }
}
#endif
