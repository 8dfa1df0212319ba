/// The `keel_migrations` table, in each dialect's SQL: what has been applied, and with which checksum.
struct MigrationLedger: Sendable {
    let dialect: DatabaseDialect

    var createTable: String {
        switch dialect {
        case .postgres:
            "CREATE TABLE IF NOT EXISTS keel_migrations (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        case .mysql:
            "CREATE TABLE IF NOT EXISTS keel_migrations (name VARCHAR(191) NOT NULL PRIMARY KEY, checksum CHAR(64) NOT NULL, applied_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci"
        case .sqlite:
            "CREATE TABLE IF NOT EXISTS keel_migrations (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))) STRICT"
        }
    }

    let selectApplied = "SELECT name, checksum FROM keel_migrations ORDER BY name"

    var insert: String {
        dialect == .postgres
            ? "INSERT INTO keel_migrations (name, checksum) VALUES ($1, $2)"
            : "INSERT INTO keel_migrations (name, checksum) VALUES (?, ?)"
    }

    /// Applied migrations by name, with their recorded checksums.
    func applied(in session: any DatabaseSession) async throws -> [(name: String, checksum: String)] {
        try await session.query(selectApplied, []).map { row in
            (row["name"]?.text ?? "", row["checksum"]?.text ?? "")
        }
    }

    func record(_ migration: Migration, in session: any DatabaseSession) async throws {
        try await session.execute(insert, [.text(migration.name), .text(migration.checksum)])
    }
}
