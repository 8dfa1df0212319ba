import Foundation
import KeelRuntime
import KeelSpec

/// `keel init --from-database`: a live database's catalog read and written as a spec.
struct DatabaseImport {
    /// The spec, as YAML.
    var spec: String
    var warnings: [ImportWarning]
    var dialect: Dialect
    /// The database in words, without credentials: `the postgres database app on db:5432`.
    var source: String

    static func read(url: String, service: String) async throws -> DatabaseImport {
        let configuration = try DatabaseConfiguration(url: url, environment: ProcessInfo.processInfo.environment)
        let source: String
        switch configuration {
        case .sqlite(let path):
            // Opening a missing file would create an empty database.
            guard FileManager.default.fileExists(atPath: path) else { throw ConfigurationError("no SQLite database at \(path)") }
            source = "the SQLite database \(URL(fileURLWithPath: path).lastPathComponent)"
        case .postgres(let server), .mysql(let server, _):
            source = "the \(configuration.dialect.rawValue) database \(server.database) on \(server.host):\(server.port)"
        }
        let live = try await DatabaseConnector.withDatabase(configuration) { database in
            switch configuration.dialect {
            case .postgres: try await PostgresCatalog.read(database)
            case .mysql: try await MySQLCatalog.read(database)
            case .sqlite: try await SQLiteCatalog.read(database)
            }
        }
        let dialect = Dialect(rawValue: configuration.dialect.rawValue) ?? .sqlite
        var importer = SchemaImporter(dialect: dialect)
        let tables = importer.tables(of: live)
        var warnings = importer.warnings
        // Keel's local auth brings its own `users` table.
        let auth: Service.Auth = tables.contains { $0.name == "users" } ? .jwt : .local
        if auth == .jwt {
            warnings.append(ImportWarning(table: "users", message: "the spec says auth: jwt, since local auth would bring Keel's own users table; tokens then come from your identity service"))
        }
        return DatabaseImport(spec: SpecWriter.yaml(service: service, source: source, auth: auth, tables: tables, warnings: warnings),
                              warnings: warnings, dialect: dialect, source: source)
    }
}
