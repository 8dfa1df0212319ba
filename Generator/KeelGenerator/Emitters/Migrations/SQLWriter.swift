import KeelSpec

/// Renders schema changes as the DDL of one dialect.
public struct SQLWriter: Sendable {
    let syntax: SQLSyntax
    var dialect: Dialect { syntax.dialect }
    /// Each table's primary-key column (a spec may name it otherwise than `id`), which its references point at.
    let primaryKeys: [String: String]

    /// - Parameter schemas: the schemas whose tables the statements may refer to; a later one wins.
    init(_ dialect: Dialect, schemas: [DatabaseSchema]) {
        syntax = SQLSyntax(dialect: dialect)
        var keys: [String: String] = [:]
        for table in schemas.flatMap(\.tables) {
            if let key = table.primaryKey { keys[table.name] = key }
        }
        primaryKeys = keys
    }

    /// The SQL of a migration made of `changes`, one statement per paragraph.
    public static func render(_ changes: [SchemaChange], dialect: Dialect, old: DatabaseSchema, new: DatabaseSchema) -> String {
        SQLWriter(dialect, schemas: [old, new]).statements(for: changes, old: old, new: new).joined(separator: "\n\n") + "\n"
    }

    /// The statements of a whole migration. In SQLite, all column changes of a table that needs rebuilding
    /// become one rebuild (after its renames), so the table is copied once and ends exactly as the spec says.
    func statements(for changes: [SchemaChange], old: DatabaseSchema, new: DatabaseSchema) -> [String] {
        guard dialect == .sqlite else { return serverStatements(for: changes, old: old, new: new) }
        let rebuilt = Set(changes.compactMap { change -> String? in
            switch change {
            case let .dropColumn(table, _), let .alterColumn(table, _, _): table
            case let .addColumn(table, column) where column.defaultValue == .now || column.defaultValue == .uuid: table
            default: nil
            }
        })
        var statements: [String] = []
        var done: Set<String> = []
        for change in changes {
            switch change {
            case let .addColumn(table, _), let .dropColumn(table, _), let .alterColumn(table, _, _), let .createIndex(table, _):
                guard rebuilt.contains(table) else {
                    statements += self.statements(for: change, old: old, new: new)
                    continue
                }
                guard !done.contains(table), let after = new.table(named: table) else { continue }
                done.insert(table)
                let altered = Set(changes.compactMap { if case let .alterColumn(t, _, column) = $0, t == table { column.name } else { nil } })
                let added = Set(changes.compactMap { if case let .addColumn(t, column) = $0, t == table { column.name } else { nil } })
                let kept = after.columns.filter { !added.contains($0.name) }.map { ($0.name, $0.name) }
                statements += SQLiteRebuild(writer: self).rebuild(after, keeping: kept, changed: altered)
            default:
                statements += self.statements(for: change, old: old, new: new)
            }
        }
        return statements
    }

    /// PostgreSQL and MySQL check a foreign key's table when it is created: a key to a table created later in
    /// the same migration (tables that refer to each other) is added once all tables exist.
    private func serverStatements(for changes: [SchemaChange], old: DatabaseSchema, new: DatabaseSchema) -> [String] {
        var created: Set<String> = Set(old.tables.map(\.name))
        let creating = Set(changes.compactMap { if case let .createTable(table) = $0 { table.name } else { nil } })
        var statements: [String] = [], deferred: [String] = []
        for change in changes {
            guard case let .createTable(table) = change else {
                statements += deferred
                deferred = []
                statements += self.statements(for: change, old: old, new: new)
                continue
            }
            created.insert(table.name)
            let later = Set(table.references.filter { creating.contains($0) && !created.contains($0) })
            statements += createTable(table, deferring: later)
            for column in table.columns {
                guard case let .ref(target, _) = column.type, later.contains(target), let key = foreignKey(column, table: table.name) else { continue }
                deferred.append("ALTER TABLE \(q(table.name)) ADD CONSTRAINT \(q(fkName(table.name, column.name))) \(key);")
            }
        }
        return statements + deferred
    }

    /// The statements for `change`; `old` and `new` are the whole schemas before and after the migration.
    func statements(for change: SchemaChange, old: DatabaseSchema, new: DatabaseSchema) -> [String] {
        switch change {
        case let .createTable(table): return createTable(table)
        case let .dropTable(table): return ["DROP TABLE \(q(table.name));"]
        case let .createIndex(table, index): return [createIndex(index, table: table)]
        case let .dropIndex(table, index): return [dropIndex(index.name, table: table)]
        case let .addColumn(table, column): return addColumn(column, table: table)
        case let .dropColumn(table, column): return dropColumn(column, table: table)
        case let .renameColumn(table, from, to): return renameColumn(from: from, to: to, table: table, old: old, new: new)
        case let .alterColumn(table, before, after): return alterColumn(from: before, to: after, table: table)
        }
    }

