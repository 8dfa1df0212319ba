// Compiled with the PostgreSQL package trait only (Package.swift).
#if PostgreSQL
import Foundation
import Logging
import PostgresNIO

/// PostgreSQL through postgres-nio's pooled client.
public final class PostgresDatabase: Database {
    public let dialect = DatabaseDialect.postgres
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger

    private init(client: PostgresClient, logger: Logger) async {
        self.client = client
        self.logger = logger
        // Wait until the pool's run loop is starting, so the first query does not find it idle.
        var runner: Task<Void, Never>?
        await withCheckedContinuation { started in
            runner = Task {
                started.resume()
                await client.run()
            }
        }
        self.runner = runner!
    }

    /// Logs in once with a single connection first, so a wrong address or password fails now, with the server's
    /// message, instead of after the pool's retries.
    public static func connect(_ address: DatabaseConfiguration.ServerAddress, logger: Logger = Logger(label: "keel.postgres")) async throws -> PostgresDatabase {
        do {
            let probe = try await PostgresConnection.connect(
                configuration: .init(
                    host: address.host, port: address.port, username: address.user,
                    password: address.password, database: address.database, tls: try address.tls.postgresConnectionTLS()
                ),
                id: 0,
                logger: logger
            )
            try await probe.close()
        } catch {
            throw DatabaseError(.unavailable, "PostgreSQL at \(address.host):\(address.port): \(PostgresErrors.describe(error, host: address.host))")
        }
        var configuration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.user,
            password: address.password, database: address.database, tls: address.tls.postgresClientTLS
        )
        configuration.options.maximumConnections = address.poolSize
        return await PostgresDatabase(client: PostgresClient(configuration: configuration, backgroundLogger: PoolStartLogHandler.background(logger)), logger: logger)
    }

    public func withSession<T: Sendable>(_ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in
                do {
                    return try await body(PostgresSession(connection: connection, logger: logger))
                } catch {
                    throw BodyError(error: error)
                }
            }
        } catch let error as BodyError {
            throw error.error
        } catch {
            // Only leasing the connection is left: the pool is closed or the server unreachable.
            throw DatabaseError(.unavailable, "PostgreSQL: \(PostgresErrors.describe(error))")
        }
    }

    /// Pooled connections already read side by side.
    public func reading<T: Sendable>(_ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T {
        try await withSession(body)
    }

    /// Carries an error of the caller's body past the pool's own error handling, unchanged.
    private struct BodyError: Error {
        let error: Error
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T {
        try await withSession { try await $0.inTransaction(begin: "BEGIN", body) }
    }

    public func close() async {
        runner.cancel()
        await runner.value
    }
}

/// One pooled connection. Results are buffered whole (the future API), so errors always surface and
/// the command tag gives the number of changed rows.
struct PostgresSession: DatabaseSession {
    let connection: PostgresConnection
    let logger: Logger

    func query(_ sql: String, _ binds: [DatabaseValue]) async throws -> [DatabaseRow] {
        try await run(sql, binds).rows
    }

    func execute(_ sql: String, _ binds: [DatabaseValue]) async throws -> Int {
        try await run(sql, binds).affectedRows
    }

    /// postgres-nio speaks only the extended protocol (one statement per message), so the script is split first.
    func executeScript(_ sql: String) async throws {
        for statement in PostgresScript.statements(in: sql) {
            _ = try await run(statement, [])
        }
    }

    private func run(_ sql: String, _ binds: [DatabaseValue]) async throws -> (rows: [DatabaseRow], affectedRows: Int) {
        var bindings = PostgresBindings(capacity: binds.count)
        for value in binds {
            switch value {
            case .null: bindings.appendNull()
            case .bool(let flag): bindings.append(flag)
            case .int(let number): bindings.append(number)
            case .double(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            case .bytes(let bytes): bindings.append(ByteBuffer(bytes: bytes))
            case .timestamp(let date): bindings.append(PostgresInstant(date: date))
            case .uuid(let uuid): bindings.append(uuid)
            }
        }
        do {
            let result = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).get()
            let rows = try result.rows.map { row in
                DatabaseRow(columns: row.map(\.columnName), values: try row.map(PostgresSession.value(of:)))
            }
            return (rows, result.metadata.rows ?? rows.count)
        } catch {
            throw PostgresErrors.translate(error)
        }
    }

    private static func value(of cell: PostgresCell) throws -> DatabaseValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .int(try cell.decode(Int64.self))
        case .float4, .float8: return .double(try cell.decode(Double.self))
        case .bool: return .bool(try cell.decode(Bool.self))
        case .uuid: return .uuid(try cell.decode(UUID.self))
        case .timestamp, .timestamptz: return .timestamp(try cell.decode(Date.self))
        case .date: return .text(String(DatabaseTimestamp.iso8601(try cell.decode(Date.self)).prefix(10)))
        case .numeric: return .text(try cell.decode(Decimal.self).description)
        case .bytea: return .bytes(Array(buffer: try cell.decode(ByteBuffer.self)))
        default: return .text(try cell.decode(String.self))
        }
    }
}

/// Classifies postgres-nio's errors by SQLSTATE.
enum PostgresErrors {
    static func translate(_ error: Error) -> Error {
        if error is DatabaseError || error is CancellationError { return error }
        guard let error = error as? PSQLError else {
            return DatabaseError(.other, "PostgreSQL: \(String(reflecting: error))")
        }
        guard error.code == .server, let state = error.serverInfo?[.sqlState] else {
            return DatabaseError(.unavailable, "PostgreSQL: \(describe(error))")
        }
        let kind: DatabaseError.Kind = switch state {
        case "23505": .uniqueViolation
        case "23503": .foreignKeyViolation
        case "23502", "23514": .constraintViolation
        case "57P01", "57P02", "57P03", "08000", "08003", "08006": .unavailable
        default: .other
        }
        return DatabaseError(kind, "PostgreSQL error \(state): \(describe(error))", code: state)
    }

    /// The server's own message when there is one; postgres-nio's `description` hides it.
    static func describe(_ error: Error, host: String? = nil) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let underlying = error.underlying, let reason = DatabaseTLS.postgresReason(underlying, host: host ?? "") {
            return "TLS: " + reason
        }
        if error.code == .sslUnsupported {
            return "TLS: the server does not offer TLS, which DB_SSL_MODE requires"
        }
        if let message = error.serverInfo?[.message] {
            return [message, error.serverInfo?[.detail]].compactMap { $0 }.joined(separator: " ")
        }
        return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
    }
}
#endif
