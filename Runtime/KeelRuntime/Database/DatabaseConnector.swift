/// Opens the database a configuration names, with the driver for its dialect.
public enum DatabaseConnector {
    public static func open(_ configuration: DatabaseConfiguration) async throws -> any Database {
        switch configuration {
        case .sqlite(let path): try SQLiteDatabase(path: path)
        case .postgres(let address): try await PostgresDatabase.connect(address)
        case .mysql(let address, let galeraMode): try await MySQLDatabase.connect(address, galeraMode: galeraMode)
        }
    }
}