    func q(_ identifier: String) -> String { syntax.quote(identifier) }

    // MARK: Tables

    /// - Parameters:
    ///   - deferring: tables whose foreign keys are left out (added later, once those tables exist).
    ///   - ifMissing: written as `CREATE ... IF NOT EXISTS`, so an existing table is left as it is (a baseline). MySQL 8
    ///     has no `CREATE INDEX IF NOT EXISTS`, so there the indexes go inside the CREATE TABLE.
    func createTable(_ table: TableSchema, as name: String? = nil, deferring: Set<String> = [], ifMissing: Bool = false) -> [String] {
        var lines = table.columns.map { columnDefinition($0, table: table.name) }
        if dialect == .mysql, let id = table.columns.first(where: { $0.type == .id }) {
            lines.append("PRIMARY KEY (\(q(id.name)))")
        }
        if dialect == .mysql {
            // Our own index per foreign key: InnoDB otherwise makes one silently and later refuses to drop
            // any index it borrowed it from (error 1553).
            lines += table.columns.filter { if case .ref = $0.type { true } else { false } }.map { "INDEX \(q(fkName(table.name, $0.name))) (\(q($0.name)))" }
            if ifMissing {
                lines += indexSchemas(of: table).map { "\($0.unique ? "UNIQUE " : "")INDEX \(q($0.name)) (\($0.columns.map(q).joined(separator: ", ")))" }
            }
        }
        if dialect != .sqlite {
            for column in table.columns {
                if case let .ref(target, _) = column.type, deferring.contains(target) {} else {
                    lines += foreignKey(column, table: table.name).map { ["CONSTRAINT \(q(fkName(table.name, column.name))) \($0)"] } ?? []
                }
                lines += check(column).map { ["CONSTRAINT \(q(checkName(table.name, column.name))) CHECK (\($0))"] } ?? []
            }
        }
        let options = switch dialect {
        case .sqlite: " STRICT"
        case .mysql: " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci"
        case .postgres: ""
        }
        let create = "CREATE TABLE \(ifMissing ? "IF NOT EXISTS " : "")\(q(name ?? table.name)) (\n" + lines.map { "    " + $0 }.joined(separator: ",\n") + "\n)\(options);"
        if ifMissing, dialect == .mysql { return [create] }
        return [create] + indexSchemas(of: table).map { createIndex($0, table: table.name, ifMissing: ifMissing) }
    }

    /// Unique-column indexes and declared indexes of a table.
    func indexes(of table: TableSchema) -> [String] {
        indexSchemas(of: table).map { createIndex($0, table: table.name) }
    }

    private func indexSchemas(of table: TableSchema) -> [IndexSchema] {
        table.columns.filter(\.unique).map { IndexSchema(name: $0.uniqueIndexName(table: table.name), columns: [$0.name], unique: true) } + table.indexes
    }

    /// The statements that create `tables` where they are missing and leave existing ones as they are (a baseline),
    /// each table after those it refers to.
    func createMissing(_ tables: [TableSchema]) -> [String] {
        var statements: [String] = [], deferred: [String] = [], created: Set<String> = [], forward = false
        let names = Set(tables.map(\.name))
        for table in MigrationPlanner.dependencyOrder(tables) {
            created.insert(table.name)
            // Only tables that refer to each other leave a key to a table not created yet.
            let later = Set(table.references.filter { names.contains($0) && !created.contains($0) })
            forward = forward || !later.isEmpty
            guard dialect == .postgres else {
                statements += createTable(table, ifMissing: true)
                continue
            }
            statements += createTable(table, deferring: later, ifMissing: true)
            for column in table.columns {
                guard case let .ref(target, _) = column.type, later.contains(target), let key = foreignKey(column, table: table.name) else { continue }
                deferred.append(addForeignKeyIfMissing(key, column: column.name, table: table.name))
            }
        }
        // MySQL checks a foreign key's table only while foreign_key_checks is on (SQLite never does at CREATE).
        if dialect == .mysql, forward {
            return ["SET FOREIGN_KEY_CHECKS = 0;"] + statements + ["SET FOREIGN_KEY_CHECKS = 1;"]
        }
        return statements + deferred
    }

