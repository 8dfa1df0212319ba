import Foundation
import KeelRuntime
import KeelTestSupport
import Testing

/// `keel migrate` as a process: settings from the environment, and a run killed half-way through a migration.
@Suite(.serialized)
struct MigrateCommandTests {
    /// A migrations directory whose second migration creates a table and then runs for seconds.
    func slowMigrations(_ dialect: DatabaseDialect) throws -> String {
        let root = NSTemporaryDirectory() + "keel-migrate-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: "\(root)/\(dialect.rawValue)", withIntermediateDirectories: true)
        let slow = dialect == .postgres
            ? "SELECT pg_sleep(3);"
            : "CREATE TABLE filler AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000000) SELECT x FROM c;"
        try "CREATE TABLE base (id INTEGER PRIMARY KEY);\n".write(toFile: "\(root)/\(dialect.rawValue)/0001_base.sql", atomically: true, encoding: .utf8)
        try "CREATE TABLE marker (id INTEGER PRIMARY KEY);\n\(slow)\n".write(toFile: "\(root)/\(dialect.rawValue)/0002_slow.sql", atomically: true, encoding: .utf8)
        return root
    }

    /// Starts `keel migrate --dir` with the database's environment.
    func migrate(_ directory: String, _ configuration: DatabaseConfiguration) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLITests.keel)
        process.arguments = ["migrate", "--dir", directory]
        process.environment = ProcessInfo.processInfo.environment.merging(TestDatabases.environment(for: configuration)) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        return (process, output)
    }

    /// Reads the process's output until `marker` appears (or the output ends).
    func waitFor(_ marker: String, in pipe: Pipe) -> String {
        var text = ""
        while !text.contains(marker) {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        return text
    }

    func ledger(_ configuration: DatabaseConfiguration) async throws -> [String] {
        try await DatabaseConnector.withDatabase(configuration) { database in
            try await database.query("SELECT name FROM keel_migrations ORDER BY name").compactMap { $0["name"]?.text }
        }
    }

    @Test(arguments: [DatabaseDialect.postgres, .sqlite])
    func aKilledMigrationLeavesThePreviousVersion(_ dialect: DatabaseDialect) async throws {
        let configuration = try await TestDatabases.fresh(dialect, name: "keel_migrate_killed")
        let directory = try slowMigrations(dialect)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let (process, output) = try migrate(directory, configuration)
        let seen = waitFor("applying \(dialect.rawValue)/0002_slow.sql", in: output)
        #expect(seen.contains("applied 0001_base.sql"))
        // A blocking sleep, not `Task.sleep`: with every cooperative thread busy in a parallel run, the task
        // resumed seconds late, after the 3 s migration had committed, and the kill came too late (CI, 2026-12-03).
        usleep(300_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        #expect(try await ledger(configuration) == RuntimeTables.migrationNames + ["0001_base.sql"])
        let markerExists = try await DatabaseConnector.withDatabase(configuration) { database in
            (try? await database.query("SELECT COUNT(*) FROM marker")) != nil
        }
        #expect(!markerExists, "the killed migration's first statement must be rolled back")

        // The next run completes (on PostgreSQL it first waits for the dead session's lock to go).
        let (again, againOutput) = try migrate(directory, configuration)
        let text = waitFor("keel: applied", in: againOutput) + String(decoding: againOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        again.waitUntilExit()
        #expect(again.terminationStatus == 0, "\(text)")
        #expect(text.contains("keel: applied 1 migration; the database is at 0002_slow.sql"))
        #expect(try await ledger(configuration) == RuntimeTables.migrationNames + ["0001_base.sql", "0002_slow.sql"])
    }

    @Test func aBadSettingNamesTheVariable() throws {
        let directory = try slowMigrations(.postgres)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (process, output) = try migrate(directory, .postgres(.init(host: "127.0.0.1", port: 5432, user: "", password: "", database: "x")))
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(text == "keel: DB_USER is not set\n")
    }
}
