import KeelSpec

/// Keel's package traits for a service's databases: each compiles one driver of KeelRuntime (Package.swift),
/// so a service built for PostgreSQL compiles neither GRDB nor the MariaDB client.
enum DatabaseTraits {
    /// The trait that compiles `dialect`'s driver.
    static func trait(_ dialect: Dialect) -> String {
        switch dialect {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        case .mysql: "MySQL"
        }
    }

    /// The traits to name in the dependency; nil for every database, Keel's default traits, so the line stays as before.
    static func names(_ databases: [Dialect]) -> [String]? {
        Set(databases) == Set(Dialect.allCases) ? nil : ordered(databases).map(trait)
    }

    /// The `DB_TYPE` of a service without SQLite (the runtime's default), else nil.
    static func serverDefault(_ databases: [Dialect]) -> String? {
        databases.contains(.sqlite) ? nil : ordered(databases).first?.rawValue
    }

    /// What the init templates test: the drivers, keel.yaml's dialects and the Dockerfile's system libraries.
    static func templateValues(_ databases: [Dialect]) -> [String: Any] {
        let set = Set(databases)
        var values: [String: Any] = ["dialects": ordered(databases).map(\.rawValue).joined(separator: ", ")]
        if set.contains(.sqlite) { values["sqliteDriver"] = true }
        if let server = serverDefault(databases) { values["serverDatabase"] = server }
        let build = (set.contains(.sqlite) ? ["libsqlite3-dev"] : []) + (set.contains(.mysql) ? ["libmariadb-dev"] : [])
        let run = (set.contains(.sqlite) ? ["libsqlite3-0"] : []) + (set.contains(.mysql) ? ["libmariadb3"] : [])
        if !build.isEmpty { values["buildLibraries"] = build.joined(separator: " ") }
        values["runLibraries"] = (run + ["ca-certificates", "curl", "tzdata"]).joined(separator: " ")
        return values
    }

    /// In Keel's usual order (sqlite, postgres, mysql), each once.
    private static func ordered(_ databases: [Dialect]) -> [Dialect] {
        Dialect.allCases.filter(Set(databases).contains)
    }
}
