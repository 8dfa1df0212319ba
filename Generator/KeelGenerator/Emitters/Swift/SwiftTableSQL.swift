import KeelSpec

/// The fragments of `TableSQL` for one table in one dialect, as the model template writes them.
struct SwiftTableSQL {
    let table: Table
    let dialect: Dialect

    var context: [String: Any] {
        let syntax = SQLSyntax(dialect: dialect)
        let name = syntax.quote(table.name)
        let id = syntax.quote(table.primaryKey?.name ?? "id")
        let selected = table.columns.map { column in
            // postgres-nio hands JSONB over in its binary form; as text it reads like every other dialect's JSON.
            if dialect == .postgres, case .json = column.type { return "\(syntax.quote(column.name))::TEXT AS \(syntax.quote(column.name))" }
            return syntax.quote(column.name)
        }.joined(separator: ", ")
        let writable = table.columns.filter { $0.type != .id }
        let first = dialect == .postgres ? "$1" : "?"
        return [
            "dialect": dialect.rawValue,
            "placeholders": dialect == .postgres ? "numbered" : "question",
            "table": name,
            "selected": selected,
            "id": id,
            "insert": "INSERT INTO \(name)",
            "insertDefaults": dialect == .mysql ? "INSERT INTO \(name) () VALUES ()" : "INSERT INTO \(name) DEFAULT VALUES",
            "returning": dialect == .mysql ? "nil" : "#\" RETURNING \(selected)\"#",
            "update": "UPDATE \(name) SET ",
            "delete": "DELETE FROM \(name) WHERE \(id) = \(first)",
            // The id too: lists may filter and sort on it.
            "columns": dictionary(table.columns.map { ($0.name, syntax.quote($0.name)) }),
            "casts": dictionary(dialect == .postgres ? writable.compactMap { column in postgresCast(column.type).map { (column.name, $0) } } : []),
        ]
    }

    /// postgres-nio binds text as `text`, which NUMERIC, DATE and JSONB columns do not take without a cast.
    private func postgresCast(_ type: ColumnType) -> String? {
        switch type {
        case .decimal: "::NUMERIC"
        case .date: "::DATE"
        case .json: "::JSONB"
        default: nil
        }
    }

    private func dictionary(_ pairs: [(String, String)]) -> String {
        pairs.isEmpty ? ":" : pairs.map { SwiftLiteral.string($0.0) + ": " + SwiftLiteral.rawString($0.1) }.joined(separator: ", ")
    }
}
