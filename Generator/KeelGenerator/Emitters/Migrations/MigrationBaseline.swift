import Foundation
import KeelSpec

/// The migration history of a spec read from a live database (`keel init --from-database`): the tables already
/// exist there, so the history starts with them.
///
/// It is the snapshot of the spec's tables, one migration for the database's dialect and `keel.sum`. The migration
/// creates each table (with its keys and indexes, as the migration planner writes them) only where it is missing,
/// so `keel migrate` leaves the live database as it is and records the baseline, while a new database of the
/// same kind (another environment, a test database) gets the tables; the next spec edit migrates from it.
/// Dialects without a migration get their whole schema created by the next `keel generate`, as when a dialect is
/// added later.
public enum MigrationBaseline {
    /// The name of the baseline migration, e.g. `0001_baseline.sql`.
    public static let migrationName = "0001_baseline.sql"

    /// The files, by path relative to the migrations directory.
    /// - Parameter source: where the tables are, e.g. `postgres database app on db:5432`, for the migration's comment.
    public static func files(for spec: Spec, dialect: Dialect, source: String, specName: String) throws -> [String: String] {
        let relative = "\(dialect.rawValue)/\(migrationName)"
        let schema = DatabaseSchema(spec)
        let statements = SQLWriter(dialect, schemas: [schema]).createMissing(schema.tables)
        let migration = GeneratedHeader.comment(for: relative, specName: specName)
            + "-- Baseline for \(dialect.rawValue): the tables of the spec already existed in \(source)\n"
            + "-- when keel init --from-database read it. Each is created only where it is missing (a new database);\n"
            + "-- where it exists, it is left as it is. Later migrations start from here.\n\n"
            // MySQL refuses a script without a statement ("Query was empty").
            + (statements.isEmpty ? "SELECT 1;" : statements.joined(separator: "\n\n")) + "\n"
        let snapshot = SnapshotFile(generatedBy: GeneratedHeader.text(specName: specName), schema: schema)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [
            relative: migration,
            MigrationHistory.snapshotName: String(decoding: try encoder.encode(snapshot), as: UTF8.self) + "\n",
            MigrationHistory.sumName: GeneratedHeader.comment(for: MigrationHistory.sumName, specName: specName) + MigrationSum.render([relative: migration]),
        ]
    }
}
