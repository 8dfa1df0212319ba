/// A table column with every option resolved.
public struct Column: Codable, Hashable, Sendable {
    public var name: String
    /// lowerCamelCase name of the field in Swift and TypeScript; JSON keeps `name`.
    public var fieldName: String
    public var type: ColumnType
    public var nullable: Bool
    public var unique: Bool
    public var defaultValue: DefaultValue?
    public var min: Double?
    public var max: Double?
    public var minLength: Int?
    /// For `string` columns always set (default 255).
    public var maxLength: Int?
    public var pattern: String?
    public var description: String?
    /// The column's previous name: a migration renames it and keeps the data.
    public var renamedFrom: String?
    public var location: SourceLocation
}

/// A column default: a literal, or a value the database makes.
public enum DefaultValue: Codable, Hashable, Sendable {
    /// The current time (timestamp or date columns).
    case now
    /// A random UUID (uuid columns).
    case uuid
    case string(String)
    case integer(Int64)
    /// A decimal or float literal, kept as written so no precision is lost.
    case number(String)
    case bool(Bool)
    /// A JSON document, as compact canonical JSON text.
    case json(String)
}
