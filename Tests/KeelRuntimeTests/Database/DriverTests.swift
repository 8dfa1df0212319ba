import Foundation
@testable import KeelRuntime
import KeelTestSupport
import Testing

/// The three drivers against real databases: every value kind round-trips through bound parameters,
/// constraint failures are classified alike, transactions commit or roll back.
@Suite(.serialized)
struct DriverTests {
    /// The same table in each dialect's DDL, and the placeholders of a 7-value insert.
    static func table(_ dialect: DatabaseDialect) -> (ddl: [String], placeholders: String) {
        switch dialect {
        case .postgres:
            return (["CREATE TABLE parents (id BIGINT PRIMARY KEY)",
                     "CREATE TABLE items (id BIGINT PRIMARY KEY, label TEXT UNIQUE, ratio DOUBLE PRECISION, flag BOOLEAN, data BYTEA, at TIMESTAMPTZ, ref UUID, parent_id BIGINT REFERENCES parents (id))"],
                    "$1, $2, $3, $4, $5, $6, $7")
        case .mysql:
            return (["CREATE TABLE parents (id BIGINT PRIMARY KEY) ENGINE=InnoDB",
                     "CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(200) UNIQUE, ratio DOUBLE, flag BOOLEAN, data BLOB, at DATETIME(6), ref CHAR(36), parent_id BIGINT REFERENCES parents (id)) ENGINE=InnoDB"],
                    "?, ?, ?, ?, ?, ?, ?")
        case .sqlite:
            return (["CREATE TABLE parents (id INTEGER PRIMARY KEY)",
                     "CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT UNIQUE, ratio REAL, flag INTEGER, data BLOB, at TEXT, ref TEXT, parent_id INTEGER REFERENCES parents (id))"],
                    "?, ?, ?, ?, ?, ?, ?")
        }
    }

    static func placeholder(_ dialect: DatabaseDialect, _ index: Int) -> String {
        dialect == .postgres ? "$\(index)" : "?"
    }

    func prepared(_ dialect: DatabaseDialect, _ name: String) async throws -> any Database {
        let database = try await TestDatabases.open(dialect, name: name)
        for statement in Self.table(dialect).ddl {
            try await database.execute(statement)
        }
        return database
    }

    @Test(arguments: DatabaseDialect.allCases)
    func valuesRoundTripThroughBoundParameters(_ dialect: DatabaseDialect) async throws {
        let database = try await prepared(dialect, "keel_driver_values")
        defer { Task { await database.close() } }
        // Metacharacters are data, never SQL.
        let label = "Robert'); DROP TABLE items;-- \"quoted\" \\ ünïcode ✓"
        let at = Date(timeIntervalSince1970: 1_763_790_000.123456)
        let ref = UUID()
        let insert = "INSERT INTO items (id, label, ratio, flag, data, at, ref) VALUES (\(Self.table(dialect).placeholders))"
        let inserted = try await database.execute(insert, [.int(1), .text(label), .double(0.25), .bool(true), .bytes([0, 1, 255]), .timestamp(at), .uuid(ref)])
        #expect(inserted == 1)
        try await database.execute(insert, [.int(2), .null, .null, .bool(false), .null, .null, .null])

        let rows = try await database.query("SELECT id, label, ratio, flag, data, at, ref FROM items ORDER BY id")
        #expect(rows.count == 2)
        #expect(rows[0].columns == ["id", "label", "ratio", "flag", "data", "at", "ref"])
        #expect(rows[0]["id"] == .int(1))
        #expect(rows[0]["label"] == .text(label))
        #expect(rows[0]["ratio"] == .double(0.25))
        #expect(rows[0]["flag"]?.int == 1)
        #expect(rows[0]["data"] == .bytes([0, 1, 255]))
        // Each database keeps microseconds; PostgreSQL answers an instant, the others its UTC text.
        switch rows[0]["at"] {
        case .timestamp(let value): #expect(abs(value.timeIntervalSince(at)) < 0.000_001)
        case .text(let text): #expect(text.hasPrefix("2025-11-22") && text.contains("05:40:00.123456"))
        default: Issue.record("unexpected timestamp cell \(String(describing: rows[0]["at"]))")
        }
        #expect(rows[0]["ref"]?.text == ref.uuidString.lowercased())
        #expect(rows[1]["label"] == .null)
        #expect(rows[1]["flag"]?.int == 0)

        let p = Self.placeholder(dialect, 1)
        #expect(try await database.query("SELECT id FROM items WHERE label = \(p)", [.text(label)]).map { $0["id"] } == [.int(1)])
        #expect(try await database.execute("UPDATE items SET ratio = \(p)", [.double(2)]) == 2)
        #expect(try await database.execute("DELETE FROM items WHERE id = \(p)", [.int(42)]) == 0)
    }

