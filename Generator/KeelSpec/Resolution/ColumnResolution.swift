import Foundation

extension SpecResolver {
    /// Options every column type takes.
    private static let commonOptions = ["type", "nullable", "unique", "default", "description", "renamed_from"]
    /// Options that belong to some types only, with the types they belong to.
    private static let typeOptions: [String: [String]] = boundOptions.merging([
        "precision": ["decimal"], "scale": ["decimal"], "values": ["enum"], "table": ["ref"], "on_delete": ["ref"],
    ]) { bound, _ in bound }
    /// Every option a column may have, in the order "did you mean" lists them.
    private static let columnOptions = commonOptions + typeOptions.keys.sorted()
    /// The longest `string` MySQL can store as VARCHAR in utf8mb4.
    static let mysqlMaxVarchar = 16383
    /// The longest `string` MySQL (InnoDB, utf8mb4) can put in a unique index.
    static let mysqlMaxIndexedVarchar = 768

    func resolveColumn(_ entry: YAMLValue.Entry, table: String) -> Column? {
        let name = entry.key
        guard checkName(name, at: entry.keyValue, what: "column") else { return nil }
        let what = "column '\(table).\(name)'"

        // Shorthand: `id: id`, `notes: text`.
        var typeValue = entry.value
        var fields: Fields?
        if entry.value.isMapping {
            fields = reader.fields(entry.value, of: what, allowed: Self.columnOptions)
            guard let fields, let value = reader.require(fields, "type", in: what) else { return nil }
            typeValue = value
        }
        guard let keyword = reader.keyword(typeValue, "the type of \(what)", allowed: ColumnType.keywords) else { return nil }
        let options = fields ?? Fields(owner: entry.value, entries: [])
        checkOptionsApply(options, typeOptions: Self.typeOptions, keyword: keyword, noun: "column", name: name)
        if keyword == "id", let extra = options.entries.first(where: { !["type", "description"].contains($0.key) }) {
            diagnostics.error(extra.keyValue.location, "option '\(extra.key)' does not apply to id column '\(name)': the primary key is always a non-null, unique, auto-increment integer")
        }
        guard let type = columnType(keyword, options: options, at: typeValue, what: what) else { return nil }

        let nullable = options.present("nullable").flatMap { reader.bool($0, "'nullable'") } ?? false
        let unique = options.present("unique").flatMap { reader.bool($0, "'unique'") } ?? false
        let bounds = readBounds(options)
        var column = Column(
            name: name, fieldName: Inflector.lowerCamel(name), type: type, nullable: nullable, unique: unique,
            defaultValue: nil, min: bounds.min, max: bounds.max, minLength: bounds.minLength, maxLength: bounds.maxLength, pattern: bounds.pattern,
            description: options.present("description").flatMap { reader.string($0, "column description") },
            renamedFrom: options.present("renamed_from").flatMap { value in
                reader.string(value, "'renamed_from'").flatMap { checkName($0, at: value, what: "'renamed_from' column") ? $0 : nil }
            },
            location: entry.keyValue.location
        )
        if type == .string, column.maxLength == nil { column.maxLength = 255 }
        checkBounds(column.bounds, keyword: keyword, options: options, what: what, at: column.location)
        if let value = options.present("default") {
            column.defaultValue = defaultValue(value, for: column, what: what)
        } else if let value = options["default"], !nullable {
            diagnostics.error(value.location, "default of \(what) is null, but the column is not nullable; add 'nullable: true' or give a value")
        }
        checkDialects(column, options: options, what: what)
        if case let .ref(_, onDelete) = type, onDelete == .setNull, !nullable {
            diagnostics.error(options["on_delete"]?.location ?? column.location, "\(what) has on_delete: set_null but is not nullable; add 'nullable: true' or use restrict or cascade")
        }
        if unique, type == .bool {
            diagnostics.error(options["unique"]?.location ?? column.location, "\(what) is a unique bool: at most two rows could exist; drop 'unique'")
        }
        return column
    }

