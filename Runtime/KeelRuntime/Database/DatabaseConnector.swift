/// Opens the database a configuration names, with the driver for its dialect.
public enum DatabaseConnector {
    public static func open(_ configuration: DatabaseConfiguration) async throws -> any Database {
        switch configuration {
        case .sqlite(let path): try SQLiteDatabase(path: path)
        case .postgres(let address): try await PostgresDatabase.connect(address)
        case .mysql(let address, let galeraMode): try await MySQLDatabase.connect(address, galeraMode: galeraMode)
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
