import KeelGenerator
import KeelSpec

/// Maps a live catalog to the spec's tables, with a warning for everything Keel cannot say as the database does.
struct SchemaImporter {
    let dialect: Dialect
    private(set) var warnings: [ImportWarning] = []

    init(dialect: Dialect) {
        self.dialect = dialect
    }

    mutating func tables(of live: LiveSchema) -> [ImportedTable] {
        var kept: [LiveTable] = []
        for table in live.tables where isImportable(table) { kept.append(table) }
        let primaryKeys = Dictionary(uniqueKeysWithValues: kept.map { ($0.name, $0.primaryKey[0]) })
        var tables: [ImportedTable] = []
        for table in kept { tables.append(self.table(of: table, primaryKeys: primaryKeys)) }
        for view in live.views {
            warnings.append(ImportWarning(table: view, message: "is a view; left out: Keel's resources are tables"))
        }
        for trigger in live.triggers {
            warnings.append(ImportWarning(table: trigger.table, message: "trigger '\(trigger.name)' is not in the spec; it stays in the database and keeps running on the service's writes"))
        }
        return tables
    }

    /// Whether Keel can serve the table: a snake_case name that is not Keel's own, and one integer primary key.
    private mutating func isImportable(_ table: LiveTable) -> Bool {
        func leaveOut(_ why: String) -> Bool {
            warnings.append(ImportWarning(table: table.name, message: "\(why); the table is left out"))
            return false
        }
        if table.name.hasPrefix("keel_") { return leaveOut("is one of Keel's own tables") }
        guard Self.isSnakeCase(table.name) else { return leaveOut("'\(table.name)' is not a snake_case name, which Keel's tables need") }
        switch table.primaryKey.count {
        case 0: return leaveOut("has no primary key; Keel's tables need a 64-bit integer id")
        case 1: break
        default: return leaveOut("has a composite primary key (\(table.primaryKey.joined(separator: ", "))); Keel's tables need one 64-bit integer id")
        }
        guard let key = table.columns.first(where: { $0.name == table.primaryKey[0] }),
              let mapped = TypeMapping.map(key.type, dialect: dialect), [.int, .int32].contains(mapped.type) else {
            let type = table.columns.first { $0.name == table.primaryKey[0] }?.type ?? "unknown"
            return leaveOut("its primary key '\(table.primaryKey[0])' is \(type), not an integer; Keel's tables need a 64-bit integer id")
        }
        guard Self.isSnakeCase(key.name) else { return leaveOut("its primary key '\(key.name)' is not a snake_case name") }
        return true
    }

