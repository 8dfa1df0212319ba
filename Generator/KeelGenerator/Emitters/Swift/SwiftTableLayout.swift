import KeelSpec

/// The `TableLayout` literal of one table, from which KeelRuntime writes the table's SQL in each dialect.
enum SwiftTableLayout {
    /// The literal's arguments, one per line, as the model template indents them.
    static func arguments(of table: Table) -> [String] {
        let columns = table.columns.map { SwiftLiteral.string($0.name) }.joined(separator: ", ")
        let postgres = table.columns.compactMap { column in
            postgresKind(column.type).map { SwiftLiteral.string(column.name) + ": ." + $0 }
        }
        let id = SwiftLiteral.string(table.primaryKey?.name ?? "id")
        let arguments = [SwiftLiteral.string(table.name), "id: " + id, "columns: [" + columns + "]"]
        return postgres.isEmpty ? arguments : arguments + ["postgres: [" + postgres.joined(separator: ", ") + "]"]
    }

    /// The columns postgres-nio cannot bind (or read) as their plain Swift values: `TableLayout.PostgresKind`.
    private static func postgresKind(_ type: ColumnType) -> String? {
        switch type {
        case .decimal: "decimal"
        case .date: "date"
        case .json: "json"
        default: nil
        }
    }
}
