import Foundation

/// A Swift type a result cell converts to; generated models read their rows through it.
public protocol DatabaseCell: Sendable {
    init(cell: DatabaseValue) throws
}

extension DatabaseRow {
    /// The named column as `T`; a NULL or a value of another type is an error naming the column.
    public func decode<T: DatabaseCell>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let value = self[column], !value.isNull else { throw DatabaseError(.other, "column \(column) is NULL or missing") }
        do {
            return try T(cell: value)
        } catch {
            throw DatabaseError(.other, "column \(column): \(error)")
        }
    }

    /// The named column as `T`, or nil when it is NULL.
    public func decodeIfPresent<T: DatabaseCell>(_ column: String, as type: T.Type = T.self) throws -> T? {
        guard let value = self[column], !value.isNull else { return nil }
        return try decode(column, as: T.self)
    }
}

struct CellMismatch: Error, CustomStringConvertible {
    let description: String
    init(_ value: DatabaseValue, _ type: Any.Type) { description = "cannot read \(value) as \(type)" }
}

extension Int64: DatabaseCell {
    public init(cell: DatabaseValue) throws {
        guard let number = cell.int else { throw CellMismatch(cell, Int64.self) }
        self = number
    }
}

extension Int32: DatabaseCell {
    public init(cell: DatabaseValue) throws {
        guard let number = cell.int.flatMap(Int32.init(exactly:)) else { throw CellMismatch(cell, Int32.self) }
        self = number
    }
}

extension Double: DatabaseCell {
    public init(cell: DatabaseValue) throws {
        switch cell {
        case .double(let number): self = number
        case .int(let number): self = Double(number)
        case .text(let text) where Double(text) != nil: self = Double(text) ?? 0
        default: throw CellMismatch(cell, Double.self)
        }
    }
}

extension Bool: DatabaseCell {
    public init(cell: DatabaseValue) throws {
        switch cell {
        case .bool(let flag): self = flag
        case .int(let number): self = number != 0
        default: throw CellMismatch(cell, Bool.self)
        }
    }
}

extension String: DatabaseCell {
    public init(cell: DatabaseValue) throws {
        guard case .text(let text) = cell else { throw CellMismatch(cell, String.self) }
        self = text
    }
}

extension Date: DatabaseCell {
    public init(cell: DatabaseValue) throws {
        switch cell {
        case .timestamp(let date): self = date
        case .text(let text):
            guard let date = Timestamp.parse(text) else { throw CellMismatch(cell, Date.self) }
            self = date
        default: throw CellMismatch(cell, Date.self)
        }
    }
}

extension UUID: DatabaseCell {
    public init(cell: DatabaseValue) throws {
        switch cell {
        case .uuid(let uuid): self = uuid
        case .text(let text):
            guard let uuid = UUID(uuidString: text) else { throw CellMismatch(cell, UUID.self) }
            self = uuid
        default: throw CellMismatch(cell, UUID.self)
        }
    }
}

extension Data: DatabaseCell {
    public init(cell: DatabaseValue) throws {
        guard case .bytes(let bytes) = cell else { throw CellMismatch(cell, Data.self) }
        self = Data(bytes)
    }
}

extension CalendarDate: DatabaseCell {
    public init(cell: DatabaseValue) throws {
        // MySQL and SQLite return `YYYY-MM-DD`; a DATETIME-like cell keeps its date part.
        guard let text = cell.text, let date = CalendarDate(text.prefix(10)) else { throw CellMismatch(cell, CalendarDate.self) }
        self = date
    }
}

extension DecimalValue: DatabaseCell {
    public init(cell: DatabaseValue) throws {
        guard let text = cell.text, let value = DecimalValue(text) else { throw CellMismatch(cell, DecimalValue.self) }
        self = value
    }
}

extension JSONValue: DatabaseCell {
    public init(cell: DatabaseValue) throws {
        guard case .text(let text) = cell else { throw CellMismatch(cell, JSONValue.self) }
        self = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}

/// Spec `enum` columns become `String`-backed Swift enums; they read their cells through this.
extension RawRepresentable where RawValue == String, Self: DatabaseCell {
    public init(cell: DatabaseValue) throws {
        guard case .text(let text) = cell, let value = Self(rawValue: text) else { throw CellMismatch(cell, Self.self) }
        self = value
    }
}