    /// PostgreSQL's ALTER TABLE has no ADD CONSTRAINT IF NOT EXISTS: the key is added unless the column has one.
    private func addForeignKeyIfMissing(_ key: String, column: String, table: String) -> String {
        let relation = syntax.literal(q(table))
        return """
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE contype = 'f' AND conrelid = \(relation)::regclass
                    AND conkey = ARRAY[(SELECT attnum FROM pg_attribute WHERE attrelid = \(relation)::regclass AND attname = \(syntax.literal(column)))]) THEN
                ALTER TABLE \(q(table)) ADD CONSTRAINT \(q(fkName(table, column))) \(key);
            END IF;
        END $$;
        """
    }

    /// `name TYPE [NOT NULL] [DEFAULT x]`, plus in SQLite the inline FOREIGN KEY and CHECK (its constraints have no names to alter).
    func columnDefinition(_ column: ColumnSchema, table: String) -> String {
        if column.type == .id {
            switch dialect {
            case .sqlite: return "\(q(column.name)) INTEGER PRIMARY KEY AUTOINCREMENT"
            case .postgres: return "\(q(column.name)) BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
            case .mysql: return "\(q(column.name)) BIGINT NOT NULL AUTO_INCREMENT"
            }
        }
        var definition = "\(q(column.name)) \(syntax.type(of: column))"
        if !column.nullable { definition += " NOT NULL" }
        if let value = syntax.defaultExpression(of: column) { definition += " DEFAULT \(value)" }
        if dialect == .sqlite {
            if let reference = foreignKey(column, table: table, inline: true) { definition += " \(reference)" }
            if let check = check(column) { definition += " CHECK (\(check))" }
        }
        return definition
    }

    private func foreignKey(_ column: ColumnSchema, table: String, inline: Bool = false) -> String? {
        guard case let .ref(target, onDelete) = column.type else { return nil }
        let action = switch onDelete {
        case .restrict: "RESTRICT"
        case .cascade: "CASCADE"
        case .setNull: "SET NULL"
        }
        let head = inline ? "REFERENCES" : "FOREIGN KEY (\(q(column.name))) REFERENCES"
        return "\(head) \(q(target)) (\(q(primaryKeys[target] ?? "id"))) ON DELETE \(action)"
    }

    private func check(_ column: ColumnSchema) -> String? {
        let checks = syntax.checks(of: column)
        return checks.isEmpty ? nil : checks.joined(separator: " AND ")
    }

    func fkName(_ table: String, _ column: String) -> String { IndexName.make(table: table, columns: [column], suffix: "fkey") }
    func checkName(_ table: String, _ column: String) -> String { IndexName.make(table: table, columns: [column], suffix: "check") }

    func createIndex(_ index: IndexSchema, table: String, ifMissing: Bool = false) -> String {
        "CREATE \(index.unique ? "UNIQUE " : "")INDEX \(ifMissing ? "IF NOT EXISTS " : "")\(q(index.name)) ON \(q(table)) (\(index.columns.map(q).joined(separator: ", ")));"
    }

    func dropIndex(_ name: String, table: String) -> String {
        dialect == .mysql ? "DROP INDEX \(q(name)) ON \(q(table));" : "DROP INDEX \(q(name));"
    }

    // MARK: Columns

    private func addColumn(_ column: ColumnSchema, table: String) -> [String] {
        let unique = column.unique ? [createIndex(IndexSchema(name: column.uniqueIndexName(table: table), columns: [column.name], unique: true), table: table)] : []
        if dialect == .sqlite {
            // Constant defaults only here; a `now` or `uuid` default makes statements(for:old:new:) rebuild the table.
            return ["ALTER TABLE \(q(table)) ADD COLUMN \(columnDefinition(column, table: table));"] + unique
        }
        var statements = ["ALTER TABLE \(q(table)) ADD COLUMN \(columnDefinition(column, table: table));"]
        if dialect == .mysql, case .ref = column.type {
            statements.append("CREATE INDEX \(q(fkName(table, column.name))) ON \(q(table)) (\(q(column.name)));")
        }
        statements += constraints(of: column, table: table).map { "ALTER TABLE \(q(table)) ADD \($0);" }
        return statements + unique
    }

    /// Named table-level constraints of a column (PostgreSQL and MySQL).
    private func constraints(of column: ColumnSchema, table: String) -> [String] {
        (foreignKey(column, table: table).map { ["CONSTRAINT \(q(fkName(table, column.name))) \($0)"] } ?? [])
            + (check(column).map { ["CONSTRAINT \(q(checkName(table, column.name))) CHECK (\($0))"] } ?? [])
    }

