import Foundation

/// Applies the pending migrations of the active dialect, in order, each exactly once across replicas.
///
/// - PostgreSQL: a session advisory lock; each migration in its own transaction (DDL is transactional).
/// - MySQL/MariaDB: `GET_LOCK`; DDL commits implicitly, so a migration that fails half-way stays half-applied
///   and the error says so.
/// - SQLite: each migration in a `BEGIN IMMEDIATE` transaction with foreign keys off and
///   `PRAGMA foreign_key_check` before commit (SQLite's table-rebuild procedure); the transaction is the lock.
///
/// Before applying anything it compares every applied migration with its file and refuses to run when one changed.
public struct Migrator: Sendable {
    /// What the migrator is doing, for progress output.
    public enum Event: Sendable {
        case applying(Migration)
        case applied(Migration, seconds: Double)
    }

    public let database: any Database
    public let migrations: [Migration]
    private let ledger: MigrationLedger
    private let onEvent: @Sendable (Event) -> Void

    /// The advisory lock key (PostgreSQL) and lock name (MySQL) every Keel migrator takes.
    static let lockKey: Int64 = 0x6B65_656C_6D69_6772 // "keelmigr"
    static let lockName = "keel_migrations"

    public init(database: any Database, migrations: [Migration], onEvent: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.database = database
        self.migrations = migrations.sorted { $0.name < $1.name }
        ledger = MigrationLedger(dialect: database.dialect)
        self.onEvent = onEvent
    }

    /// Applies what is pending and answers the names applied by this call.
    @discardableResult
    public func migrate() async throws -> [String] {
        switch database.dialect {
        case .sqlite: try await migrateOneTransactionAtATime()
        case .postgres, .mysql: try await migrateUnderSessionLock()
        }
    }

    private func migrateUnderSessionLock() async throws -> [String] {
        try await database.withSession { session in
            try await lock(session)
            do {
                try await session.executeScript(ledger.createTable)
                var applied: [String] = []
                for migration in try pending(after: try await ledger.applied(in: session)) {
                    try await apply(migration, in: session)
                    applied.append(migration.name)
                }
                try await unlock(session)
                return applied
            } catch {
                try? await unlock(session)
                throw error
            }
        }
    }

    private func migrateOneTransactionAtATime() async throws -> [String] {
        try await database.withSession { session in
            try await session.executeScript(ledger.createTable)
            var applied: [String] = []
            // Each round takes the write lock, rereads the ledger and applies at most one migration,
            // so another process that applied some in between is seen.
            while true {
                try await session.executeScript("PRAGMA foreign_keys = OFF")
                try await session.executeScript("BEGIN IMMEDIATE")
                do {
                    guard let next = try pending(after: try await ledger.applied(in: session)).first else {
                        try await session.executeScript("COMMIT")
                        try await session.executeScript("PRAGMA foreign_keys = ON")
                        return applied
                    }
                    try await run(next, in: session) {
                        let violations = try await session.query("SELECT \"table\", parent FROM pragma_foreign_key_check", [])
                        if let first = violations.first {
                            throw DatabaseError(.foreignKeyViolation, "\(CountText.of(violations.count, "row")) \(violations.count == 1 ? "breaks" : "break") foreign keys, e.g. in \(first["table"]?.text ?? "?") referencing \(first["parent"]?.text ?? "?")")
                        }
                    }
                    try await session.executeScript("COMMIT")
                    applied.append(next.name)
                } catch {
                    try? await session.executeScript("ROLLBACK")
                    try? await session.executeScript("PRAGMA foreign_keys = ON")
                    throw error
                }
            }
        }
    }

    /// PostgreSQL runs the migration in a transaction; MySQL cannot roll DDL back, so it runs as is.
    private func apply(_ migration: Migration, in session: any DatabaseSession) async throws {
        guard database.dialect == .postgres else {
            return try await run(migration, in: session, checks: {})
        }
        try await session.inTransaction(begin: "BEGIN") { session in
            try await run(migration, in: session, checks: {})
        }
    }

    /// Runs the file, then `checks`, then records it; errors name the file.
    private func run(_ migration: Migration, in session: any DatabaseSession, checks: () async throws -> Void) async throws {
        onEvent(.applying(migration))
        let started = ContinuousClock.now
        do {
            try await session.executeScript(migration.sql)
            try await checks()
            try await ledger.record(migration, in: session)
        } catch {
            let outcome = database.dialect == .mysql
                ? "MySQL commits DDL as it goes, so the statements before the failing one stay applied; fix the database by hand before running again"
                : "it was rolled back; the database is still at the previous migration"
            throw MigrationError("\(path(of: migration)) failed: \(error)\n\(outcome)")
        }
        let elapsed = ContinuousClock.now - started
        onEvent(.applied(migration, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
    }

    /// The migrations not yet applied, after proving the applied ones are the files this build has.
    private func pending(after applied: [(name: String, checksum: String)]) throws -> [Migration] {
        let byName = Dictionary(migrations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for record in applied {
            guard let migration = byName[record.name] else {
                throw MigrationError("the database has migration \(database.dialect.rawValue)/\(record.name), which this build does not have: it was applied by a newer build, or its file was deleted; deploy the build that has it")
            }
            guard migration.checksum == record.checksum else {
                throw MigrationError("\(path(of: migration)) was changed after it was applied (checksum \(record.checksum.prefix(12))… applied, \(migration.checksum.prefix(12))… now): restore the file as it was applied, and make further changes through the spec so `keel generate` writes a new migration")
            }
        }
        let done = Set(applied.map(\.name))
        return migrations.filter { !done.contains($0.name) }
    }

    private func path(of migration: Migration) -> String {
        "\(database.dialect.rawValue)/\(migration.name)"
    }

    private func lock(_ session: any DatabaseSession) async throws {
        switch database.dialect {
        case .postgres:
            _ = try await session.query("SELECT pg_advisory_lock($1)", [.int(Self.lockKey)])
        case .mysql:
            guard try await MySQLNamedLock.acquire(Self.lockName, waiting: 600, on: session) else {
                throw MigrationError("another migrator held the lock \(Self.lockName) for 10 minutes; is one stuck?")
            }
        case .sqlite:
            break
        }
    }

    private func unlock(_ session: any DatabaseSession) async throws {
        switch database.dialect {
        case .postgres: _ = try await session.query("SELECT pg_advisory_unlock($1)", [.int(Self.lockKey)])
        case .mysql: try await MySQLNamedLock.release(Self.lockName, on: session)
        case .sqlite: break
        }
    }
}
