import KeelSpec

/// The database-relevant part of the spec's tables: what migrations create and what the snapshot records.
///
/// Validation-only options (min, max, pattern, ...) are left out: changing them needs no migration.
public struct DatabaseSchema: Codable, Hashable, Sendable {
    public var tables: [TableSchema]

    public init(tables: [TableSchema]) {
        self.tables = tables
    }

    public init(_ spec: Spec) {
        tables = spec.tables.map(TableSchema.init)
    }

    public func table(named name: String) -> TableSchema? {
        tables.first { $0.name == name }
    }
}

public struct TableSchema: Codable, Hashable, Sendable {
    public var name: String
    public var columns: [ColumnSchema]
    public var indexes: [IndexSchema]

    public init(name: String, columns: [ColumnSchema], indexes: [IndexSchema]) {
        self.name = name
        self.columns = columns
        self.indexes = indexes
    }

    init(_ table: Table) {
        name = table.name
        columns = table.columns.map(ColumnSchema.init)
        indexes = table.indexes.map { IndexSchema(name: $0.name, columns: $0.columns, unique: $0.unique) }
    }

    public func column(named name: String) -> ColumnSchema? {
        columns.first { $0.name == name }
    }

    /// The name of the `id` column, which references to this table point at.
    var primaryKey: String? {
        columns.first { $0.type == .id }?.name
    }

    /// Tables this one refers to through `ref` columns.
    var references: [String] {
        columns.compactMap { if case let .ref(table, _) = $0.type { table } else { nil } }
    }
}

public struct ColumnSchema: Codable, Hashable, Sendable {
    public var name: String
    public var type: ColumnType
    public var nullable: Bool
    public var unique: Bool
    public var defaultValue: DefaultValue?
    /// VARCHAR length of `string` columns.
    public var maxLength: Int?

    public init(name: String, type: ColumnType, nullable: Bool = false, unique: Bool = false, defaultValue: DefaultValue? = nil, maxLength: Int? = nil) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.unique = unique
        self.defaultValue = defaultValue
        self.maxLength = maxLength
    }

    /// The database-relevant part of a spec column.
    public init(_ column: Column) {
        self.init(name: column.name, type: column.type, nullable: column.nullable, unique: column.unique,
                  defaultValue: column.defaultValue, maxLength: column.type == .string ? column.maxLength : nil)
    }

    /// Name of the unique index that enforces `unique`.
    func uniqueIndexName(table: String) -> String {
        IndexName.make(table: table, columns: [name], unique: true)
    }
}

public struct IndexSchema: Codable, Hashable, Sendable {
    public var name: String
    public var columns: [String]
    public var unique: Bool
}
