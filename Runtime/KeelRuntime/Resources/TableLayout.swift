import Synchronization

/// A table as its generated model describes it: its name, its id, its columns in table order, and the columns
/// PostgreSQL exchanges through a cast. The runtime writes the table's `TableSQL` in each dialect from it, so each
/// model carries one short literal instead of the SQL of three dialects (bench/compile-time.md, fifth round).
public struct TableLayout: Sendable {
    /// How postgres-nio needs a column's values spelled, where its plain binding does not do.
    public enum PostgresKind: Sendable {
        /// Bound as text: the parameter is cast `::NUMERIC`.
        case decimal
        /// Bound as text: the parameter is cast `::DATE`.
        case date
        /// Bound as text and cast `::JSONB`; selected `::TEXT`, since postgres-nio hands JSONB over in its binary form.
        case json
    }

    public let name: String
    public let id: String
    public let columns: [String]
    public let postgres: [String: PostgresKind]

    public init(_ name: String, id: String, columns: [String], postgres: [String: PostgresKind] = [:]) {
        self.name = name
        self.id = id
        self.columns = columns
        self.postgres = postgres
    }

    /// The table's SQL in `dialect`, every identifier quoted. Identifiers are the spec's names, which its validation
    /// keeps to letters, digits and `_`, so quoting needs no escapes.
    public func sql(_ dialect: DatabaseDialect) -> TableSQL {
        let quote: (String) -> String = dialect == .mysql ? { "`\($0)`" } : { "\"\($0)\"" }
        let table = quote(name)
        let quotedID = quote(id)
        let postgres = dialect == .postgres ? self.postgres : [:]
        let selected = columns.map { column in
            postgres[column] == .json ? "\(quote(column))::TEXT AS \(quote(column))" : quote(column)
        }.joined(separator: ", ")
        return TableSQL(
            placeholders: dialect == .postgres ? .numbered : .question,
            table: table,
            selected: selected,
            id: quotedID,
            insert: "INSERT INTO \(table)",
            insertDefaults: dialect == .mysql ? "INSERT INTO \(table) () VALUES ()" : "INSERT INTO \(table) DEFAULT VALUES",
            returning: dialect == .mysql ? nil : " RETURNING " + selected,
            update: "UPDATE \(table) SET ",
            delete: "DELETE FROM \(table) WHERE \(quotedID) = \(dialect == .postgres ? "$1" : "?")",
            columns: Dictionary(uniqueKeysWithValues: columns.map { ($0, quote($0)) }),
            casts: postgres.mapValues { kind in
                switch kind {
                case .decimal: "::NUMERIC"
                case .date: "::DATE"
                case .json: "::JSONB"
                }
            }
        )
    }
}

/// Each model's `TableSQL` per dialect, written on first use: repositories are made per request.
enum TableSQLCache {
    private struct Key: Hashable {
        let model: ObjectIdentifier
        let dialect: DatabaseDialect
    }

    private static let written = Mutex<[Key: TableSQL]>([:])

    static func sql<Model: ResourceModel>(of model: Model.Type, _ dialect: DatabaseDialect) -> TableSQL {
        let key = Key(model: ObjectIdentifier(model), dialect: dialect)
        if let sql = written.withLock({ $0[key] }) { return sql }
        let sql = Model.table.sql(dialect)
        written.withLock { $0[key] = sql }
        return sql
    }
}
