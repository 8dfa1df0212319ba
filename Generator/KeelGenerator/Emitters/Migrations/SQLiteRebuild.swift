import KeelSpec

/// SQLite's documented way to make a change ALTER TABLE cannot: create the new table, copy the rows,
/// drop the old one, rename, and recreate its indexes (https://sqlite.org/lang_altertable.html, "otheralter").
///
/// Foreign keys must be off while it runs (SQLite ignores that pragma inside a transaction), so Keel's
/// migrator turns them off around every SQLite migration and runs `PRAGMA foreign_key_check` before commit.
struct SQLiteRebuild {
    let writer: SQLWriter

    /// - Parameters:
    ///   - table: the table as it must be afterwards.
    ///   - keeping: (new column, old column) pairs whose data is copied.
    ///   - changed: columns whose type may differ, copied through CAST.
    func rebuild(_ table: TableSchema, keeping: [(String, String)], changed: Set<String> = []) -> [String] {
        let temporary = "_keel_new_\(table.name)"
        let create = writer.createTable(table, as: temporary)
        let targets = keeping.map { writer.q($0.0) }.joined(separator: ", ")
        let sources = keeping.map { new, old -> String in
            guard changed.contains(new), let column = table.column(named: new) else { return writer.q(old) }
            return "CAST(\(writer.q(old)) AS \(writer.syntax.type(of: column)))"
        }.joined(separator: ", ")
        let sequence = writer.q("sqlite_sequence")
        return [
            create[0],
            "INSERT INTO \(writer.q(temporary)) (\(targets)) SELECT \(sources) FROM \(writer.q(table.name));",
            // Keep AUTOINCREMENT's high-water mark, so ids of deleted rows are never handed out again.
            "DELETE FROM \(sequence) WHERE name = '\(temporary)';",
            "INSERT INTO \(sequence) (name, seq) SELECT '\(temporary)', seq FROM \(sequence) WHERE name = '\(table.name)';",
            "DROP TABLE \(writer.q(table.name));",
            "ALTER TABLE \(writer.q(temporary)) RENAME TO \(writer.q(table.name));",
        ] + writer.indexes(of: table)
    }
}
