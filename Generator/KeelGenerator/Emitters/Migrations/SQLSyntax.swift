import KeelSpec

/// How one SQL dialect spells identifiers, types and defaults (the mapping is documented in docs/sql-mapping.md).
struct SQLSyntax: Sendable {
    let dialect: Dialect

    func quote(_ identifier: String) -> String {
        dialect == .mysql ? "`\(identifier)`" : "\"\(identifier)\""
    }

    func literal(_ text: String) -> String {
        let escaped = text.replacingASCII("'", with: "''")
        return "'\(dialect == .mysql ? escaped.replacingASCII("\\", with: "\\\\") : escaped)'"
    }

    /// The column's SQL type, without constraints.
    func type(of column: ColumnSchema) -> String {
        switch (column.type, dialect) {
        case (.id, .sqlite), (.int, .sqlite), (.int32, .sqlite), (.bool, .sqlite), (.ref, .sqlite): "INTEGER"
        case (.id, _), (.int, _), (.ref, _): "BIGINT"
        case (.int32, .postgres): "INTEGER"
        case (.int32, _): "INT"
        case (.float, .sqlite): "REAL"
        case (.float, .postgres): "DOUBLE PRECISION"
        case (.float, _): "DOUBLE"
        // SQLite has no exact decimal type: decimals are kept as text, exactly as written.
        case (.decimal, .sqlite): "TEXT"
        case let (.decimal(precision, scale), .postgres): "NUMERIC(\(precision), \(scale))"
        case let (.decimal(precision, scale), _): "DECIMAL(\(precision), \(scale))"
        case (.bool, _): "BOOLEAN"
        case (.string, .sqlite), (.text, .sqlite), (.date, .sqlite), (.timestamp, .sqlite), (.uuid, .sqlite), (.json, .sqlite), (.enumeration, .sqlite): "TEXT"
        case (.string, _): "VARCHAR(\(column.maxLength ?? 255))"
        case (.enumeration(let values), _): "VARCHAR(\(max(1, values.map(\.count).max() ?? 1)))"
        case (.text, .postgres): "TEXT"
        case (.text, _): "LONGTEXT"
        case (.date, _): "DATE"
        case (.timestamp, .postgres): "TIMESTAMP(6) WITH TIME ZONE"
        case (.timestamp, _): "DATETIME(6)"
        case (.uuid, .postgres): "UUID"
        case (.uuid, _): "CHAR(36)"
        case (.json, .postgres): "JSONB"
        case (.json, _): "JSON"
        case (.bytes, .sqlite): "BLOB"
        case (.bytes, .postgres): "BYTEA"
        case (.bytes, _): "LONGBLOB"
        }
    }

    /// The DEFAULT expression, or nil.
    func defaultExpression(of column: ColumnSchema) -> String? {
        guard let value = column.defaultValue else { return nil }
        switch (value, dialect) {
        case (.now, .sqlite): return column.type == .date ? "(date('now'))" : "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
        case (.now, .postgres): return column.type == .date ? "CURRENT_DATE" : "CURRENT_TIMESTAMP"
        case (.now, _): return column.type == .date ? "(CURRENT_DATE)" : "CURRENT_TIMESTAMP(6)"
        case (.uuid, .sqlite): return Self.sqliteUUIDv4
        case (.uuid, .postgres): return "gen_random_uuid()"
        case (.uuid, _): return "(UUID())"
        case let (.bool(flag), .sqlite): return flag ? "1" : "0"
        case let (.bool(flag), _): return flag ? "TRUE" : "FALSE"
        case let (.integer(number), _): return String(number)
        case let (.number(text), .sqlite): return column.type == .float ? text : literal(text)
        case let (.number(text), _): return text
        case let (.string(text), .postgres) where column.type == .timestamp: return literal(text)
        case let (.string(text), .mysql) where column.type == .timestamp: return literal(Self.mysqlDateTime(text))
        case let (.string(text), _): return literal(text)
        case let (.json(text), .postgres): return literal(text) + "::jsonb"
        case let (.json(text), _): return literal(text)
        }
    }

    /// CHECK constraints that carry rules the column type cannot (enum values; bounds and formats in SQLite).
    func checks(of column: ColumnSchema) -> [String] {
        let name = quote(column.name)
        var checks: [String] = []
        if case let .enumeration(values) = column.type {
            checks.append("\(name) IN (\(values.map(literal).joined(separator: ", ")))")
        }
        guard dialect == .sqlite else { return checks }
        switch column.type {
        case .bool: checks.append("\(name) IN (0, 1)")
        case .string: checks.append("length(\(name)) <= \(column.maxLength ?? 255)")
        // json_valid(NULL) is 0, not NULL, so a nullable column must let NULL through itself.
        case .json: checks.append(column.nullable ? "(\(name) IS NULL OR json_valid(\(name)))" : "json_valid(\(name))")
        case .uuid: checks.append("length(\(name)) = 36")
        default: break
        }
        return checks
    }

    /// `2024-01-31T12:00:00Z` as MySQL's DATETIME literal.
    private static func mysqlDateTime(_ iso: String) -> String {
        iso.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
    }

    /// A random version 4 UUID in SQLite's SQL (it has no function for one).
    private static let sqliteUUIDv4 = "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))"
}
