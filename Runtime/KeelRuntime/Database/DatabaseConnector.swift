/// Opens the database a configuration names, with the driver for its dialect.
public enum DatabaseConnector {
    /// Throws a `ConfigurationError` naming the package trait when this build has no driver for the dialect.
    public static func open(_ configuration: DatabaseConfiguration) async throws -> any Database {
        // The one place that names the drivers, each compiled only with its package trait (Package.swift).
        switch configuration {
        #if SQLite
        case .sqlite(let path): return try SQLiteDatabase(path: path)
        #else
        case .sqlite: throw MissingDriver.error(.sqlite)
        #endif
        #if PostgreSQL
        case .postgres(let address): return try await PostgresDatabase.connect(address)
        #else
        case .postgres: throw MissingDriver.error(.postgres)
        #endif
        #if MySQL
        case .mysql(let address, let galeraMode): return try await MySQLDatabase.connect(address, galeraMode: galeraMode)
        #else
        case .mysql: throw MissingDriver.error(.mysql)
        #endif
        }
    }

    /// Opens the database for the duration of `body` and closes it afterwards, whether `body` returns or throws.
    public static func withDatabase<T: Sendable>(_ configuration: DatabaseConfiguration, _ body: (any Database) async throws -> T) async throws -> T {
        let database = try await open(configuration)
        do {
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }
}
