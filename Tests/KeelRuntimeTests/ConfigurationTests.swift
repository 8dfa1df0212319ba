import KeelRuntime
import Testing

/// The database settings of INTEGRATIONS.md, and errors that name the variable at fault.
struct ConfigurationTests {
    @Test func defaultsToTheSQLiteFile() throws {
        #expect(try DatabaseConfiguration(environment: [:]) == .sqlite(path: DatabaseConfiguration.defaultSQLitePath))
        #expect(try DatabaseConfiguration(environment: ["DB_PATH": "/data/app.db"]) == .sqlite(path: "/data/app.db"))
    }

    @Test func readsServerSettings() throws {
        let postgres = try DatabaseConfiguration(environment: ["DB_TYPE": "postgres", "DB_USER": "app", "DB_NAME": "shop", "DB_HOST": "db", "DB_PASS": "pw"])
        #expect(postgres == .postgres(.init(host: "db", port: 5432, user: "app", password: "pw", database: "shop", poolSize: 10)))
        let mysql = try DatabaseConfiguration(environment: ["DB_TYPE": "mysql", "DB_USER": "app", "DB_NAME": "shop", "DB_PORT": "3307", "DB_POOL_SIZE": "4", "GALERA_MODE": "true"])
        #expect(mysql == .mysql(.init(host: "127.0.0.1", port: 3307, user: "app", password: "", database: "shop", poolSize: 4), galeraMode: true))
    }

    @Test(arguments: [
        (["DB_TYPE": "oracle"], "DB_TYPE=oracle is not valid: use one of sqlite, postgres, mysql"),
        (["DB_TYPE": "postgres", "DB_NAME": "x"], "DB_USER is not set"),
        (["DB_TYPE": "mysql", "DB_USER": "u", "DB_NAME": "x", "DB_PORT": "99999"], "DB_PORT=99999 is not valid: use a whole number from 1 to 65535"),
        (["DB_TYPE": "mysql", "DB_USER": "u", "DB_NAME": "x", "GALERA_MODE": "maybe"], "GALERA_MODE=maybe is not valid: use true or false"),
    ])
    func namesTheBadVariable(_ environment: [String: String], _ message: String) {
        do {
            _ = try DatabaseConfiguration(environment: environment)
            Issue.record("\(environment) was accepted")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func readsURLs() throws {
        #expect(try DatabaseConfiguration(url: "postgres://app:p%40ss@db:6543/shop") == .postgres(.init(host: "db", port: 6543, user: "app", password: "p@ss", database: "shop")))
        #expect(try DatabaseConfiguration(url: "mariadb://root@127.0.0.1/shop") == .mysql(.init(host: "127.0.0.1", port: 3306, user: "root", password: "", database: "shop"), galeraMode: false))
        #expect(try DatabaseConfiguration(url: "sqlite:data/app.db") == .sqlite(path: "data/app.db"))
        #expect(try DatabaseConfiguration(url: "sqlite:///tmp/app.db") == .sqlite(path: "/tmp/app.db"))
        do {
            _ = try DatabaseConfiguration(url: "postgres://app:secret@db")
            Issue.record("a URL without a database was accepted")
        } catch {
            #expect("\(error)" == "database URL postgres://app:***@db: expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE")
        }
    }
}
