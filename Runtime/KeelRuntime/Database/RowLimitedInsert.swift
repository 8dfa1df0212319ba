extension Database {
    /// Runs `insert` only while the table holds fewer than `limit` rows; nil when it is full.
    ///
    /// The count and the insert share one transaction that every other such insert into the table waits for,
    /// so concurrent creates cannot pass a tier's row limit together:
    /// - SQLite: `BEGIN IMMEDIATE` already makes the transaction the only writer.
    /// - PostgreSQL: a transaction-level advisory lock named after the table, and READ COMMITTED, so the count
    ///   taken once the lock is granted sees what the previous holder committed.
    /// - MySQL: a named lock (`GET_LOCK`) around the count and the insert, and a count `FOR UPDATE`, which
    ///   waits for an insert that let the lock go but has not committed yet. The named lock is needed because
    ///   two such counts past the last row hold only gap locks, which do not exclude each other, and their
    ///   inserts would deadlock.
    /// - MySQL in Galera mode: nodes do not share `GET_LOCK`, so the transaction first writes the table's row of
    ///   `keel_row_limits` (`RowLimitTables`), then counts under READ COMMITTED. On one node that write waits for
    ///   the previous insert to commit; across nodes certification fails one of two such transactions (1213), which
    ///   `GaleraRetry` runs again, so its count sees the other's row.
    /// - Parameters:
    ///   - table: the table's name as its SQL writes it; names the lock.
    ///   - count: the statement that counts the table's rows.
    public func insert<T: Sendable>(whileFewerThan limit: Int, rowsIn table: String, count: String,
                                    _ insert: @Sendable (any DatabaseSession) async throws -> T) async throws -> T? {
        let lockName = String("keel rows of \(table)".prefix(64))
        let dialect = dialect
        let galeraMode = (self as? any GaleraClusterMember)?.galeraMode ?? false
        return try await transaction { session in
            switch dialect {
            case .sqlite:
                return try await Self.insert(whileFewerThan: limit, count: count, on: session, insert)
            case .postgres:
                // The count must see rows committed while this transaction waited for the lock, whatever the server's default.
                try await session.executeScript("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
                _ = try await session.query("SELECT pg_advisory_xact_lock(hashtext($1))", [.text(lockName)])
                return try await Self.insert(whileFewerThan: limit, count: count, on: session, insert)
            case .mysql where galeraMode:
                try await session.execute(
                    "INSERT INTO `keel_row_limits` (`table_name`, `checks`) VALUES (?, 1) ON DUPLICATE KEY UPDATE `checks` = `checks` + 1",
                    [.text(table)]
                )
                return try await Self.insert(whileFewerThan: limit, count: count, on: session, insert)
            case .mysql:
                guard try await MySQLNamedLock.acquire(lockName, waiting: 30, on: session) else {
                    throw DatabaseError(.unavailable, "waited 30 s for the lock \(lockName)")
                }
                do {
                    let inserted = try await Self.insert(whileFewerThan: limit, count: count + " FOR UPDATE", on: session, insert)
                    try await MySQLNamedLock.release(lockName, on: session)
                    return inserted
                } catch {
                    try? await MySQLNamedLock.release(lockName, on: session)
                    throw error
                }
            }
        }
    }

    private static func insert<T: Sendable>(whileFewerThan limit: Int, count: String, on session: any DatabaseSession,
                                            _ insert: @Sendable (any DatabaseSession) async throws -> T) async throws -> T? {
        guard try await session.query(count, []).first?.values.first?.int ?? 0 < Int64(limit) else { return nil }
        return try await insert(session)
    }
}
