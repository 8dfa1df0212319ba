import Foundation
import Hummingbird

/// A request body or query value as parsed JSON, before it is checked against a table's column rules.
///
/// Parsed by hand from `Decodable` so numbers keep their integer-ness and booleans never pass for numbers.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSONValue].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .integer(let integer): try container.encode(integer)
        case .number(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .array(let items): try container.encode(items)
        case .object(let members): try container.encode(members)
        }
    }

    /// Whether a NUL character hides anywhere in the value: PostgreSQL refuses it in text and JSON.
    var containsNUL: Bool {
        switch self {
        case .string(let text): text.unicodeScalars.contains("\u{0}")
        case .array(let items): items.contains(where: \.containsNUL)
        case .object(let members): members.contains { $0.key.unicodeScalars.contains("\u{0}") || $0.value.containsNUL }
        default: false
        }
    }

    /// A short name of the value's JSON type, for messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Its `jsonText` is what `json` columns store: keys sorted, no spaces.
extension JSONValue: JSONWritable {
    public func writeJSON(to json: inout JSONWriter) {
        switch self {
        case .null: json.null()
        case .bool(let flag): json.bool(flag)
        case .integer(let integer): json.integer(integer)
        case .number(let number): json.number(number)
        case .string(let text): json.string(text)
        case .array(let items): items.writeJSON(to: &json)
        case .object(let members):
            json.beginObject()
            // By UTF-8 bytes, as `JSONEncoder` sorts keys (Swift's `<` compares normalised text instead).
            for (key, value) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) { json.field(key, value) }
            json.endObject()
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

/// Reads a request body as one JSON object: malformed JSON is 400, anything but an object 422.
public enum JSONBody {
    public static func object(from buffer: ByteBuffer) throws -> [String: JSONValue] {
        guard !StrictJSON.hasTrailingComma(buffer.readableBytesView) else { throw APIError.invalidJSON }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView))
        } catch {
            throw APIError.invalidJSON
        }
        guard case .object(let members) = value else {
            throw APIError(.unprocessableContent, code: "VALIDATION_FAILED", detail: "The request body must be a JSON object, not \(value.typeName)",
                           fieldErrors: [.init(field: "body", message: "must be a JSON object")])
        }
        return members
    }
}
