import Foundation

/// A Swift value generated create and patch types bind for a column.
public protocol DatabaseBindable: Sendable {
    var databaseValue: DatabaseValue { get }
}

extension Int64: DatabaseBindable { public var databaseValue: DatabaseValue { .int(self) } }
extension Int32: DatabaseBindable { public var databaseValue: DatabaseValue { .int(Int64(self)) } }
extension Double: DatabaseBindable { public var databaseValue: DatabaseValue { .double(self) } }
extension Bool: DatabaseBindable { public var databaseValue: DatabaseValue { .bool(self) } }
extension String: DatabaseBindable { public var databaseValue: DatabaseValue { .text(self) } }
extension Date: DatabaseBindable { public var databaseValue: DatabaseValue { .timestamp(self) } }
extension UUID: DatabaseBindable { public var databaseValue: DatabaseValue { .uuid(self) } }
extension Data: DatabaseBindable { public var databaseValue: DatabaseValue { .bytes([UInt8](self)) } }
extension CalendarDate: DatabaseBindable { public var databaseValue: DatabaseValue { .text(description) } }
extension DecimalValue: DatabaseBindable { public var databaseValue: DatabaseValue { .text(description) } }
extension JSONValue: DatabaseBindable { public var databaseValue: DatabaseValue { .text(jsonText) } }

extension Optional: DatabaseBindable where Wrapped: DatabaseBindable {
    public var databaseValue: DatabaseValue { self?.databaseValue ?? .null }
}

extension RawRepresentable where RawValue == String, Self: DatabaseBindable {
    public var databaseValue: DatabaseValue { .text(rawValue) }
}
