/// The start-up error of a database whose driver this build left out. Each driver is a package trait of Keel
/// (SQLite, PostgreSQL, MySQL; all on unless the service's Package.swift names its own), so the remedy is the trait.
enum MissingDriver {
    static func error(_ dialect: DatabaseDialect) -> ConfigurationError {
        let trait = switch dialect {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        case .mysql: "MySQL"
        }
        return ConfigurationError("""
            DB_TYPE=\(dialect.rawValue): this service was built without the \(trait) driver; add the "\(trait)" trait to \
            the Keel dependency in Package.swift (.package(…, traits: ["\(trait)"])) and build again
            """)
    }
}