    private mutating func table(of live: LiveTable, primaryKeys: [String: String]) -> ImportedTable {
        var columns: [ColumnSchema] = []
        var refs: Set<String> = []
        // Live names that differ from the ones Keel's migrations use (live -> Keel).
        var renames: [(String, String)] = []
        let jsonChecked = Set(live.columns.map(\.name).filter { name in live.checks.contains { Self.isJSONCheck($0, column: name) } })
        for check in live.checks where !jsonChecked.contains(where: { Self.isJSONCheck(check, column: $0) }) {
            warnings.append(ImportWarning(table: live.name, message: "CHECK \(check) is not in the spec; the database still enforces it"))
        }
        for foreignKey in live.foreignKeys where foreignKey.columns.count > 1 {
            warnings.append(ImportWarning(table: live.name, message: "foreign key \(foreignKey.name) over (\(foreignKey.columns.joined(separator: ", "))) is left out: Keel's references are one column; the database still enforces it"))
        }
        for column in live.columns {
            guard Self.isSnakeCase(column.name) else {
                warnings.append(ImportWarning(table: live.name, column: column.name, message: "is not a snake_case name; the column is left out\(Self.consequence(column))"))
                continue
            }
            if column.generated {
                warnings.append(ImportWarning(table: live.name, column: column.name, message: "is computed by the database (a generated column), and the service would write it; the column is left out"))
                continue
            }
            if column.name == live.primaryKey[0] {
                idWarning(column, table: live.name)
                columns.append(ColumnSchema(name: column.name, type: .id))
                continue
            }
            guard var mapped = TypeMapping.map(column.type, dialect: dialect) else {
                warnings.append(ImportWarning(table: live.name, column: column.name, message: "Keel has no type for \(column.type.uppercased()); the column is left out\(Self.consequence(column))"))
                continue
            }
            if jsonChecked.contains(column.name), mapped.type == .text { mapped = TypeMapping.Mapped(type: .json) }
            var type = mapped.type
            if let key = live.foreignKeys.first(where: { $0.columns == [column.name] }) {
                if let reference = reference(key, column: column, mapped: mapped, table: live.name, primaryKeys: primaryKeys) {
                    type = reference
                    refs.insert(column.name)
                    let keelName = IndexName.make(table: live.name, columns: [column.name], suffix: "fkey")
                    // SQLite's foreign keys have no names.
                    if dialect != .sqlite, key.name != keelName { renames.append((key.name, keelName)) }
                    mapped.note = nil
                }
            }
            if let note = mapped.note {
                warnings.append(ImportWarning(table: live.name, column: column.name, message: note))
            }
            var imported = ColumnSchema(name: column.name, type: type, nullable: column.nullable, maxLength: mapped.maxLength)
            switch DefaultMapping.map(column.defaultSQL, type: type, dialect: dialect) {
            case .none: break
            case .value(let value): imported.defaultValue = value
            case .unsupported(let expression):
                warnings.append(ImportWarning(table: live.name, column: column.name, message: "default \(expression) is left out of the spec (Keel has no such default); the database still applies it"))
            }
            columns.append(imported)
        }
        let indexes = indexes(of: live, columns: &columns, refs: refs, renames: &renames)
        let names = BuiltInNames.names(of: live.name)
        if names.model != nil || names.resource != live.name {
            let renamed = [names.model.map { "its model \($0)" }, names.resource == live.name ? nil : "its resource \(names.resource)"].compactMap { $0 }
            warnings.append(ImportWarning(table: live.name, message: "its names would clash with those every Keel service gives its own types and endpoints; the spec calls \(renamed.joined(separator: " and "))"))
        }
        if !renames.isEmpty {
            let list = renames.map { "\($0.0) -> \($0.1)" }.joined(separator: ", ")
            warnings.append(ImportWarning(table: live.name, message: "Keel's migrations name these constraints and indexes otherwise (\(list)); a later migration that changes or drops one fails until it is renamed to Keel's name"))
        }
        return ImportedTable(name: live.name, model: names.model, resource: names.resource, columns: columns, indexes: indexes)
    }

    /// A one-column foreign key as a `ref`, when it points at a kept table's primary key.
    private mutating func reference(_ key: LiveForeignKey, column: LiveColumn, mapped: TypeMapping.Mapped, table: String, primaryKeys: [String: String]) -> ColumnType? {
        func plain(_ why: String) -> ColumnType? {
            warnings.append(ImportWarning(table: table, column: column.name, message: "foreign key \(key.name) to \(key.table) is left out (\(why)); the column stays a plain \(mapped.type.keyword) and the database still enforces the key"))
            return nil
        }
        guard let targetKey = primaryKeys[key.table] else { return plain("\(key.table) is not imported") }
        guard key.referencedColumns == [targetKey] else { return plain("it refers to \(key.referencedColumns.joined(separator: ", ")), not the primary key") }
        guard [.int, .int32].contains(mapped.type) else { return plain("the column is \(column.type), not an integer") }
        let onDelete: ColumnType.OnDelete
        switch key.onDelete.uppercased() {
        case "CASCADE": onDelete = .cascade
        case "SET NULL": onDelete = .setNull
        case "RESTRICT", "NO ACTION": onDelete = .restrict
        default:
            onDelete = .restrict
            warnings.append(ImportWarning(table: table, column: column.name, message: "ON DELETE \(key.onDelete) is written as on_delete: restrict, the nearest Keel has; the database keeps its own rule until a migration changes the key"))
        }
        return .ref(table: key.table, onDelete: onDelete)
    }

