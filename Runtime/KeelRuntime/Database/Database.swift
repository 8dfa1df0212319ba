/// A connection held for a sequence of statements: inside a transaction, or for a session-level lock.
public protocol DatabaseSession: Sendable {
    /// Runs one statement and returns its rows. `binds` fill the dialect's placeholders in order
    /// (`$1`… for PostgreSQL, `?` for MySQL and SQLite).
    func query(_ sql: String, _ binds: [DatabaseValue]) async throws -> [DatabaseRow]

    /// Runs one statement that returns no rows and answers how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ binds: [DatabaseValue]) async throws -> Int

    /// Runs a trusted script of several statements without parameters (a migration file).
    func executeScript(_ sql: String) async throws
}

/// The one database seam of the runtime: three drivers (SQLite, PostgreSQL, MySQL/MariaDB) implement it.
public protocol Database: Sendable {
    var dialect: DatabaseDialect { get }

    /// Lends one connection for the duration of `body`, outside any transaction.
    func withSession<T: Sendable>(_ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T

    /// Runs `body` in a transaction on one connection: committed when it returns, rolled back when it throws.
    @discardableResult
    func transaction<T: Sendable>(_ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T

    /// Lends a connection for statements that only read committed data, so they may run beside each other
    /// and beside a transaction; each statement sees the data committed when it starts.
    func reading<T: Sendable>(_ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T

    /// Answers whether the database is reachable now (for `/healthz`).
    func ping() async -> Bool

    /// Closes every connection; the value is unusable afterwards.
    func close() async
}

extension Database {
    /// Runs one statement on a pooled connection and returns its rows.
    public func query(_ sql: String, _ binds: [DatabaseValue] = []) async throws -> [DatabaseRow] {
        try await withSession { try await $0.query(sql, binds) }
    }

    /// Runs one statement on a pooled connection and answers how many rows it changed.
    @discardableResult
    public func execute(_ sql: String, _ binds: [DatabaseValue] = []) async throws -> Int {
        try await withSession { try await $0.execute(sql, binds) }
    }

    /// Runs one statement that only reads, beside other readers, and returns its rows.
    public func read(_ sql: String, _ binds: [DatabaseValue] = []) async throws -> [DatabaseRow] {
        try await reading { try await $0.query(sql, binds) }
    }

    /// True when `SELECT 1` answers within 2 seconds.
    public func ping() async -> Bool {
        await Deadline.result(within: .seconds(2)) { (try? await read("SELECT 1")) != nil } ?? false
    }
}

extension DatabaseSession {
    /// Runs `body` between `begin` (the dialect's BEGIN) and COMMIT, rolling back when it throws.
    func inTransaction<T: Sendable>(begin: String, _ body: @Sendable (any DatabaseSession) async throws -> T) async throws -> T {
        try await executeScript(begin)
        do {
            let result = try await body(self)
            try await executeScript("COMMIT")
            return result
        } catch {
            try? await executeScript("ROLLBACK")
            throw error
        }
    }
}
