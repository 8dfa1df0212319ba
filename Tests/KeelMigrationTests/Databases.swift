import Foundation
import KeelRuntime
import KeelSpec

struct SQLiteCatalog: LiveDatabase {
    let dialect = Dialect.sqlite
    let path: String

    var configuration: DatabaseConfiguration { .sqlite(path: path) }


    func query(_ sql: String) throws -> [[String]] {
        // Foreign keys are off by default in every new SQLite connection; the runtime turns them on too.
        try runClient(["sqlite3", "-cmd", "PRAGMA foreign_keys=ON", "-separator", "|", path, sql]).split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    }

    func schema() throws -> LiveSchema {
        var schema = LiveSchema()
        for table in try query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'keel_migrations'").map({ $0[0] }) {
            schema.columns[table] = Dictionary(uniqueKeysWithValues: try query("SELECT name, \"notnull\", pk FROM pragma_table_info('\(table)')").map { ($0[0], $0[1] == "0" && $0[2] == "0") })
            schema.indexes[table] = Set(try query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '\(table)' AND name NOT LIKE 'sqlite_autoindex%'").map { $0[0] })
        }
        return schema
    }
}

struct PostgresCatalog: LiveDatabase {
    let dialect = Dialect.postgres
    let port: String
    let database: String

    var configuration: DatabaseConfiguration {
        .postgres(.init(host: "127.0.0.1", port: Int(port) ?? 0, user: "postgres", password: "", database: database))
    }

    static func fresh(_ name: String) throws -> PostgresCatalog {
        let port = try serverPort("KEEL_TEST_POSTGRES_PORT")
        let admin = PostgresCatalog(port: port, database: "postgres")
        _ = try admin.query("DROP DATABASE IF EXISTS \(name)")
        _ = try admin.query("CREATE DATABASE \(name)")
        return PostgresCatalog(port: port, database: name)
    }

    private var client: [String] { ["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-q"] }


    func query(_ sql: String) throws -> [[String]] {
        try runClient(client + ["-At", "-F", "|", "-c", sql]).split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    }

    func schema() throws -> LiveSchema {
        var schema = LiveSchema()
        for table in try query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'keel_migrations'").map({ $0[0] }) {
            schema.columns[table] = Dictionary(uniqueKeysWithValues: try query("SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '\(table)'").map { ($0[0], $0[1] == "YES") })
            schema.indexes[table] = Set(try query("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = '\(table)' AND indexname NOT LIKE '%_pkey'").map { $0[0] })
        }
        return schema
    }
}

struct MariaDBCatalog: LiveDatabase {
    let dialect = Dialect.mysql
    let port: String
    let database: String

    var configuration: DatabaseConfiguration {
        .mysql(.init(host: "127.0.0.1", port: Int(port) ?? 0, user: "root", password: "", database: database), galeraMode: false)
    }

    static func fresh(_ name: String) throws -> MariaDBCatalog {
        let port = try serverPort("KEEL_TEST_MYSQL_PORT")
        let admin = MariaDBCatalog(port: port, database: "mysql")
        _ = try admin.query("DROP DATABASE IF EXISTS \(name)")
        _ = try admin.query("CREATE DATABASE \(name)")
        return MariaDBCatalog(port: port, database: name)
    }

    private var client: [String] { ["mariadb", "--no-defaults", "-h", "127.0.0.1", "-P", port, "-u", "root", database] }


    func query(_ sql: String) throws -> [[String]] {
        try runClient(client + ["-N", "-B", "-e", sql]).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    func schema() throws -> LiveSchema {
        var schema = LiveSchema()
        let db = "'\(database)'"
        for table in try query("SELECT table_name FROM information_schema.tables WHERE table_schema = \(db) AND table_name <> 'keel_migrations'").map({ $0[0] }) {
            schema.columns[table] = Dictionary(uniqueKeysWithValues: try query("SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = \(db) AND table_name = '\(table)'").map { ($0[0], $0[1] == "YES") })
            // InnoDB adds an index for each foreign key that has none; those carry the constraint's name.
            schema.indexes[table] = Set(try query("SELECT DISTINCT index_name FROM information_schema.statistics WHERE table_schema = \(db) AND table_name = '\(table)' AND index_name <> 'PRIMARY'").map { $0[0] }.filter { !$0.hasSuffix("_fkey") })
        }
        return schema
    }
}
