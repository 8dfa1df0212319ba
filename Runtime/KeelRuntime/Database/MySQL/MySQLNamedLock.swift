/// MySQL's named locks (`GET_LOCK`): held by the session's connection until released or the connection ends.
/// The migrator and the row-limited insert take them.
///
/// A lock's name is server-wide, so each is scoped to the session's database: services (and tests) on one server
/// with different databases never wait for one another.
enum MySQLNamedLock {
    /// `<database>/<name>`, cut to the 64 characters MySQL allows.
    private static let scoped = "LEFT(CONCAT(IFNULL(DATABASE(), ''), '/', ?), 64)"

    /// Waits up to `seconds` for the lock; false when another session still held it then.
    static func acquire(_ name: String, waiting seconds: Int, on session: any DatabaseSession) async throws -> Bool {
        try await session.query("SELECT GET_LOCK(\(scoped), ?) AS acquired", [.text(name), .int(Int64(seconds))]).first?["acquired"]?.int == 1
    }

    static func release(_ name: String, on session: any DatabaseSession) async throws {
        _ = try await session.query("SELECT RELEASE_LOCK(\(scoped))", [.text(name)])
    }
}
