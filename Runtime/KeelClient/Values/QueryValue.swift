import Foundation

/// A value that can stand in a query string, written as the service reads it.
public protocol QueryValue: Sendable {
    /// The value's text before percent-encoding.
    var queryText: String { get }
}

extension String: QueryValue { public var queryText: String { self } }
extension Int64: QueryValue { public var queryText: String { String(self) } }
extension Int32: QueryValue { public var queryText: String { String(self) } }
extension Int: QueryValue { public var queryText: String { String(self) } }
extension Double: QueryValue { public var queryText: String { String(self) } }
extension Bool: QueryValue { public var queryText: String { self ? "true" : "false" } }
extension UUID: QueryValue { public var queryText: String { uuidString.lowercased() } }
extension Date: QueryValue { public var queryText: String { WireTimestamp.format(self) } }
extension KeelDate: QueryValue { public var queryText: String { description } }
extension KeelDecimal: QueryValue { public var queryText: String { description } }

/// Generated enums travel by their raw value.
extension QueryValue where Self: RawRepresentable, RawValue == String {
    public var queryText: String { rawValue }
}