    private func columnType(_ keyword: String, options: Fields, at value: YAMLValue, what: String) -> ColumnType? {
        switch keyword {
        case "id": return .id
        case "int": return .int
        case "int32": return .int32
        case "float": return .float
        case "bool": return .bool
        case "string": return .string
        case "text": return .text
        case "date": return .date
        case "timestamp": return .timestamp
        case "uuid": return .uuid
        case "json": return .json
        case "bytes": return .bytes
        case "decimal":
            let precision = options.present("precision").flatMap { reader.int($0, "'precision'", in: 1...65) } ?? 18
            let scale = options.present("scale").flatMap { reader.int($0, "'scale'", in: 0...30) } ?? 2
            guard scale <= precision else {
                diagnostics.error(options["scale"]?.location ?? value.location, "\(what) has scale \(scale) larger than its precision \(precision)")
                return nil
            }
            return .decimal(precision: precision, scale: scale)
        case "enum":
            guard let list = options.present("values") else {
                diagnostics.error(value.location, "\(what) is an enum without 'values'; write { type: enum, values: [a, b] }")
                return nil
            }
            guard let values = reader.strings(list, "enum values") else { return nil }
            if values.isEmpty { diagnostics.error(list.location, "\(what) needs at least one enum value") }
            checkEnumValues(values)
            return .enumeration(values: values.map(\.0))
        default: // ref
            guard let tableValue = options.present("table") else {
                diagnostics.error(value.location, "\(what) is a ref without 'table'; write { type: ref, table: <table> }")
                return nil
            }
            guard let target = reader.string(tableValue, "'table'") else { return nil }
            // With local auth, `users` is Keel's built-in user table, so columns may refer to it.
            guard index.contains("tables", target) || (target == "users" && declaredAuth() == .local) else {
                diagnostics.error(tableValue.location, "\(what) refers to unknown table '\(target)'\(Suggestion.hint(for: target, in: index.names("tables")))")
                return nil
            }
            let onDelete = options.present("on_delete")
                .flatMap { reader.keyword($0, "'on_delete'", allowed: ColumnType.OnDelete.allCases.map(\.rawValue)) }
                .flatMap(ColumnType.OnDelete.init(rawValue:)) ?? .restrict
            return .ref(table: target, onDelete: onDelete)
        }
    }

    /// An enum's values, a column's or a type field's: each once, 1 to 63 characters (a CHECK constraint's and a
    /// Swift case's material), without quotes.
    func checkEnumValues(_ values: [(String, YAMLValue)]) {
        var seen: Set<String> = []
        for (text, item) in values {
            if !seen.insert(text).inserted { diagnostics.error(item.location, "enum value '\(text)' is listed twice") }
            if text.isEmpty || text.count > 63 || text.contains("'") {
                diagnostics.error(item.location, "enum value '\(text)' must be 1 to 63 characters without quotes")
            }
        }
    }

    private func checkDialects(_ column: Column, options: Fields, what: String) {
        guard dialects.contains(.mysql) else { return }
        let at = options["unique"]?.location ?? column.location
        if column.unique, [.text, .json, .bytes].contains(column.type) {
            let fix = column.type == .text ? "make it a 'string' with a max_length of at most \(Self.mysqlMaxIndexedVarchar)" : "drop 'unique'"
            diagnostics.error(at, "\(what) is a unique \(column.type.keyword) column, which MySQL cannot index; \(fix), or drop 'mysql' from dialects")
        }
        if column.type == .string, let length = column.maxLength {
            if length > Self.mysqlMaxVarchar {
                diagnostics.error(options["max_length"]?.location ?? column.location, "\(what) has max_length \(length), more than MySQL's VARCHAR holds (\(Self.mysqlMaxVarchar) characters); use 'text'")
            } else if column.unique, length > Self.mysqlMaxIndexedVarchar {
                diagnostics.error(at, "\(what) is unique with max_length \(length), but MySQL indexes at most \(Self.mysqlMaxIndexedVarchar) characters; lower max_length")
            }
        }
        if column.defaultValue != nil, [.text, .json, .bytes].contains(column.type) {
            diagnostics.error(options["default"]?.location ?? column.location, "\(what) has a default, which MySQL does not allow on \(column.type.keyword) columns; drop the default or drop 'mysql' from dialects")
        }
    }
}
