import Foundation

/// One bound parameter or one cell of a result row.
///
/// Every value reaches the database as a bound parameter: the runtime never splices values into SQL.
public enum DatabaseValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case text(String)
    case bytes([UInt8])
    /// An instant; stored in UTC with microseconds.
    case timestamp(Date)
    case uuid(UUID)

    /// The value as text, for cells a driver returns as text (decimals, dates, JSON) and for messages.
    public var text: String? {
        switch self {
        case .null, .bytes: nil
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .text(let value): value
        case .timestamp(let value): DatabaseTimestamp.iso8601(value)
        case .uuid(let value): value.uuidString.lowercased()
        }
    }

    /// The value as an integer, when it is one (drivers return integer columns as `.int`).
    public var int: Int64? {
        switch self {
        case .int(let value): value
        case .bool(let value): value ? 1 : 0
        case .text(let value): Int64(value)
        default: nil
        }
    }

    public var isNull: Bool { self == .null }
}
