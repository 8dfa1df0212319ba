import Foundation
import Hummingbird

/// The query string of a request, checked against what an endpoint accepts: an unknown parameter is 422,
/// as an unknown body field is, so a misspelt filter never silently lists everything.
public struct QueryParameters: Sendable {
    let values: [String: String]

    /// Fails with 422 naming each parameter the endpoint does not take, or that is given twice.
    public init(_ request: Request, accepted: Set<String>) throws {
        let (values, problems) = Self.read(request, accepted: accepted)
        guard problems.isEmpty else { throw APIError.validation(problems.sorted { $0.field < $1.field }) }
        self.values = values
    }

    init(values: [String: String]) {
        self.values = values
    }

    /// The parameters `accepted` names, and a problem for each other one and each one given twice.
    static func read(_ request: Request, accepted: Set<String>) -> (values: [String: String], problems: [ErrorEnvelope.FieldError]) {
        var values: [String: String] = [:]
        var problems: [ErrorEnvelope.FieldError] = []
        for (name, value) in request.uri.queryParameters {
            let key = String(name)
            if !accepted.contains(key) {
                problems.append(.init(field: String(key.unicodeScalars.prefix(100)), message: "is not a query parameter of this endpoint"))
            } else if values[key] != nil {
                problems.append(.init(field: key, message: "is given more than once"))
            } else {
                values[key] = String(value)
            }
        }
        return (values, problems)
    }

    public subscript(name: String) -> String? { values[name] }

    /// A whole number within `range`, or `fallback` when absent.
    public func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = values[name] else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            throw APIError.validation([.init(field: name, message: "must be a whole number from \(range.lowerBound) to \(range.upperBound)")])
        }
        return number
    }

    /// The parameter read as a value of a column, for filters: `?in_stock=true`, `?category_id=3`.
    public func value(_ name: String, rule: FieldRule) throws -> DatabaseValue? {
        guard let text = values[name] else { return nil }
        switch Self.value(of: text, rule: rule) {
        case .success(let value): return value
        case .failure(let problem): throw APIError.validation([.init(field: name, message: problem.message)])
        }
    }

    /// The text of a query or path parameter checked against a rule, read as the JSON value it stands for.
    static func value(of text: String, rule: FieldRule) -> Result<DatabaseValue, FieldProblem> {
        let json: JSONValue = switch rule.kind {
        case .int, .int32, .reference: Int64(queryText: text).map(JSONValue.integer) ?? .string(text)
        case .float: Double(text).map(JSONValue.number) ?? .string(text)
        case .bool: text == "true" ? .bool(true) : text == "false" ? .bool(false) : .string(text)
        default: .string(text)
        }
        return FieldValidator.value(json, for: rule)
    }

    /// A typed parameter of a custom endpoint; nil when absent.
    public func decode<T: QueryValue>(_ name: String, as type: T.Type = T.self) throws -> T? {
        guard let text = values[name] else { return nil }
        guard let value = T(queryText: text) else { throw APIError.validation([.init(field: name, message: "must be \(T.queryDescription)")]) }
        return value
    }

    /// A required typed parameter of a custom endpoint.
    public func require<T: QueryValue>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let value = try decode(name, as: T.self) else { throw APIError.validation([.init(field: name, message: "is required")]) }
        return value
    }
}

/// A scalar a path or query parameter may hold.
public protocol QueryValue: Sendable {
    init?(queryText: String)
    static var queryDescription: String { get }
}

extension Int64: QueryValue {
    public init?(queryText: String) {
        guard let number = Int64(queryText) ?? WholeNumberText.digits(queryText).flatMap({ Int64($0) }) else { return nil }
        self = number
    }
    public static var queryDescription: String { "a whole number" }
}

extension Int32: QueryValue {
    public init?(queryText: String) {
        guard let number = Int32(queryText) ?? WholeNumberText.digits(queryText).flatMap({ Int32($0) }) else { return nil }
        self = number
    }
    public static var queryDescription: String { "a whole number between -2147483648 and 2147483647" }
}

/// A whole number written with a zero fraction (`7.0`), which JSON Schema counts as an integer and so a client
/// following the OpenAPI document may send in a path or query string.
enum WholeNumberText {
    /// The digits before the point of `-?[0-9]+\.0+`; nil for any other text.
    static func digits(_ text: String) -> Substring? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty, parts[1].allSatisfy({ $0 == "0" }) else { return nil }
        let whole = parts[0].first == "-" ? parts[0].dropFirst() : parts[0]
        guard !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit) else { return nil }
        return parts[0]
    }
}

extension Double: QueryValue {
    public init?(queryText: String) {
        guard let number = Double(queryText), number.isFinite else { return nil }
        self = number
    }
    public static var queryDescription: String { "a number" }
}

extension Bool: QueryValue {
    public init?(queryText: String) { self.init(queryText) }
    public static var queryDescription: String { "true or false" }
}

extension String: QueryValue {
    public init?(queryText: String) {
        guard !queryText.unicodeScalars.contains("\u{0}") else { return nil }
        self = queryText
    }
    public static var queryDescription: String { "text without NUL characters" }
}

extension CalendarDate: QueryValue {
    public init?(queryText: String) { self.init(queryText) }
    public static var queryDescription: String { "a date written YYYY-MM-DD" }
}

extension UUID: QueryValue {
    public init?(queryText: String) { self.init(uuidString: queryText) }
    public static var queryDescription: String { "a UUID" }
}

extension DecimalValue: QueryValue {
    public init?(queryText: String) { self.init(queryText) }
    public static var queryDescription: String { "a decimal number, e.g. 12.50" }
}

extension Date: QueryValue {
    public init?(queryText: String) {
        guard let date = Timestamp.parse(queryText) else { return nil }
        self = date
    }
    public static var queryDescription: String { "a date and time in ISO 8601, e.g. 2026-01-31T09:30:00Z" }
}

extension JSONValue: QueryValue {
    public init?(queryText: String) {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(queryText.utf8)), !value.containsNUL else { return nil }
        self = value
    }
    public static var queryDescription: String { "JSON" }
}

extension Data: QueryValue {
    public init?(queryText: String) { self.init(base64Encoded: queryText) }
    public static var queryDescription: String { "base64-encoded bytes" }
}
