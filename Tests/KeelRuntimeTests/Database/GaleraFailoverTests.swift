import Foundation
@testable import KeelRuntime
import KeelTestSupport
import Testing

/// Several Galera nodes in `DB_HOST`, and when work that failed on a node runs again.
struct GaleraHostListTests {
    let base = ["DB_TYPE": "mysql", "DB_USER": "app", "DB_NAME": "shop", "GALERA_MODE": "true"]

    @Test func readsSeveralHostsInOrderWithDBPortForThoseWithout() throws {
        let configuration = try DatabaseConfiguration(environment: base.merging(["DB_HOST": "h1:3306, h2:3307,h3,[::1]:3309,[fe80::2]", "DB_PORT": "3310"]) { $1 })
        guard case .mysql(let address, galeraMode: true) = configuration else {
            Issue.record("\(configuration) is not MySQL in Galera mode")
            return
        }
        #expect(address.nodes == [.init(host: "h1", port: 3306), .init(host: "h2", port: 3307), .init(host: "h3", port: 3310),
                                  .init(host: "::1", port: 3309), .init(host: "fe80::2", port: 3310)])
        #expect(address.host == "h1" && address.port == 3306)
        #expect(address.nodes.map(\.description) == ["h1:3306", "h2:3307", "h3:3310", "[::1]:3309", "[fe80::2]:3310"])
    }

    @Test func oneHostIsOneNode() throws {
        let configuration = try DatabaseConfiguration(environment: base.merging(["DB_HOST": "db"]) { $1 })
        #expect(configuration == .mysql(.init(host: "db", port: 3306, user: "app", password: "", database: "shop"), galeraMode: true))
    }

    @Test(arguments: [
        ("h1,,h2", "DB_HOST=h1,,h2 is not valid: '' is not HOST or HOST:PORT (a port from 1 to 65535)"),
        ("h1:0", "DB_HOST=h1:0 is not valid: 'h1:0' is not HOST or HOST:PORT (a port from 1 to 65535)"),
        ("h1:99999,h2", "DB_HOST=h1:99999,h2 is not valid: 'h1:99999' is not HOST or HOST:PORT (a port from 1 to 65535)"),
        ("h1:x", "DB_HOST=h1:x is not valid: 'h1:x' is not HOST or HOST:PORT (a port from 1 to 65535)"),
        ("[::1", "DB_HOST=[::1 is not valid: '[::1' is not HOST or HOST:PORT (a port from 1 to 65535)"),
    ])
    func refusesMalformedLists(_ hosts: String, _ message: String) {
        #expect(throws: ConfigurationError.self) { try DatabaseConfiguration(environment: base.merging(["DB_HOST": hosts]) { $1 }) }
        do {
            _ = try DatabaseConfiguration(environment: base.merging(["DB_HOST": hosts]) { $1 })
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func postgresTakesOneHost() {
        do {
            _ = try DatabaseConfiguration(environment: ["DB_TYPE": "postgres", "DB_USER": "app", "DB_NAME": "shop", "DB_HOST": "a,b:5433"])
            Issue.record("two PostgreSQL hosts were accepted")
        } catch {
            #expect("\(error)" == "DB_HOST lists 2 hosts: only MySQL/MariaDB (a Galera cluster) takes several")
        }
    }
}

struct GaleraRetryDecisionTests {
    @Test(arguments: [
        ("SELECT 1", true), ("  (SELECT 1) UNION (SELECT 2)", true), ("show status", true), ("WITH t AS (SELECT 1) SELECT * FROM t", true),
        ("INSERT INTO t VALUES (1)", false), ("UPDATE t SET a = 1", false), ("DELETE FROM t", false), ("SET @a = 1", false),
        ("SELECTED", false), ("", false),
    ])
    func tellsReadsFromWrites(_ sql: String, _ reads: Bool) {
        #expect(SQLStatementKind.onlyReads(sql) == reads)
    }

    @Test(arguments: [("CREATE TABLE t (id INT)", true), (" drop table t", true), ("ALTER TABLE t ADD x INT", true),
                       ("TRUNCATE t", true), ("INSERT INTO t VALUES (1)", false), ("SELECT 1", false)])
    func tellsDDLThatCommitsItself(_ sql: String, _ commits: Bool) {
        #expect(SQLStatementKind.commitsItself(sql) == commits)
    }

    @Test(arguments: [
        // (kind, code, a COMMIT may have taken effect) -> may run again
        (DatabaseError.Kind.unavailable, "2013", false, true), // connection lost before COMMIT: rolled back
        (.unavailable, "2013", true, false), // lost after COMMIT was sent: outcome unknown
        (.unavailable, "1047", false, true), // node not in the primary component
        (.other, "1213", false, true), // certification failure
        (.other, "1213", true, false), // an earlier COMMIT of the attempt went through
        (.uniqueViolation, "1062", false, false),
        (.other, "1064", false, false),
    ])
    func retriesOnlyWhatCertainlyDidNotCommit(kind: DatabaseError.Kind, code: String, committed: Bool, retries: Bool) {
        #expect(GaleraRetry.mayRetry(DatabaseError(kind, "refused", code: code), mayHaveCommitted: committed) == retries)
    }

    @Test func aCertificationFailureAtCommitIsNoCommit() async throws {
        let ledger = GaleraRetry.Ledger()
        await #expect(throws: DatabaseError.self) { try await ledger.commit { throw DatabaseError(.other, "deadlock", code: "1213") } }
        #expect(!ledger.mayHaveCommitted)
        await #expect(throws: DatabaseError.self) { try await ledger.commit { throw DatabaseError(.unavailable, "lost", code: "2013") } }
        #expect(ledger.mayHaveCommitted)
    }

    @Test func aLostCommitEndsIn503SayingTheWriteMayHaveBeenApplied() async throws {
        let attempts = GaleraModeTests.Attempts()
        do {
            _ = try await GaleraRetry.run(enabled: true) { ledger in
                _ = await attempts.next()
                try await ledger.commit { throw DatabaseError(.unavailable, "MySQL error 2013: Lost connection", code: "2013") }
            }
            Issue.record("a lost COMMIT succeeded")
        } catch let error as DatabaseError {
            #expect(error.kind == .unavailable)
            #expect(error.message.hasSuffix("(after COMMIT was sent: the write may have been applied)"))
        }
        #expect(await attempts.count == 1)
    }
}

/// The pool on a real MariaDB server (not a Galera node, which serves alone in Galera mode) behind a dead first node.
@Suite(.serialized)
struct GaleraFailoverTests {
    func address(_ name: String) async throws -> DatabaseConfiguration.ServerAddress {
        guard case .mysql(var address, _) = try await TestDatabases.fresh(.mysql, name: name) else {
            throw ConfigurationError("a MySQL configuration was expected")
        }
        // Port 1 on loopback refuses at once: a node that is down.
        address.otherNodes = [.init(host: address.host, port: address.port)]
        address.port = 1
        return address
    }

    @Test func connectsToTheNextNodeWhenThePreferredIsDown() async throws {
        let address = try await address("keel_galera_failover")
        let database = try await MySQLDatabase.connect(address, galeraMode: true)
        let state = try await database.galeraNodeState()
        #expect(state?.node == "127.0.0.1:\(address.otherNodes[0].port)")
        #expect(state?.clustered == false)
        #expect(try await database.query("SELECT 2 AS two").first?["two"]?.int == 2)
        #expect(await database.ping())
        await database.close()

        do {
            _ = try await MySQLDatabase.connect(address, galeraMode: false).close()
        } catch let error as DatabaseError {
            Issue.record("without Galera mode the pool should also take the next node: \(error)")
        }
        var dead = address
        dead.otherNodes = [.init(host: "127.0.0.1", port: 2)]
        do {
            _ = try await MySQLDatabase.connect(dead, galeraMode: true)
            Issue.record("two dead nodes connected")
        } catch let error as DatabaseError {
            #expect(error.kind == .unavailable)
            #expect(error.message.hasPrefix("no node answered: connecting to 127.0.0.1:1: "))
            #expect(error.message.contains("; connecting to 127.0.0.1:2: "))
        }
    }

    /// Ends a connection from another one, as a node that died would.
    func kill(_ connection: Int64, on address: DatabaseConfiguration.ServerAddress) async throws {
        var admin = address
        admin.host = address.otherNodes[0].host
        admin.port = address.otherNodes[0].port
        admin.otherNodes = []
        _ = try await DatabaseConnector.withDatabase(.mysql(admin, galeraMode: false)) { try await $0.execute("KILL CONNECTION \(connection)") }
    }

    /// The connection dies between a transaction's INSERT and its COMMIT: the node rolled it back, so it runs
    /// again on a new connection and the row is there once.
    @Test func aTransactionWhoseConnectionDiedBeforeCommitRunsAgain() async throws {
        let address = try await address("keel_galera_lost_transaction")
        let database = try await MySQLDatabase.connect(address, galeraMode: true)
        try await database.execute("CREATE TABLE events (id BIGINT AUTO_INCREMENT PRIMARY KEY, label VARCHAR(20) NOT NULL) ENGINE=InnoDB")
        let attempts = GaleraModeTests.Attempts()
        try await database.transaction { session in
            let id = try await session.query("SELECT CONNECTION_ID() AS id", []).first?["id"]?.int ?? 0
            try await session.execute("INSERT INTO events (label) VALUES ('once')", [])
            if await attempts.next() == 1 {
                try await kill(id, on: address)
                _ = try await session.query("SELECT 1", [])
            }
        }
        #expect(await attempts.count == 2)
        #expect(try await database.query("SELECT COUNT(*) AS n FROM events").first?["n"]?.int == 1)

        // A write outside a transaction runs in its own, so a connection lost before its COMMIT is retried too.
        let sessionAttempts = GaleraModeTests.Attempts()
        try await database.withSession { session in
            let id = try await session.query("SELECT CONNECTION_ID() AS id", []).first?["id"]?.int ?? 0
            if await sessionAttempts.next() == 1 { try await kill(id, on: address) }
            try await session.execute("INSERT INTO events (label) VALUES ('session')", [])
        }
        #expect(await sessionAttempts.count == 2)

        // Once a write committed, a later failure is not retried: that would write it twice.
        let laterAttempts = GaleraModeTests.Attempts()
        do {
            try await database.withSession { session in
                _ = await laterAttempts.next()
                let id = try await session.query("SELECT CONNECTION_ID() AS id", []).first?["id"]?.int ?? 0
                try await session.execute("INSERT INTO events (label) VALUES ('committed')", [])
                try await kill(id, on: address)
                _ = try await session.query("SELECT 1", [])
            }
            Issue.record("a read on a killed connection succeeded")
        } catch let error as DatabaseError {
            #expect(error.kind == .unavailable)
        }
        #expect(await laterAttempts.count == 1)
        let labels = try await database.query("SELECT label FROM events ORDER BY id").compactMap { $0["label"]?.text }
        #expect(labels == ["once", "session", "committed"])
        await database.close()
    }

    /// A statement answered after its transaction ended (as after a node's BF abort, which may answer a prepared
    /// statement with an empty result) fails as a lost certification and the transaction runs again, not on
    /// outside any transaction.
    @Test func aStatementThatFindsItsTransactionGoneFails() async throws {
        let address = try await address("keel_galera_transaction_gone")
        let database = try await MySQLDatabase.connect(address, galeraMode: true)
        try await database.execute("CREATE TABLE events (id BIGINT AUTO_INCREMENT PRIMARY KEY, label VARCHAR(20) NOT NULL) ENGINE=InnoDB")
        let attempts = GaleraModeTests.Attempts()
        try await database.transaction { session in
            if await attempts.next() == 1 {
                // The transaction ends under the body's feet; its next statement must not run on outside it.
                try await session.execute("ROLLBACK", [])
            }
            try await session.execute("INSERT INTO events (label) VALUES ('in a transaction')", [])
        }
        #expect(await attempts.count == 2)
        #expect(try await database.query("SELECT COUNT(*) AS n FROM events").first?["n"]?.int == 1)
        await database.close()
    }

    /// In Galera mode the row limit rests on the table's row in `keel_row_limits`, not on GET_LOCK.
    @Test func rowLimitHoldsThroughTheCounterRow() async throws {
        let address = try await address("keel_galera_row_limit")
        let database = try await MySQLDatabase.connect(address, galeraMode: true)
        try await database.withSession { try await $0.executeScript(RowLimitTables.sql(for: .mysql)) }
        try await database.execute("CREATE TABLE items (id BIGINT AUTO_INCREMENT PRIMARY KEY, n INT NOT NULL) ENGINE=InnoDB")
        let inserted = try await withThrowingTaskGroup(of: Bool.self) { group in
            for n in 0..<24 {
                group.addTask {
                    try await database.insert(whileFewerThan: 5, rowsIn: "items", count: "SELECT COUNT(*) FROM items") { session in
                        try await session.execute("INSERT INTO items (n) VALUES (?)", [.int(Int64(n))])
                    } != nil
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(inserted == 5)
        #expect(try await database.query("SELECT COUNT(*) AS n FROM items").first?["n"]?.int == 5)
        #expect(try await database.query("SELECT checks FROM keel_row_limits WHERE table_name = 'items'").first?["checks"]?.int == 24)
        await database.close()
    }
}