    /// What the primary key differs in from Keel's `id` (64-bit, filled by the database).
    private mutating func idWarning(_ column: LiveColumn, table: String) {
        let mapped = TypeMapping.map(column.type, dialect: dialect)
        var problems: [String] = []
        if mapped?.type == .int32 {
            problems.append("is a 32-bit \(column.type.uppercased()), mapped to id, which Keel makes 64-bit: the service reads and writes it while ids stay below 2147483648 (widen it to BIGINT in the database when convenient)")
        }
        if !column.autoIncrement {
            problems.append("has no auto-increment, mapped to id: the service's creates leave it to the database, so they fail until it fills the column (an identity, sequence default or AUTO_INCREMENT)")
        }
        if !problems.isEmpty {
            warnings.append(ImportWarning(table: table, column: column.name, message: problems.joined(separator: "; it also ")))
        }
    }

    /// One-column unique constraints become `unique: true`; other plain indexes become `indexes:` entries.
    private mutating func indexes(of live: LiveTable, columns: inout [ColumnSchema], refs: Set<String>, renames: inout [(String, String)]) -> [(columns: [String], unique: Bool)] {
        var indexes: [(columns: [String], unique: Bool)] = []
        let names = Set(columns.map(\.name))
        for index in live.indexes {
            guard index.isPlain, !index.columns.isEmpty else {
                warnings.append(ImportWarning(table: live.name, message: "index \(index.name) is partial or over expressions, which Keel's indexes are not; it is left out of the spec and stays in the database"))
                continue
            }
            guard index.columns.allSatisfy(names.contains) else {
                warnings.append(ImportWarning(table: live.name, message: "index \(index.name) covers a column that is left out; the index is left out of the spec and stays in the database"))
                continue
            }
            if let column = columns.first(where: { index.columns.contains($0.name) && !Self.isIndexableByMySQL($0, unique: index.unique && index.columns.count == 1) }) {
                warnings.append(ImportWarning(table: live.name, column: column.name, message: "\(index.unique ? "unique constraint" : "index") \(index.name) is left out of the spec, since MySQL (one of keel.yaml's dialects) cannot index this \(column.type.keyword) column; the database keeps it"))
                continue
            }
            // MySQL keeps an index for each foreign key, which Keel makes itself for a ref column.
            if dialect == .mysql, !index.unique, index.columns.count == 1, refs.contains(index.columns[0]) { continue }
            let keelName = IndexName.make(table: live.name, columns: index.columns, unique: index.unique)
            // SQLite's own indexes of UNIQUE constraints go with the table, which SQLite migrations rebuild.
            if index.name != keelName, !index.name.hasPrefix("sqlite_autoindex_") { renames.append((index.name, keelName)) }
            if index.unique, index.columns.count == 1, let position = columns.firstIndex(where: { $0.name == index.columns[0] }) {
                if columns[position].type != .id { columns[position].unique = true }
                continue
            }
            guard !indexes.contains(where: { $0.columns == index.columns }) else { continue }
            indexes.append((index.columns, index.unique))
        }
        return indexes
    }

    /// What the spec's validator lets MySQL index: not text, json or bytes, and a unique string of at most 768 characters.
    private static func isIndexableByMySQL(_ column: ColumnSchema, unique: Bool) -> Bool {
        switch column.type {
        case .text, .json, .bytes: false
        case .string: !unique || (column.maxLength ?? 255) <= 768
        default: true
        }
    }

    /// Why leaving out this column matters to the service.
    private static func consequence(_ column: LiveColumn) -> String {
        !column.nullable && column.defaultSQL == nil && !column.autoIncrement
            ? " (it is NOT NULL without a default, so the service's creates fail until it gets one)" : " (the service neither reads nor writes it)"
    }

    /// MariaDB's JSON type is LONGTEXT with CHECK (json_valid(`column`)).
    private static func isJSONCheck(_ check: String, column: String) -> Bool {
        let compact = check.lowercased().filter { !$0.isWhitespace && $0 != "(" && $0 != ")" && $0 != "`" && $0 != "\"" }
        return compact == "json_valid\(column.lowercased())"
    }

    /// The spec's shape for table and column names (lowercase letters, digits, single underscores).
    static func isSnakeCase(_ name: String) -> Bool {
        name.wholeMatch(of: /[a-z][a-z0-9_]*/) != nil && !name.hasSuffix("_") && !name.contains("__")
    }
}
