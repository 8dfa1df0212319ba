import Foundation
import KeelSpec

/// Writes `outputs.migrations`: a new numbered migration per dialect when the spec's tables differ from the
/// snapshot, the updated snapshot and `keel.sum`. Earlier migrations are history and are never rewritten.
public struct MigrationEmitter: Emitter {
    public init() {}

    public func emit(_ spec: Spec, context: EmitContext) throws -> [GeneratedFile] {
        guard let directory = context.settings.outputs.migrations else { return [] }
        let history = context.migrationHistory
        let snapshotPath = directory + "/" + MigrationHistory.snapshotName
        let planner = MigrationPlanner(snapshotLocation: SourceLocation(file: DisplayPath.make(snapshotPath, relativeTo: context.displayBase), line: 1, column: 1))
        let plan = planner.plan(from: history.snapshot, to: spec)
        var problems = plan.refusals
        if !context.allowDestructive { problems += plan.risks.map(\.diagnostic) }
        guard problems.isEmpty else { throw SpecError(problems.sortedByLocation()) }

        let new = DatabaseSchema(spec)
        var files = history.files
        let number = String(format: "%04d", history.nextNumber)
        // A dialect added to keel.yaml after migrations exist starts from the whole current schema.
        let empty = DatabaseSchema(tables: [])
        for dialect in context.settings.dialects where !history.snapshot.tables.isEmpty && !history.files.keys.contains(where: { $0.hasPrefix(dialect.rawValue + "/") }) {
            let name = number + "_initial"
            let relative = "\(dialect.rawValue)/\(name).sql"
            let changes = MigrationPlanner(snapshotLocation: planner.snapshotLocation).plan(from: empty, to: spec).changes
            files[relative] = GeneratedHeader.comment(for: relative, specName: context.specName) + Self.preamble(dialect, name: name)
                + SQLWriter.render(changes, dialect: dialect, old: empty, new: new)
        }
        if !plan.changes.isEmpty {
            let name = number + "_" + Self.slug(plan.changes, first: history.snapshot.tables.isEmpty)
            for dialect in context.settings.dialects where files["\(dialect.rawValue)/\(number)_initial.sql"] == nil {
                let relative = "\(dialect.rawValue)/\(name).sql"
                files[relative] = GeneratedHeader.comment(for: relative, specName: context.specName) + Self.preamble(dialect, name: name)
                    + SQLWriter.render(plan.changes, dialect: dialect, old: history.snapshot, new: new)
            }
        }
        let added = files.filter { history.files[$0.key] == nil }
        let migrations = added.sorted { $0.key < $1.key }.map { GeneratedFile(path: directory + "/" + $0.key, contents: $0.value) }
        // The build plugin keeps only the Swift, which embeds the migrations, and the new migrations for its warning:
        // it would throw the snapshot and keel.sum away, and rendering them took a fifth of its time at 1,000 tables.
        guard !context.embedsMigrations else { return migrations }
        let snapshot = SnapshotFile(generatedBy: GeneratedHeader.text(specName: context.specName), schema: new)
        let snapshotText = try SnapshotJSON.render(snapshot)
        let sumPath = directory + "/" + MigrationHistory.sumName
        // Reading the history checked the earlier migrations' checksums; new ones take new names, so those still hold.
        let known = history.checksums.filter { added[$0.key] == nil }
        return migrations + [GeneratedFile(path: snapshotPath, contents: snapshotText), context.file(sumPath, MigrationSum.render(files, checksums: known))]
    }

    private static func preamble(_ dialect: Dialect, name: String) -> String {
        var text = "-- Migration \(name) for \(dialect.rawValue).\n"
        if dialect == .sqlite { text += "-- Apply with foreign keys off and `PRAGMA foreign_key_check` before commit (SQLite's table-rebuild procedure).\n" }
        if dialect == .mysql { text += "-- MySQL commits each DDL statement on its own: a failed migration can stop half-way.\n" }
        return text + "\n"
    }

    /// `initial`, or the first changes in a few words: `add_products_weight_and_2_more`.
    static func slug(_ changes: [SchemaChange], first: Bool) -> String {
        guard !first else { return "initial" }
        var slug = changes.prefix(2).map(\.slug).joined(separator: "_")
        if slug.count > 48 { slug = String(slug.prefix(48)) }
        return changes.count > 2 ? slug + "_and_\(changes.count - 2)_more" : slug
    }
}