    @Test(arguments: DatabaseDialect.allCases)
    func constraintFailuresAreClassified(_ dialect: DatabaseDialect) async throws {
        let database = try await prepared(dialect, "keel_driver_errors")
        defer { Task { await database.close() } }
        let p1 = Self.placeholder(dialect, 1), p2 = Self.placeholder(dialect, 2)
        try await database.execute("INSERT INTO items (id, label) VALUES (\(p1), \(p2))", [.int(1), .text("a")])

        let duplicate = await #expect(throws: DatabaseError.self) {
            try await database.execute("INSERT INTO items (id, label) VALUES (\(p1), \(p2))", [.int(2), .text("a")])
        }
        #expect(duplicate?.kind == .uniqueViolation)
        let orphan = await #expect(throws: DatabaseError.self) {
            try await database.execute("INSERT INTO items (id, parent_id) VALUES (\(p1), \(p2))", [.int(3), .int(99)])
        }
        #expect(orphan?.kind == .foreignKeyViolation)
        let badSQL = await #expect(throws: DatabaseError.self) { try await database.query("SELECT nope FROM items") }
        #expect(badSQL?.kind == .other)
        // The connection is still usable after each failure.
        #expect(try await database.query("SELECT COUNT(*) AS n FROM items").first?["n"]?.int == 1)
    }

    @Test(arguments: DatabaseDialect.allCases)
    func transactionsCommitOrRollBack(_ dialect: DatabaseDialect) async throws {
        let database = try await prepared(dialect, "keel_driver_transactions")
        defer { Task { await database.close() } }
        let p1 = Self.placeholder(dialect, 1)
        struct Abort: Error {}
        await #expect(throws: Abort.self) {
            try await database.transaction { session in
                try await session.execute("INSERT INTO parents (id) VALUES (\(p1))", [.int(1)])
                throw Abort()
            }
        }
        try await database.transaction { session in
            try await session.execute("INSERT INTO parents (id) VALUES (\(p1))", [.int(2)])
        }
        #expect(try await database.query("SELECT id FROM parents").map { $0["id"] } == [.int(2)])

        // Concurrent transactions on the pool do not see or break each other.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for id in 10..<30 {
                group.addTask {
                    _ = try await database.transaction { session in
                        try await session.execute("INSERT INTO parents (id) VALUES (\(p1))", [.int(Int64(id))])
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await database.query("SELECT COUNT(*) AS n FROM parents").first?["n"]?.int == 21)
        #expect(await database.ping())
    }
}

/// GALERA_MODE (INTEGRATIONS.md): causal reads, READ COMMITTED, and three tries for statements a node refuses.
struct GaleraModeTests {
    @Test func sessionsReadCausallyUnderReadCommitted() async throws {
        guard case .mysql(let address, _) = try await TestDatabases.fresh(.mysql, name: "keel_driver_galera") else {
            Issue.record("a MySQL configuration was expected")
            return
        }
        let query = "SELECT @@SESSION.wsrep_sync_wait AS sync_wait, @@SESSION.tx_isolation AS isolation"
        let galera = try await MySQLDatabase.connect(address, galeraMode: true)
        let settings = try await galera.query(query).first
        await galera.close()
        #expect(settings?["sync_wait"]?.int == 1)
        #expect(settings?["isolation"]?.text == "READ-COMMITTED")

        let plain = try await MySQLDatabase.connect(address, galeraMode: false)
        let defaults = try await plain.query(query).first
        await plain.close()
        #expect(defaults?["sync_wait"]?.int == 0)
        #expect(defaults?["isolation"]?.text == "REPEATABLE-READ")
    }

    actor Attempts {
        var count = 0
        func next() -> Int {
            count += 1
            return count
        }
    }

    @Test(arguments: [
        // (failures before success, error code, galera mode) -> attempts made, succeeded
        (2, "1213", true, 3, true),
        (3, "1213", true, 3, false),
        (5, "1047", true, 3, false),
        (1, "1062", true, 1, false),
        (1, "1213", false, 1, false),
    ])
    func retriesOnlyWSREPRefusals(failures: Int, code: String, galera: Bool, attempts: Int, succeeds: Bool) async throws {
        let counter = Attempts()
        let result: Bool
        do {
            result = try await GaleraRetry.run(enabled: galera) { _ in
                if await counter.next() <= failures { throw DatabaseError(.other, "refused", code: code) }
                return true
            }
        } catch {
            result = false
        }
        #expect(result == succeeds)
        #expect(await counter.count == attempts)
    }
}
