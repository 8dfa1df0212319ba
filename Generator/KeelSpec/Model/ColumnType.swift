/// The type of a column, with the parameters that belong to that type.
public enum ColumnType: Codable, Hashable, Sendable {
    /// 64-bit auto-increment primary key.
    case id
    /// 64-bit integer.
    case int
    case int32
    /// Double precision.
    case float
    case decimal(precision: Int, scale: Int)
    case bool
    /// Bounded text; the bound is `Column.maxLength`.
    case string
    case text
    case date
    /// UTC, microseconds.
    case timestamp
    case uuid
    case json
    case bytes
    case enumeration(values: [String])
    /// A foreign key to another table's `id`.
    case ref(table: String, onDelete: OnDelete)

    /// What happens to referring rows when the referenced row is deleted.
    public enum OnDelete: String, Codable, Hashable, Sendable, CaseIterable {
        case restrict
        case cascade
        case setNull = "set_null"
    }

    /// The spec's name of the type, as written in YAML.
    public var keyword: String {
        switch self {
        case .id: "id"
        case .int: "int"
        case .int32: "int32"
        case .float: "float"
        case .decimal: "decimal"
        case .bool: "bool"
        case .string: "string"
        case .text: "text"
        case .date: "date"
        case .timestamp: "timestamp"
        case .uuid: "uuid"
        case .json: "json"
        case .bytes: "bytes"
        case .enumeration: "enum"
        case .ref: "ref"
        }
    }

    /// Every keyword a column `type` may take.
    public static let keywords = ["id", "int", "int32", "float", "decimal", "bool", "string", "text",
                                  "date", "timestamp", "uuid", "json", "bytes", "enum", "ref"]

    var isNumeric: Bool {
        switch self {
        case .int, .int32, .float, .decimal: true
        default: false
        }
    }

    var isTextual: Bool {
        switch self {
        case .string, .text: true
        default: false
        }
    }
}