    private func dropConstraints(of column: ColumnSchema, table: String) -> [String] {
        guard dialect != .sqlite else { return [] }
        var statements: [String] = []
        if case .ref = column.type {
            statements.append(dialect == .mysql
                ? "ALTER TABLE \(q(table)) DROP FOREIGN KEY \(q(fkName(table, column.name)));"
                : "ALTER TABLE \(q(table)) DROP CONSTRAINT \(q(fkName(table, column.name)));")
        }
        if check(column) != nil {
            statements.append("ALTER TABLE \(q(table)) DROP CONSTRAINT \(q(checkName(table, column.name)));")
        }
        return statements
    }

    private func dropColumn(_ column: ColumnSchema, table: String) -> [String] {
        return dropConstraints(of: column, table: table) + ["ALTER TABLE \(q(table)) DROP COLUMN \(q(column.name));"]
    }

    private func renameColumn(from: String, to: String, table: String, old: DatabaseSchema, new: DatabaseSchema) -> [String] {
        var statements = ["ALTER TABLE \(q(table)) RENAME COLUMN \(q(from)) TO \(q(to));"]
        guard let before = old.table(named: table), let column = before.column(named: from) else { return statements }
        // The column's own unique index follows its new name, so later migrations find it. (Declared indexes
        // over the column are dropped and recreated by the planner.)
        if column.unique {
            let oldName = column.uniqueIndexName(table: table), newName = IndexName.make(table: table, columns: [to], unique: true)
            switch dialect {
            case .postgres: statements.append("ALTER INDEX \(q(oldName)) RENAME TO \(q(newName));")
            case .mysql: statements.append("ALTER TABLE \(q(table)) RENAME INDEX \(q(oldName)) TO \(q(newName));")
            case .sqlite: statements += [dropIndex(oldName, table: table), createIndex(IndexSchema(name: newName, columns: [to], unique: true), table: table)]
            }
        }
        var renamed = column
        renamed.name = to
        switch dialect {
        case .postgres:
            if case .ref = column.type { statements.append("ALTER TABLE \(q(table)) RENAME CONSTRAINT \(q(fkName(table, from))) TO \(q(fkName(table, to)));") }
            if check(column) != nil { statements.append("ALTER TABLE \(q(table)) RENAME CONSTRAINT \(q(checkName(table, from))) TO \(q(checkName(table, to)));") }
        case .mysql:
            statements += dropConstraints(of: column, table: table)
            statements += constraints(of: renamed, table: table).map { "ALTER TABLE \(q(table)) ADD \($0);" }
        case .sqlite:
            break // SQLite rewrites inline constraints itself.
        }
        return statements
    }

    private func alterColumn(from before: ColumnSchema, to after: ColumnSchema, table: String) -> [String] {
        let column = q(after.name), alter = "ALTER TABLE \(q(table))"
        var statements: [String] = []
        let constraintsChanged = foreignKey(before, table: table) != foreignKey(after, table: table) || check(before) != check(after)
        if constraintsChanged { statements += dropConstraints(of: before, table: table) }
        if before.unique, !after.unique { statements.append(dropIndex(before.uniqueIndexName(table: table), table: table)) }
        let typeChanged = syntax.type(of: before) != syntax.type(of: after)
        if dialect == .mysql {
            if typeChanged || before.nullable != after.nullable || before.defaultValue != after.defaultValue {
                statements.append("\(alter) MODIFY COLUMN \(columnDefinition(after, table: table));")
            }
        } else {
            let type = syntax.type(of: after)
            if typeChanged {
                // The old default may not cast to the new type: take it off first, set the new one after.
                if before.defaultValue != nil { statements.append("\(alter) ALTER COLUMN \(column) DROP DEFAULT;") }
                // Between text types PostgreSQL's assignment cast rejects values that do not fit; an explicit
                // `USING c::varchar(n)` would truncate them silently.
                let textual = [syntax.type(of: before), type].allSatisfy { $0 == "TEXT" || $0.hasPrefix("VARCHAR") }
                statements.append("\(alter) ALTER COLUMN \(column) TYPE \(type)\(textual ? "" : " USING \(column)::\(type)");")
            }
            if before.nullable != after.nullable { statements.append("\(alter) ALTER COLUMN \(column) \(after.nullable ? "DROP" : "SET") NOT NULL;") }
            if before.defaultValue != after.defaultValue || (typeChanged && before.defaultValue != nil) {
                statements.append(syntax.defaultExpression(of: after).map { "\(alter) ALTER COLUMN \(column) SET DEFAULT \($0);" } ?? "\(alter) ALTER COLUMN \(column) DROP DEFAULT;")
            }
        }
        if constraintsChanged { statements += constraints(of: after, table: table).map { "\(alter) ADD \($0);" } }
        if after.unique, !before.unique {
            statements.append(createIndex(IndexSchema(name: after.uniqueIndexName(table: table), columns: [after.name], unique: true), table: table))
        }
        return statements
    }
}
