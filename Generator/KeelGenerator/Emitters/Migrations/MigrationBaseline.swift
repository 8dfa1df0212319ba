import Foundation
import KeelSpec

/// The migration history of a spec read from a live database (`keel init --from-database`): the tables already
/// exist there, so the history starts with them instead of creating them.
///
/// It is the snapshot of the spec's tables, one migration for the database's dialect that changes nothing (so
/// `keel migrate` records the baseline and the next spec edit migrates from it) and `keel.sum`. Dialects without
/// a migration get their whole schema created by the next `keel generate`, as when a dialect is added later.
public enum MigrationBaseline {
    /// The name of the baseline migration, e.g. `0001_baseline.sql`.
    public static let migrationName = "0001_baseline.sql"

    /// The files, by path relative to the migrations directory.
    /// - Parameter source: where the tables are, e.g. `postgres database app on db:5432`, for the migration's comment.
    public static func files(for spec: Spec, dialect: Dialect, source: String, specName: String) throws -> [String: String] {
        let relative = "\(dialect.rawValue)/\(migrationName)"
        // MySQL refuses a script without a statement ("Query was empty"), hence the SELECT.
        let migration = GeneratedHeader.comment(for: relative, specName: specName)
            + "-- Baseline for \(dialect.rawValue): the tables of the spec already existed in \(source)\n"
            + "-- when keel init --from-database read it. Applying it changes nothing; later migrations start from it.\n\n"
            + "SELECT 1;\n"
        let snapshot = SnapshotFile(generatedBy: GeneratedHeader.text(specName: specName), schema: DatabaseSchema(spec))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [
            relative: migration,
            MigrationHistory.snapshotName: String(decoding: try encoder.encode(snapshot), as: UTF8.self) + "\n",
            MigrationHistory.sumName: GeneratedHeader.comment(for: MigrationHistory.sumName, specName: specName) + MigrationSum.render([relative: migration]),
        ]
    }
}
