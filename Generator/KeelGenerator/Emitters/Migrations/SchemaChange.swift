import KeelSpec

/// One step from the previous schema to the spec's: the unit the planner finds and each dialect renders.
public enum SchemaChange: Hashable, Sendable {
    case createTable(TableSchema)
    case dropTable(TableSchema)
    case addColumn(table: String, ColumnSchema)
    case dropColumn(table: String, ColumnSchema)
    /// `renamed_from`: the data stays.
    case renameColumn(table: String, from: String, to: String)
    /// Type, nullability, default or uniqueness changed.
    case alterColumn(table: String, old: ColumnSchema, new: ColumnSchema)
    case createIndex(table: String, IndexSchema)
    case dropIndex(table: String, IndexSchema)

    /// A few words for the migration's file name, e.g. `create_products`.
    var slug: String {
        switch self {
        case let .createTable(table): "create_\(table.name)"
        case let .dropTable(table): "drop_\(table.name)"
        case let .addColumn(table, column): "add_\(table)_\(column.name)"
        case let .dropColumn(table, column): "drop_\(table)_\(column.name)"
        case let .renameColumn(table, _, to): "rename_\(table)_\(to)"
        case let .alterColumn(table, _, new): "alter_\(table)_\(new.name)"
        case let .createIndex(_, index): "index_\(index.name)"
        case let .dropIndex(_, index): "drop_\(index.name)"
        }
    }
}
