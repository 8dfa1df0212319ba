/// The shared count of `keel_rate_limits`: one row per bucket (scope, window length and caller) and window, raised
/// by one atomic upsert that answers the new total, so replicas that count at the same time each see the other.
struct RateLimitStore: Sendable {
    let database: any Database

    /// Adds `requests` to the bucket's count of the window starting at `windowStart` (Unix milliseconds) and
    /// answers the count after the addition. `expiresAt`: when the row may go.
    func add(_ requests: Int, bucket: String, windowStart: Int64, expiresAt: Int64) async throws -> Int {
        let binds: [DatabaseValue] = [.text(bucket), .int(windowStart), .int(Int64(requests)), .int(expiresAt)]
        switch database.dialect {
        case .sqlite, .postgres:
            let sql = """
                INSERT INTO keel_rate_limits (bucket, window_start, hits, expires_at) VALUES (?, ?, ?, ?) \
                ON CONFLICT (bucket, window_start) DO UPDATE SET hits = keel_rate_limits.hits + excluded.hits RETURNING hits
                """
            return Int(try await database.runtimeQuery(sql, binds).first?["hits"]?.int ?? 0)
        case .mysql:
            // No RETURNING with an upsert: LAST_INSERT_ID(expr) keeps the new count for this connection's next
            // statement, whether the row was inserted or raised. On Galera the insert commits on its own; a
            // certification failure rolls it back and the session runs again.
            return try await database.withSession { session in
                try await session.execute("""
                    INSERT INTO keel_rate_limits (bucket, window_start, hits, expires_at) VALUES (?, ?, LAST_INSERT_ID(?), ?) \
                    ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(hits + ?)
                    """, binds + [.int(Int64(requests))])
                return Int(try await session.query("SELECT LAST_INSERT_ID() AS hits", []).first?["hits"]?.int ?? 0)
            }
        }
    }

    /// Deletes the rows of windows that ended before `now` (Unix milliseconds).
    func sweep(before now: Int64) async throws {
        _ = try await database.runtimeExecute("DELETE FROM keel_rate_limits WHERE expires_at <= ?", [.int(now)])
    }
}
