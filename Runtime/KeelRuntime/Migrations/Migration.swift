import Foundation
import KeelMigrationFormat

/// One generated migration file of the active dialect.
public struct Migration: Sendable, Hashable {
    /// The file name, e.g. `0002_add_orders.sql`; migrations apply in name order.
    public let name: String
    public let sql: String
    /// As in `keel.sum`: SHA-256 of the text with line ends normalised.
    public let checksum: String

    public init(name: String, sql: String) {
        self.name = name
        self.sql = sql
        checksum = MigrationChecksum.of(sql)
    }

    /// Reads `<directory>/<dialect>/*.sql` (the layout `keel generate` writes), in name order.
    public static func load(from directory: String, dialect: DatabaseDialect) throws -> [Migration] {
        let folder = URL(fileURLWithPath: directory).appendingPathComponent(dialect.rawValue)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        } catch {
            throw MigrationError("no \(dialect.rawValue) migrations in \(folder.path): run `keel generate` with \(dialect.rawValue) in `dialects`")
        }
        return try names.map { name in
            Migration(name: name, sql: try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
    }
}

/// Why the migrator stopped; the message names the migration file and says what to do.
public struct MigrationError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }

    /// The spec's `dialects` leave out the database the service was started on (`DB_TYPE`).
    public static func dialectNotGenerated(_ dialect: DatabaseDialect) -> MigrationError {
        MigrationError("no \(dialect.rawValue) migrations were generated: add \(dialect.rawValue) to `dialects` in keel.yaml, or set DB_TYPE to one of them")
    }
}
