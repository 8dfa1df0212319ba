/// A database table, its columns and indexes.
public struct Table: Codable, Hashable, Sendable {
    public var name: String
    /// Singular UpperCamelCase name of its model (`products` -> `Product`).
    public var model: String
    public var description: String?
    public var columns: [Column]
    public var indexes: [Index]
    public var location: SourceLocation

    /// The `id` column: every table has exactly one.
    public var primaryKey: Column? { columns.first { $0.type == .id } }

    public func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }
}

/// A secondary index over one or more columns of a table.
public struct Index: Codable, Hashable, Sendable {
    /// Deterministic name: `<table>_<columns>_idx`, or `_key` when unique.
    public var name: String
    public var columns: [String]
    public var unique: Bool
    public var location: SourceLocation
}
