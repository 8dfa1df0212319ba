import Foundation
import KeelRuntime
import KeelTestSupport
import Testing

/// The migrator on real databases: order, the ledger, exactly-once under concurrency, refusals, rollback.
@Suite(.serialized)
struct MigratorTests {
    /// Ten migrations; each adds one row to `log`, so a migration applied twice shows as a duplicate row.
    static func migrations(_ dialect: DatabaseDialect, count: Int = 10) -> [Migration] {
        let create = dialect == .mysql
            ? "CREATE TABLE log (step INT NOT NULL, note VARCHAR(50) NOT NULL) ENGINE=InnoDB;"
            : "CREATE TABLE log (step INT NOT NULL, note TEXT NOT NULL);"
        return (1...count).map { step in
            let number = String(format: "%04d", step)
            let sql = (step == 1 ? create + "\n" : "") + "INSERT INTO log (step, note) VALUES (\(step), 'a;b');\n"
            return Migration(name: "\(number)_step.sql", sql: sql)
        }
    }

    func logSteps(_ database: any Database) async throws -> [Int64] {
        try await database.query("SELECT step FROM log ORDER BY step").compactMap { $0["step"]?.int }
    }

    func ledger(_ database: any Database) async throws -> [String] {
        try await database.query("SELECT name FROM keel_migrations ORDER BY name").compactMap { $0["name"]?.text }
    }

    @Test(arguments: DatabaseDialect.allCases)
    func appliesPendingMigrationsInOrderOnce(_ dialect: DatabaseDialect) async throws {
        let database = try await TestDatabases.open(dialect, name: "keel_migrator_order")
        defer { Task { await database.close() } }
        let all = Self.migrations(dialect)
        // Given out of order; applied in name order.
        let first = try await Migrator(database: database, migrations: Array(all.prefix(4)).reversed()).migrate()
        #expect(first == all.prefix(4).map(\.name))
        let second = try await Migrator(database: database, migrations: all).migrate()
        #expect(second == all.dropFirst(4).map(\.name))
        #expect(try await Migrator(database: database, migrations: all).migrate().isEmpty)
        #expect(try await logSteps(database) == Array(1...10))
        let checksums = try await database.query("SELECT checksum FROM keel_migrations ORDER BY name").compactMap { $0["checksum"]?.text }
        #expect(checksums == all.map(\.checksum))
    }

    @Test(arguments: DatabaseDialect.allCases)
    func concurrentMigratorsApplyEachMigrationOnce(_ dialect: DatabaseDialect) async throws {
        let configuration = try await TestDatabases.fresh(dialect, name: "keel_migrator_race")
        let all = Self.migrations(dialect)
        // Five replicas start at once, each with its own connections.
        let results = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<5 {
                group.addTask {
                    try await DatabaseConnector.withDatabase(configuration) { database in
                        try await Migrator(database: database, migrations: all).migrate()
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.flatMap { $0 }.sorted() == all.map(\.name))
        let database = try await DatabaseConnector.open(configuration)
        defer { Task { await database.close() } }
        #expect(try await logSteps(database) == Array(1...10))
        #expect(try await ledger(database) == all.map(\.name))
    }

    @Test(arguments: DatabaseDialect.allCases)
    func refusesAnEditedAppliedMigration(_ dialect: DatabaseDialect) async throws {
        let database = try await TestDatabases.open(dialect, name: "keel_migrator_edited")
        defer { Task { await database.close() } }
        var all = Self.migrations(dialect, count: 3)
        try await Migrator(database: database, migrations: Array(all.prefix(2))).migrate()
        all[1] = Migration(name: all[1].name, sql: all[1].sql + "-- tweaked\n")
        do {
            try await Migrator(database: database, migrations: all).migrate()
            Issue.record("an edited migration was accepted")
        } catch {
            #expect("\(error)".hasPrefix("\(dialect.rawValue)/0002_step.sql was changed after it was applied"))
        }
        // Nothing was applied: the pending 0003 waits until the file is restored.
        #expect(try await ledger(database) == ["0001_step.sql", "0002_step.sql"])
        // The same text with CRLF line ends is not an edit.
        let crlf = Self.migrations(dialect, count: 3).map { Migration(name: $0.name, sql: $0.sql.replacingOccurrences(of: "\n", with: "\r\n")) }
        #expect(try await Migrator(database: database, migrations: crlf).migrate() == ["0003_step.sql"])
    }

    @Test(arguments: DatabaseDialect.allCases)
    func refusesADatabaseAheadOfTheBuild(_ dialect: DatabaseDialect) async throws {
        let database = try await TestDatabases.open(dialect, name: "keel_migrator_ahead")
        defer { Task { await database.close() } }
        let all = Self.migrations(dialect, count: 3)
        try await Migrator(database: database, migrations: all).migrate()
        do {
            try await Migrator(database: database, migrations: Array(all.prefix(2))).migrate()
            Issue.record("an unknown applied migration was accepted")
        } catch {
            #expect("\(error)".hasPrefix("the database has migration \(dialect.rawValue)/0003_step.sql, which this build does not have"))
        }
    }

    @Test(arguments: DatabaseDialect.allCases)
    func aFailingMigrationNamesItsFile(_ dialect: DatabaseDialect) async throws {
        let database = try await TestDatabases.open(dialect, name: "keel_migrator_failing")
        defer { Task { await database.close() } }
        let good = Self.migrations(dialect, count: 1)
        let bad = Migration(name: "0002_bad.sql", sql: "CREATE TABLE half (id INT PRIMARY KEY);\nINSERT INTO missing_table VALUES (1);\n")
        do {
            try await Migrator(database: database, migrations: good + [bad]).migrate()
            Issue.record("a failing migration was reported as applied")
        } catch {
            #expect("\(error)".hasPrefix("\(dialect.rawValue)/0002_bad.sql failed: "))
        }
        #expect(try await ledger(database) == ["0001_step.sql"])
        let halfExists = (try? await database.query("SELECT COUNT(*) FROM half")) != nil
        // PostgreSQL and SQLite roll the whole file back; MySQL commits DDL as it goes (and says so).
        #expect(halfExists == (dialect == .mysql))
    }

    @Test func sqliteChecksForeignKeysBeforeCommit() async throws {
        let database = try await TestDatabases.open(.sqlite, name: "keel_migrator_fk")
        defer { Task { await database.close() } }
        let parents = Migration(name: "0001_tables.sql", sql: """
        CREATE TABLE parents (id INTEGER PRIMARY KEY);
        CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parents (id));
        """)
        // Foreign keys are off during a migration (for table rebuilds), so only the final check can catch this.
        let orphan = Migration(name: "0002_orphan.sql", sql: "INSERT INTO children (id, parent_id) VALUES (1, 42);")
        do {
            try await Migrator(database: database, migrations: [parents, orphan]).migrate()
            Issue.record("a migration leaving an orphan row was committed")
        } catch {
            #expect("\(error)".contains("sqlite/0002_orphan.sql failed: "))
            #expect("\(error)".contains("1 row breaks foreign keys"))
        }
        #expect(try await database.query("SELECT COUNT(*) AS n FROM children").first?["n"]?.int == 0)
        #expect(try await ledger(database) == ["0001_tables.sql"])
    }
}
