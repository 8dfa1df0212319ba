extension SpecResolver {
    func resolveTables(auth: Service.Auth?) -> [Table] {
        let entries = index.named["tables"] ?? []
        var models: [String: (table: String, at: SourceLocation)] = [:]
        let resolved = resolveEach(entries) { resolver, entry in resolver.resolveTable(entry, auth: auth) }
        return zip(entries, resolved).compactMap { entry, table in
            guard let table else { return nil }
            if let other = models[table.model] {
                diagnostics.error(entry.key.location, "tables '\(other.table)' and '\(table.name)' both have model name '\(table.model)' (first at \(other.at)); set 'model:' on one of them")
            } else {
                models[table.model] = (table.name, entry.key.location)
            }
            return table
        }
    }

    private func resolveTable(_ entry: SectionIndex.Named, auth: Service.Auth?) -> Table? {
        let name = entry.name
        guard checkName(name, at: entry.key, what: "table") else { return nil }
        if Self.builtInTables.contains(name) || name.hasPrefix("keel_") {
            if name != "users" || auth == .local {
                let owner = name == "users" ? "the user table Keel builds in when service.auth is local" : "a table Keel builds into every service"
                diagnostics.error(entry.key.location, "table name '\(name)' is taken by \(owner); choose another name")
                return nil
            }
        }
        let what = "table '\(name)'"
        guard let fields = reader.fields(entry.value, of: what, allowed: ["columns", "indexes", "description", "model"]) else { return nil }
        var model = Inflector.modelName(ofTable: name)
        if let value = fields.present("model"), let text = reader.string(value, "model name") {
            if NameRules.isUpperCamel(text) {
                model = text
            } else {
                diagnostics.error(value.location, "model name '\(text)' must be UpperCamelCase, e.g. '\(Inflector.upperCamel(text))'")
            }
        }
        let description = fields.present("description").flatMap { reader.string($0, "table description") }
        guard let columnsValue = reader.require(fields, "columns", in: what) else { return nil }
        guard let columnEntries = columnsValue.entries else {
            diagnostics.error(columnsValue.location, "columns of \(what) must be a mapping of column name to type, found \(columnsValue.kindDescription)")
            return nil
        }
        let columns = columnEntries.compactMap { resolveColumn($0, table: name) }
        checkRenames(columns, table: name)
        let ids = columns.filter { $0.type == .id }
        if ids.isEmpty, columns.count == columnEntries.count {
            diagnostics.error(entry.key.location, "\(what) has no primary key; add a column 'id: id' (every table needs one, as Galera requires)")
        }
        for extra in ids.dropFirst() {
            diagnostics.error(extra.location, "\(what) has a second 'id' column '\(extra.name)'; a table has exactly one primary key (use 'int' or 'ref' here)")
        }
        let indexes = fields.present("indexes").map { resolveIndexes($0, table: name, columns: columns) } ?? []
        return Table(name: name, model: model, description: description, columns: columns, indexes: indexes, location: entry.key.location)
    }

    private func checkRenames(_ columns: [Column], table: String) {
        for column in columns {
            guard let old = column.renamedFrom else { continue }
            if old == column.name || columns.contains(where: { $0.name == old }) {
                diagnostics.error(column.location, "column '\(column.name)' is renamed from '\(old)', but table '\(table)' still has a column '\(old)'")
            }
        }
    }

    private func resolveIndexes(_ value: YAMLValue, table: String, columns: [Column]) -> [Index] {
        guard let items = value.items else {
            diagnostics.error(value.location, "indexes of table '\(table)' must be a list, found \(value.kindDescription)")
            return []
        }
        var indexes: [Index] = []
        for item in items {
            var unique = false
            var columnsValue = item
            if item.isMapping {
                guard let fields = reader.fields(item, of: "an index of table '\(table)'", allowed: ["columns", "unique"]),
                      let list = reader.require(fields, "columns", in: "the index") else { continue }
                columnsValue = list
                unique = fields.present("unique").flatMap { reader.bool($0, "index 'unique'") } ?? false
            }
            guard let names = reader.strings(columnsValue, "index columns") else { continue }
            if names.isEmpty {
                diagnostics.error(columnsValue.location, "an index needs at least one column")
                continue
            }
            var valid = true
            for (name, at) in names {
                guard let column = columns.first(where: { $0.name == name }) else {
                    diagnostics.error(at.location, "index names unknown column '\(name)' of table '\(table)'\(Suggestion.hint(for: name, in: columns.map(\.name)))")
                    valid = false
                    continue
                }
                if dialects.contains(.mysql), column.type == .text || column.type == .json || column.type == .bytes {
                    diagnostics.error(at.location, "MySQL cannot index \(column.type.keyword) column '\(name)' without a prefix length; make it a 'string' with max_length, or drop 'mysql' from dialects")
                    valid = false
                }
            }
            guard valid else { continue }
            let columnNames = names.map(\.0)
            let name = IndexName.make(table: table, columns: columnNames, unique: unique)
            if unique, columnNames.count == 1, let column = columns.first(where: { $0.name == columnNames[0] }), column.unique {
                diagnostics.error(item.location, "column '\(column.name)' is already unique, which gives it this index; remove the index")
                continue
            }
            if let first = indexes.first(where: { $0.columns == columnNames }) {
                diagnostics.error(item.location, "index on (\(columnNames.joined(separator: ", "))) is declared twice; first at \(first.location)")
                continue
            }
            indexes.append(Index(name: name, columns: columnNames, unique: unique, location: item.location))
        }
        return indexes
    }
}

/// Deterministic index names that fit every dialect's 63-character identifier limit.
public enum IndexName {
    public static func make(table: String, columns: [String], unique: Bool) -> String {
        make(table: table, columns: columns, suffix: unique ? "key" : "idx")
    }

    /// `<table>_<columns>_<suffix>` (suffix `fkey`, `check`, ...), shortened with a hash past 63 characters.
    public static func make(table: String, columns: [String], suffix: String) -> String {
        let name = ([table] + columns + [suffix]).joined(separator: "_")
        guard name.count > 63 else { return name }
        // FNV-1a keeps long names distinct after truncation, identically on every machine.
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let suffix = String(hash, radix: 16)
        return String(name.prefix(63 - suffix.count - 1)) + "_" + suffix
    }
}
